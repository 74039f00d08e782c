import type { Archive } from "../pipeline/build-archive.ts";
import type { ArticleRecord } from "../model/article.ts";
import { urls } from "../model/urls.ts";

/** Where each source's page is, and the original article it is a copy of (its `url:`), for the articles and drafts of a build. */
export type ArticleAddresses = ReadonlyMap<string, { page: string; source: string | null }>;

export function articleAddresses(archive: Pick<Archive, "records" | "drafts">): ArticleAddresses {
  const addresses = new Map<string, { page: string; source: string | null }>();
  const add = (record: ArticleRecord) => addresses.set(record.sourcePath, { page: urls.article(record), source: record.url });
  archive.records.forEach(add);
  archive.drafts.forEach(add);
  return addresses;
}

/**
 * The pages that moved between two builds, old path → new path, as Hugo's server follows
 * them: a source whose `slug:` or `permalink:` changed; a file renamed (its path left, another
 * came) is followed when the two name the same original article (`url:`), or when it is the
 * only file that left and the only one that came.
 */
export function movedAddresses(before: ArticleAddresses, after: ArticleAddresses): Map<string, string> {
  const moved = new Map<string, string>();
  for (const [path, now] of after) {
    const was = before.get(path);
    if (was && was.page !== now.page) moved.set(was.page, now.page);
  }
  const left = [...before].filter(([path]) => !after.has(path)).map(([, address]) => address);
  const came = [...after].filter(([path]) => !before.has(path)).map(([, address]) => address);
  for (const gone of left) {
    const same = gone.source === null ? [] : came.filter((address) => address.source === gone.source);
    const [only] = same.length === 1 ? same : left.length === 1 && came.length === 1 ? came : [];
    if (only && only.page !== gone.page) moved.set(gone.page, only.page);
  }
  // An address another article took since is that article's.
  for (const { page } of after.values()) moved.delete(page);
  return moved;
}
