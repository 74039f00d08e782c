import type { ArticleRecord } from "../records/article.ts";

/**
 * Related articles: those sharing the most actors and topics, each shared entity weighted by
 * its rarity (an actor in every article says little). Entities found in more than
 * `maxDocFrequency` of the archive are skipped, so the cost stays linear in the archive.
 */
const MAX_DOC_FREQUENCY = 0.2;

export function relatedArticles(records: readonly ArticleRecord[], limit = 5): Map<string, ArticleRecord[]> {
  const postings = new Map<string, number[]>();
  const keysOf = (record: ArticleRecord) => [
    ...record.people.map((r) => `p:${r.id}`),
    ...record.agencies.map((r) => `a:${r.id}`),
    ...record.topics.map((r) => `t:${r.id}`),
  ];
  const keys = records.map(keysOf);
  keys.forEach((list, index) => {
    for (const key of list) {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = []));
      posting.push(index);
    }
  });
  const cap = Math.max(50, Math.floor(records.length * MAX_DOC_FREQUENCY));
  const weight = new Map<string, number>();
  for (const [key, posting] of postings) if (posting.length <= cap) weight.set(key, Math.log(1 + records.length / posting.length));

  const related = new Map<string, ArticleRecord[]>();
  records.forEach((record, index) => {
    const scores = new Map<number, number>();
    for (const key of keys[index] as string[]) {
      const w = weight.get(key);
      if (w === undefined) continue;
      for (const other of postings.get(key) as number[]) if (other !== index) scores.set(other, (scores.get(other) ?? 0) + w);
    }
    const best = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    related.set(record.id, best.map(([other]) => records[other] as ArticleRecord));
  });
  return related;
}
