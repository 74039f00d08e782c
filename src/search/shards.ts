import type { Archive } from "../pipeline/build-archive.ts";
import { siteCodeVersion } from "../pipeline/code-version.ts";
import type { ArticleRecord } from "../model/article.ts";
import { sha1 } from "../text/sha1.ts";
import { DEFAULT_SEARCH_BUNDLES } from "../config.ts";
import { hash } from "../site/digest.ts";
import { searchRecords, type SearchRecord } from "./records.ts";
import { urls } from "../model/urls.ts";

/**
 * The search index is split into shards, each a Pagefind bundle of its own that the search
 * page merges (Pagefind's `mergeIndex`):
 * - a rebuild after an edit indexes again only the shard of the edited article;
 * - shards are indexed side by side, one per core;
 * - Pagefind's indexing time per article grows with the size of an index: small ones keep it low.
 * Shards hold at most about `shardSize` articles; their count is a power of two, so it changes
 * only when the archive doubles. Each shard costs the reader's browser a few small requests
 * per search (its entry, its metadata, its chunk of each word searched), so their count is
 * capped (`bundles`, 32 by default); past the cap, shards grow.
 */

/** Shards (bundles) of the search index: one per `shardSize` articles or less, a power of two, at most `bundles`. */
export function searchShardCount(articles: number, shardSize: number, bundles = DEFAULT_SEARCH_BUNDLES): number {
  let shards = 1;
  while (articles > shards * shardSize && shards < bundles) shards *= 2;
  return shards;
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

/** Whether the primary bundle keeps Pagefind's ready-made interface (pagefind-ui.js and .css) beside its search code. */
const KEEP_PAGEFIND_UI = false;

/** The files of a bundle's index: its entry, metadata, and word, filter and page chunks. */
const INDEX_FILES = String.raw`pagefind-entry\.json|[^/\\]+\.pf_meta|(index|fragment|filter)[\\/].+`;
/** Pagefind's search code: what its JavaScript API (pagefind.js) loads. */
const SEARCH_CODE = String.raw`pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind`;
const PAGEFIND_UI = String.raw`pagefind-ui\.(js|css)`;

const PRIMARY_FILES = new RegExp(`^(${[INDEX_FILES, SEARCH_CODE, ...(KEEP_PAGEFIND_UI ? [PAGEFIND_UI] : [])].join("|")})$`);
const SHARD_FILES = new RegExp(`^(${INDEX_FILES})$`);

/**
 * The files of a shard's Pagefind bundle that belong in the site, by path. Every bundle keeps
 * its index. Only the primary (the first shard in use, whose bundle the page lists first)
 * keeps the search code the page loads: a merged shard is read by the primary's code and WebAssembly (Pagefind's `mergeIndex` starts it without
 * loading its own). What the site does not load (Pagefind's highlighting script, its modular
 * and component interfaces) is left out: a copy in every shard would be files nobody
 * requests. A pattern, not a function: it crosses to the indexing process as it is.
 */
export function searchFilesKept(primary: boolean): RegExp {
  return primary ? PRIMARY_FILES : SHARD_FILES;
}

/** Items (records, articles) by the shard of their URL, in their given order. */
export function splitByShard<T>(items: readonly T[], urlOf: (item: T) => string, count: number): T[][] {
  const shards: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) (shards[searchShardOf(urlOf(item), count)] as T[]).push(item);
  return shards;
}

/**
 * An archive's articles by search shard, the shards that get a bundle, and what each shard
 * is made from, as one hash: a shard whose digest is unchanged is not indexed again, and its
 * records need not even be made.
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
  const { searchShardSize, searchBundles, lang } = archive.config;
  const shards = splitByShard(archive.records, urls.article, searchShardCount(archive.records.length, searchShardSize, searchBundles));
  const inUse = searchShardsInUse(shards);
  const digests = shards.map((records, shard) => {
    const known = records.map((record) => archive.digests.get(record.id));
    // The primary bundle carries Pagefind's search code too: a shard that becomes or stops being it is written again.
    const role = shard === inUse[0] ? "primary" : "merged";
    // The records' digests stand for the records, with the code (src/site) and language that make search records of them.
    if (known.every(Boolean)) return hash([siteCodeVersion(), lang, role, ...known].join("\n"));
    return hash(`${role}\n${searchShardDigest(searchRecords(archive, records))}`);
  });
  const plan = { shards, inUse, digests };
  plans.set(archive, plan);
  return plan;
}

/** What a shard's index is made from, as one hash, from its records themselves. */
export function searchShardDigest(records: readonly SearchRecord[]): string {
  return hash(JSON.stringify(records));
}
