import type { ArticleRecord } from "../model/article.ts";
import { topItems } from "./top.ts";

/**
 * Related articles: those sharing the most actors and topics, each shared entity weighted by
 * its rarity (an actor in every article says little). Entities found in more than
 * `MAX_DOC_FREQUENCY` of the archive are skipped. For a frequent entity, only the
 * `WINDOW` articles nearest in date (records are newest first) are candidates, so the
 * work per article is bounded and the whole stays linear in the size of the archive.
 */
const MAX_DOC_FREQUENCY = 0.2;
const WINDOW = 400;

export function relatedArticles(records: readonly ArticleRecord[], limit = 5): Map<string, ArticleRecord[]> {
  const keyIds = new Map<string, number>();
  const keyOf = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  const keys = records.map((record) => [
    ...record.people.map((r) => keyOf(`p:${r.id}`)),
    ...record.agencies.map((r) => keyOf(`a:${r.id}`)),
    ...record.topics.map((r) => keyOf(`t:${r.id}`)),
  ]);
  // Postings in record order, so a binary search finds an article's place in them.
  const postings: number[][] = Array.from({ length: keyIds.size }, () => []);
  keys.forEach((list, index) => {
    for (const key of new Set(list)) (postings[key] as number[]).push(index);
  });
  const cap = Math.max(50, Math.floor(records.length * MAX_DOC_FREQUENCY));
  const weights = postings.map((posting) => (posting.length <= cap ? Math.log(1 + records.length / posting.length) : 0));

  const scores = new Float64Array(records.length);
  const related = new Map<string, ArticleRecord[]>();
  records.forEach((record, index) => {
    const touched: number[] = [];
    for (const key of new Set(keys[index])) {
      const weight = weights[key] as number;
      if (weight === 0) continue;
      const posting = postings[key] as number[];
      const at = lowerBound(posting, index);
      const from = Math.max(0, Math.min(at - WINDOW / 2, posting.length - WINDOW));
      const to = Math.min(posting.length, from + WINDOW);
      for (let i = from; i < to; i++) {
        const other = posting[i] as number;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] as number) + weight;
      }
    }
    const best = topScores(touched, scores, limit);
    for (const other of touched) scores[other] = 0;
    related.set(record.id, best.map((other) => records[other] as ArticleRecord));
  });
  return related;
}

/** The `limit` best candidates, highest score first, ties to the newer (lower index). */
function topScores(candidates: readonly number[], scores: Float64Array, limit: number): number[] {
  return topItems(candidates, limit, (a, b) => (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b));
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
