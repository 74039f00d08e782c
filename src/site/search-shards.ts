import type { Archive } from "../build/build-archive.ts";
import { siteCodeVersion } from "../build/code-version.ts";
import type { ArticleRecord } from "../records/article.ts";
import { sha1 } from "../text/sha1.ts";
import { DEFAULT_SEARCH_BUNDLES } from "../config.ts";
import { hash } from "./digest.ts";
import { canMergeSearchPieces, SEARCH_INDEX_FILES } from "./merge-search-pieces.ts";
import { searchRecords, type SearchRecord } from "./search-records.ts";
import { urls } from "./urls.ts";

/**
 * The search index is split into shards, each a Pagefind bundle of its own that the search
 * page merges (Pagefind's `mergeIndex`):
 * - a rebuild after an edit indexes again only the shard of the edited article;
 * - shards are indexed side by side, one per core;
 * - indexing time per article stays flat (one Pagefind index slows down as it grows).
 * Shards hold at most about `shardSize` articles; their count is a power of two, so it changes
 * only when the archive doubles. Each shard costs the reader's browser a few small requests
 * per search (its entry, its metadata, its chunk of each word searched), so their count is
 * capped (`bundles`, 32 by default). Past the cap, shards grow, and a shard of more than twice
 * `shardSize` articles is made of pieces indexed apart, cached, and merged into its bundle
 * (merge-search-pieces.ts): a rebuild after an edit indexes one piece again. At 32, 10,000
 * articles make 32 shards of about 300, and 100,000 make 32 shards of 8 pieces of about 390.
 */

/** Shards (bundles) of the search index: one per `shardSize` articles or less, a power of two, at most `bundles` (a power of two). */
export function searchShardCount(articles: number, shardSize: number, bundles = DEFAULT_SEARCH_BUNDLES): number {
  return Math.min(powerOfTwoFor(articles, shardSize), bundles);
}

/**
 * Pieces indexed apart: one per shard, until shards would hold more than twice `shardSize`
 * articles; then pieces of at most that (merging takes 0.16 ms per article; Pagefind's indexer,
 * where it indexes, took 3.4 ms per article in pieces of 300, 4.2–4.5 ms in one index of 3,000).
 */
export function searchPieceCount(articles: number, shardSize: number, bundles = DEFAULT_SEARCH_BUNDLES): number {
  return Math.max(searchShardCount(articles, shardSize, bundles), powerOfTwoFor(articles, 2 * shardSize));
}

/** The smallest power of two that many groups of `size` hold `count`. */
function powerOfTwoFor(count: number, size: number): number {
  let groups = 1;
  while (count > groups * size) groups *= 2;
  return groups;
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
  return shard === 0 ? PRIMARY_FILES : SEARCH_INDEX_FILES;
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
 * An archive's articles by search shard, the shards that get a bundle, each shard's pieces
 * (one piece is the shard itself), and what each shard and piece is made from, as one hash: a
 * shard whose digest is unchanged is not indexed again, a piece whose index is still in the
 * cache is merged as it is, and their records need not even be made.
 */
export interface SearchShardPlan {
  shards: ArticleRecord[][];
  inUse: number[];
  digests: string[];
  /** Each shard's pieces with articles, in order. */
  pieces: SearchPiecePlan[][];
}

export interface SearchPiecePlan {
  records: ArticleRecord[];
  digest: string;
}

/** Planned once per archive: the build indexes by it and the search page lists its bundles. */
const plans = new WeakMap<Archive, SearchShardPlan>();

export function planSearchShards(archive: Archive): SearchShardPlan {
  const planned = plans.get(archive);
  if (planned) return planned;
  const { searchShardSize, searchBundles, lang } = archive.config;
  const shardCount = searchShardCount(archive.records.length, searchShardSize, searchBundles);
  const pieceCount = canMergeSearchPieces() ? searchPieceCount(archive.records.length, searchShardSize, searchBundles) : shardCount;
  const byPiece = splitByShard(archive.records, urls.article, pieceCount);
  const digestOf = (records: ArticleRecord[]) => {
    const known = records.map((record) => archive.digests.get(record.id));
    // The records' digests stand for the records, with the code (src/site) and language that make search records of them.
    if (known.every(Boolean)) return hash([siteCodeVersion(), lang, ...known].join("\n"));
    return searchShardDigest(searchRecords(archive, records));
  };
  // An article's piece is its hash modulo the pieces, its shard the same modulo the shards: piece p is in shard p % shards.
  const pieces: SearchPiecePlan[][] = Array.from({ length: shardCount }, () => []);
  byPiece.forEach((records, piece) => {
    if (records.length > 0) (pieces[piece % shardCount] as SearchPiecePlan[]).push({ records, digest: digestOf(records) });
  });
  const shards = pieces.map((list) => list.flatMap((piece) => piece.records));
  const digests = pieces.map((list) => (list.length === 1 ? (list[0] as SearchPiecePlan).digest : hash(list.map((piece) => piece.digest).join("\n"))));
  const plan = { shards, inUse: searchShardsInUse(shards), digests, pieces };
  plans.set(archive, plan);
  return plan;
}

/** What a shard's index is made from, as one hash, from its records themselves. */
export function searchShardDigest(records: readonly SearchRecord[]): string {
  return hash(JSON.stringify(records));
}
