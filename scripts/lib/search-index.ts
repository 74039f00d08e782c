import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { TYPESCRIPT_LOADER } from "../../src/pipeline/typescript-loader.ts";
import type { SearchRecord } from "../../src/search/records.ts";
import { searchBundlePath, searchFilesKept } from "../../src/search/shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site, through
 * Pagefind's Node API: one bundle per shard (`pagefind/`, `pagefind-1/`…, with only the files
 * the site uses, see `searchFilesKept`), stemmed by Pagefind from each record's language.
 * Shards are indexed side by side, one child process per core (each drives a Pagefind
 * process of its own), claiming them in turn; records go in order, so an index is the same
 * from build to build. The indexers run at low priority, on what the rendering of the pages
 * leaves.
 *
 * The indexers need nothing from this process once they have started: each shard's records
 * wait for them in a file, and they share the shards out among themselves (the first to
 * claim a shard indexes it). This process is busy rendering pages meanwhile and reads its
 * messages only now and then: records sent through the pipe, or a next shard asked of it,
 * would leave the indexers idle.
 */
export interface SearchShard {
  shard: number;
  primary: boolean;
  records: readonly SearchRecord[];
}

/** One shard's work, as an indexer is told it. */
export interface IndexJob {
  /** File whose creation claims the shard: only one indexer succeeds. */
  claim: string;
  /** File of the shard's records (V8's structured-clone format). */
  records: string;
  outputPath: string;
  keep: RegExp;
}

/** Parent → indexer, once. */
export interface IndexerOrders {
  jobs: IndexJob[];
}

/** The version of Pagefind that writes the index: bundles written by another are written again. */
export function searchIndexerVersion(): string {
  const packageFile = fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind")));
  return `pagefind ${(JSON.parse(readFileSync(packageFile, "utf8")) as { version: string }).version}`;
}

/** Indexes the shards into the site; resolves with the number of articles indexed. */
export async function writeSearchIndex(shards: readonly SearchShard[], site: string): Promise<number> {
  if (shards.length === 0) return 0;
  const lanes = Math.max(1, Math.min(availableParallelism(), shards.length));
  // Beside the site, on its disk: the records take about 5 KB per article (half a gigabyte at
  // 100,000), which a /tmp in memory (Debian's default since 13) would take from the build.
  const exchange = mkdtempSync(`${site}.search-`);
  let indexed = 0;
  try {
    // Started first: loading Node and Pagefind overlaps the writing of the records.
    const children = Array.from({ length: lanes }, startIndexer);
    let orders: IndexerOrders;
    try {
      orders = {
        jobs: shards.map(({ shard, primary, records }): IndexJob => {
          const file = join(exchange, `${shard}.records`);
          writeFileSync(file, serialize(records));
          return { claim: join(exchange, `${shard}.claimed`), records: file, outputPath: join(site, searchBundlePath(shard)), keep: searchFilesKept(primary) };
        }),
      };
    } catch (error) {
      // A full disk, say: the indexers waiting for their orders would keep the build from exiting.
      for (const child of children) child.kill();
      throw error;
    }
    // Every lane finishes before a failure is reported: no indexer is left writing into a folder the build removes.
    const results = await Promise.allSettled(
      children.map((child) =>
        runIndexer(child, orders).then((count) => {
          indexed += count;
        }),
      ),
    );
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    return indexed;
  } finally {
    rmSync(exchange, { recursive: true, force: true });
  }
}

/**
 * An indexer process (./search-index-worker.ts), through tsx: messages in V8's structured-clone
 * format (the orders' patterns cross as they are), its output on the build's.
 */
function startIndexer(): ChildProcess {
  return fork(fileURLToPath(new URL("./search-index-worker.ts", import.meta.url)), [], {
    serialization: "advanced",
    execArgv: [...TYPESCRIPT_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** One indexer process given its orders: it indexes the shards it claims, then stops; resolves with the number of articles indexed. */
function runIndexer(child: ChildProcess, orders: IndexerOrders): Promise<number> {
  return new Promise((resolve, reject) => {
    let indexed = 0;
    let failure: Error | undefined;
    child.on("message", (message: { indexed?: number; error?: string }) => {
      if (message.error) failure = new Error(message.error);
      else indexed += message.indexed ?? 0;
    });
    child.once("error", (error) => (failure ??= error));
    child.once("exit", (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`a search indexer stopped with code ${code}`));
      else resolve(indexed);
    });
    child.send(orders);
  });
}
