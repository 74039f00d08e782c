import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { SearchRecord } from "../../src/search/records.ts";
import { searchBundlePath, searchFilesKept } from "../../src/search/shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site, through
 * Pagefind's Node API: one bundle per shard (`pagefind/`, `pagefind-1/`…, with only the files
 * the site uses, see `searchFilesKept`), stemmed by Pagefind from each record's language.
 * Shards are indexed side by side, one worker thread per core (each drives a Pagefind
 * process of its own), taking them in turn; records go in order, so an index is the same
 * from build to build. The indexers run at low priority, on what the rendering of the pages
 * leaves.
 *
 * The indexers need nothing from this thread once they have their orders: each shard's
 * records wait for them in memory they share with it, and they share the shards out among
 * themselves (a counter they all increment). This thread is busy rendering pages meanwhile
 * and reads its messages only now and then: a next shard asked of it would leave the
 * indexers idle. Threads, not processes: each has an event loop of its own, and none starts
 * another Node.
 */
export interface SearchShard {
  shard: number;
  primary: boolean;
  records: readonly SearchRecord[];
}

/** One shard's work, as an indexer is told it. */
export interface IndexJob {
  shard: number;
  /** The shard's records, in V8's structured-clone format: read by the indexer that takes the shard, copied by none. */
  records: SharedArrayBuffer;
  outputPath: string;
  keep: RegExp;
}

/** Build → indexer, once. */
export interface IndexerOrders {
  jobs: IndexJob[];
  /** One 32-bit counter: the next job no indexer has taken. */
  claimed: SharedArrayBuffer;
}

/** Indexer → build: for each shard indexed, for the failure that stopped it, and once done with its orders. */
export interface IndexerReport {
  indexed?: number;
  error?: string;
  done?: true;
}

/** The version of Pagefind that writes the index: bundles written by another are written again. */
export function searchIndexerVersion(): string {
  const packageFile = fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind")));
  return `pagefind ${(JSON.parse(readFileSync(packageFile, "utf8")) as { version: string }).version}`;
}

/**
 * The indexer threads, kept from one indexing to the next: a thread that ended would leave
 * its Pagefind process, stopped after the thread's last shard, unreaped (Node reaps a child
 * from the event loop of the thread that started it). They wait for their next orders
 * without keeping the process from exiting, and start again none of their code.
 */
const indexers: Worker[] = [];
/** The indexing under way, if any: the next one waits for it, the indexers being shared. */
let indexing: Promise<unknown> | undefined;

/**
 * Indexes the shards into the site; resolves with the number of articles indexed. The
 * indexers have their orders when this returns (unless an indexing is under way): the
 * caller may keep this thread busy at once.
 */
export function writeSearchIndex(shards: readonly SearchShard[], site: string): Promise<number> {
  const written = indexing ? indexing.then(() => indexShards(shards, site)) : indexShards(shards, site);
  const settled = written.catch(() => {});
  indexing = settled;
  void settled.then(() => {
    if (indexing === settled) indexing = undefined;
  });
  return written;
}

/** The shards, shared out among the indexers (started here the first time); the articles indexed. */
async function indexShards(shards: readonly SearchShard[], site: string): Promise<number> {
  if (shards.length === 0) return 0;
  const lanes = Math.max(1, Math.min(availableParallelism(), shards.length));
  // Started first: loading the indexers' code on their threads overlaps the copying of the records.
  while (indexers.length < lanes) indexers.push(startIndexer());
  // Every lane finishes before a failure is reported: no indexer is left writing into a folder the build removes.
  const results = await Promise.allSettled(giveOrders(indexers.slice(0, lanes), shards, site));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.reduce((sum, result) => sum + (result.status === "fulfilled" ? result.value : 0), 0);
}

/**
 * The same orders to every indexer; the indexers' answers. No closure of this thread holds
 * the orders: each shard's records are let go of once the indexer that takes it is done with
 * them, not when the last shard is.
 */
function giveOrders(lanes: Worker[], shards: readonly SearchShard[], site: string): Promise<number>[] {
  const orders: IndexerOrders = { jobs: shards.map(shareJob(site)), claimed: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT) };
  const answers = lanes.map(answerOf);
  for (const indexer of lanes) indexer.postMessage(orders);
  return answers;
}

/** A shard's job: its records copied once, into memory every indexer can read. */
function shareJob(site: string) {
  return ({ shard, primary, records }: SearchShard): IndexJob => {
    const bytes = serialize(records);
    const shared = new SharedArrayBuffer(bytes.byteLength);
    new Uint8Array(shared).set(bytes);
    return { shard, records: shared, outputPath: join(site, searchBundlePath(shard)), keep: searchFilesKept(primary) };
  };
}

/**
 * An indexer thread (./search-index-worker.mjs), started without this process's options: it
 * has no use for the TypeScript loader (a worker thread would load it without using it).
 */
function startIndexer(): Worker {
  const indexer = new Worker(new URL("./search-index-worker.mjs", import.meta.url), { execArgv: [] });
  indexer.unref();
  // A thread that stopped (its code failed to load, say) is started again for the next indexing.
  indexer.once("exit", () => {
    const at = indexers.indexOf(indexer);
    if (at >= 0) indexers.splice(at, 1);
  });
  return indexer;
}

/** What an indexer answers to its orders: it indexes the shards it takes; resolves with the number of articles indexed once it is done. */
function answerOf(indexer: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    let indexed = 0;
    let failure: Error | undefined;
    const stop = (error?: Error) => {
      indexer.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (error ?? failure) reject(error ?? failure);
      else resolve(indexed);
    };
    const onMessage = (message: IndexerReport) => {
      if (message.error !== undefined) failure ??= new Error(message.error);
      else if (message.indexed !== undefined) indexed += message.indexed;
      if (message.done) stop();
    };
    const onError = (error: Error) => (failure ??= error);
    const onExit = (code: number) => stop(failure ?? new Error(`a search indexer stopped with code ${code}`));
    indexer.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}
