/**
 * Runs `work` on every item, at most `width` at once: browser tests open a few pages together,
 * each waiting on the browser's processes (or for the network to be idle) as much as it works.
 */
export async function inTurn<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, lane));
}
