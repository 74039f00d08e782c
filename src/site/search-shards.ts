import type { Archive } from "../build/build-archive.ts";
import { siteCodeVersion } from "../build/code-version.ts";
import type { ArticleRecord } from "../records/article.ts";
import { sha1 } from "../text/sha1.ts";
import { hash } from "./digest.ts";
import { searchRecords, type SearchRecord } from "./search-records.ts";
import { urls } from "./urls.ts";

/**
 * The search index is split into shards of at most about `shardSize` articles, each a
 * Pagefind bundle of its own that the search page merges (Pagefind's `mergeIndex`):
 * - a rebuild after an edit indexes again only the shard of the edited article;
 * - shards are indexed side by side, one per core;
 * - indexing time per article stays flat (one Pagefind index slows down as it grows).
 * The count is a power of two, so it changes only when the archive doubles, and is capped:
 * merged shards share the primary's WebAssembly, but each costs the reader's browser a few
 * small requests per search (its entry, its metadata, its chunk of each word searched).
 * At 32, a 10,000-article archive has shards of about 300 articles: about 1.3 s of Pagefind
 * for a rebuild after an edit (16 shards of 600 took 2.7 s, half the budget of a rebuild).
 */
export const MAX_SEARCH_SHARDS = 32;

export function searchShardCount(articles: number, shardSize: number): number {
  let count = 1;
  while (count < MAX_SEARCH_SHARDS && articles > count * shardSize) count *= 2;
  return count;
}

/** The shard of an article, from its URL alone: it stays put when other articles come and go. */
export function searchShardOf(url: string, count: number): number {
  return sha1(url, "buffer").readUInt32BE(0) % count;
}

/**
 * The shards that hold articles, in order: only they get a bundle, since Pagefind cannot open
 * an empty index. The first shard stands in when there is no article at all.
 */
export function searchShardsInUse(shards: readonly (readonly unknown[])[]): number[] {
  const used = shards.flatMap((records, shard) => (records.length > 0 ? [shard] : []));
  return used.length > 0 ? used : [0];
}

/** Root-relative folder of a shard's bundle: the first shard is Pagefind's usual `/pagefind/`. */
export function searchBundlePath(shard: number): string {
  return shard === 0 ? "/pagefind/" : `/pagefind-${shard}/`;
}

const INDEX_FILES = /^(pagefind-entry\.json|[^/\\]+\.pf_meta|(index|fragment|filter)[\\/].+)$/;
const PRIMARY_FILES = /^(?!pagefind-(component-ui|modular-ui|highlight)\.)/;

/**
 * The files of a shard's Pagefind bundle that belong in the site, by path. Every bundle keeps
 * its index: `pagefind-entry.json`, the `.pf_meta` file and the `index/`, `fragment/` and
 * `filter/` chunks. Only the primary (shard 0) keeps the search code the page loads: a merged
 * shard is read by the primary's code and WebAssembly (Pagefind's `mergeIndex` starts it
 * without loading its own). The interfaces the site does not use (Pagefind's component UI,
 * modular UI and highlighting script) are left out everywhere: at 32 shards, those copies would
 * be some 20 MB of files nobody requests. A pattern, not a function: it crosses to the
 * indexing process as it is.
 */
export function searchFilesKept(shard: number): RegExp {
  return shard === 0 ? PRIMARY_FILES : INDEX_FILES;
}

/** Items (records, articles) by the shard of their URL, in their given order. */
export function splitByShard<T>(items: readonly T[], urlOf: (item: T) => string, count: number): T[][] {
  const shards: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) (shards[searchShardOf(urlOf(item), count)] as T[]).push(item);
  return shards;
}

/** The records of each shard, in the archive's order. */
export function splitSearchRecords(records: readonly SearchRecord[], count: number): SearchRecord[][] {
  return splitByShard(records, (record) => record.url, count);
}

/**
 * An archive's articles by search shard, the shards that get a bundle, and what each
 * shard's index is made from, as one hash: a shard whose digest is unchanged is not
 * indexed again, and its records need not even be made.
 */
export interface SearchShardPlan {
  shards: ArticleRecord[][];
  inUse: number[];
  digests: string[];
}

/** Planned once per archive: the build indexes by it and the search page lists its bundles. */
const plans = new WeakMap<Archive, SearchShardPlan>();

export function planSearchShards(archive: Archive): SearchShardPlan {
  const planned = plans.get(archive);
  if (planned) return planned;
  const shards = splitByShard(archive.records, urls.article, searchShardCount(archive.records.length, archive.config.searchShardSize));
  const digests = shards.map((records) => {
    const known = records.map((record) => archive.digests.get(record.id));
    // The records' digests stand for the records, with the code (src/site) and language that make search records of them.
    if (known.every(Boolean)) return hash([siteCodeVersion(), archive.config.lang, ...known].join("\n"));
    return searchShardDigest(searchRecords(archive, records));
  });
  const plan = { shards, inUse: searchShardsInUse(shards), digests };
  plans.set(archive, plan);
  return plan;
}

/** What a shard's index is made from, as one hash, from its records themselves. */
export function searchShardDigest(records: readonly SearchRecord[]): string {
  return hash(JSON.stringify(records));
}
