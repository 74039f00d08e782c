import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { forkWorker } from "../../src/build/fork-worker.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";
import { searchBundlePath, searchFilesKept } from "../../src/site/search-shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site: one bundle
 * per shard (`pagefind/`, `pagefind-1/`…, with only the files the site uses, see
 * `searchFilesKept`), French stemming from each record's language, filters by actor, topic,
 * outlet and year, written by Revue's indexer (src/site/pagefind-index.ts) or, for what it
 * cannot index, by Pagefind's. Shards are indexed side by side, one child process per core,
 * claiming them in turn; records go in order, so an index is the same from
 * build to build. The indexers run at low priority, on what the rendering of the pages leaves.
 *
 * The indexers need nothing from this process once they have started: each shard's records
 * wait for them in a file, and they share the shards out among themselves (the first to
 * claim a shard indexes it). This process is busy rendering pages meanwhile and reads its
 * messages only now and then; records sent through the pipe, or a next shard asked of it,
 * left the indexers idle a third of the render.
 *
 * A shard made of several pieces (see search-shards.ts) is claimed whole: its indexer
 * indexes the pieces missing from the cache, each into its folder there, then merges all of
 * them into the shard's bundle (src/site/merge-search-pieces.ts).
 */
export type SearchShard = { shard: number } & (
  /** A shard of one piece: its bundle is written at once. */
  | { records: readonly SearchRecord[] }
  /** A shard of several: each piece's folder in the cache, and its records when the folder is missing. */
  | { pieces: { folder: string; records?: readonly SearchRecord[] }[] }
);

/** One shard's work, as an indexer is told it. */
export type IndexJob = {
  /** File whose creation claims the shard: only one indexer succeeds. */
  claim: string;
  outputPath: string;
  keep: RegExp;
} & (
  | {
      /** File of the shard's records (V8's structured-clone format). */
      records: string;
    }
  | {
      /** Its pieces' folders in the cache, with the file of the records of each piece to index. */
      pieces: PieceJob[];
    }
);

export interface PieceJob {
  folder: string;
  records?: string;
}

/** Parent → indexer, once. */
export interface IndexerOrders {
  jobs: IndexJob[];
}

export async function writeSearchIndex(shards: readonly SearchShard[], site: string): Promise<number> {
  if (shards.length === 0) return 0;
  const lanes = Math.max(1, Math.min(availableParallelism(), shards.length));
  // Beside the site, on its disk: the records take about 5 KB per article (half a gigabyte at
  // 100,000), which a /tmp in memory (Debian's default since 13) would take from the build.
  const exchange = mkdtempSync(`${site}.search-`);
  let indexed = 0;
  try {
    // Started first: loading Node and Pagefind overlaps the writing of the records.
    const children = Array.from({ length: lanes }, () => forkWorker(new URL("./search-index-worker.ts", import.meta.url)));
    let orders: IndexerOrders;
    try {
      orders = {
        jobs: shards.map((work): IndexJob => {
          const { shard } = work;
          const job = { claim: join(exchange, `${shard}.claimed`), outputPath: join(site, searchBundlePath(shard)), keep: searchFilesKept(shard) };
          const recordsFile = (name: string, list: readonly SearchRecord[]) => {
            writeFileSync(join(exchange, name), serialize(list));
            return join(exchange, name);
          };
          if ("records" in work) return { ...job, records: recordsFile(`${shard}.records`, work.records) };
          return { ...job, pieces: work.pieces.map((piece, index) => ({ folder: piece.folder, ...(piece.records ? { records: recordsFile(`${shard}-${index}.records`, piece.records) } : {}) })) };
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
