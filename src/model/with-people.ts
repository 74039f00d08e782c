import type { ArticleRecord, EntityRef } from "./article.ts";

/**
 * A copy of the record with other people. Its other fields are copied as they are, and a
 * field read on demand (a cached record's body and HTML) is read from the record on demand:
 * copying must not load every cached text.
 */
export function recordWithPeople(record: ArticleRecord, people: readonly EntityRef[]): ArticleRecord {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const descriptor = Object.getOwnPropertyDescriptor(record, key) as PropertyDescriptor;
    // Plain assignment for plain fields keeps the copy a fast object; only the fields read on demand are defined.
    if (descriptor.get) Object.defineProperty(copy, key, { get: () => record[key as keyof ArticleRecord], enumerable: true, configurable: true });
    else copy[key] = descriptor.value;
  }
  copy["people"] = people;
  return copy as unknown as ArticleRecord;
}
