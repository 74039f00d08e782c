/**
 * The `limit` best items, best first, picked in one pass without sorting them all (a topic
 * may have thousands of candidates for ten places). `better(a, b)` is true when `a` ranks
 * before `b`; items that rank alike keep the order they came in.
 */
export function topItems<T>(items: Iterable<T>, limit: number, better: (a: T, b: T) => boolean): T[] {
  const best: T[] = [];
  if (limit <= 0) return best;
  for (const item of items) {
    if (best.length === limit && !better(item, best[limit - 1] as T)) continue;
    let at = Math.min(best.length, limit - 1);
    while (at > 0 && better(item, best[at - 1] as T)) at--;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}
