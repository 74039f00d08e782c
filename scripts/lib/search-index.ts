import { availableParallelism } from "node:os";
import { join } from "node:path";
import { forkWorker } from "../../src/build/fork-worker.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";
import { searchBundlePath, searchFilesKept } from "../../src/site/search-shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site: one bundle
 * per shard (`pagefind/`, `pagefind-1/`…, with only the files the site uses, see
 * `searchFilesKept`), French stemming from each record's language, filters by actor, topic,
 * outlet and year. Shards are indexed side by side, one child process (with its Pagefind
 * process) per core taking them in turn; records go in order, so an index is the same from
 * build to build. In the `background` (the dev server's index, made after the pages), the
 * indexers run at low priority.
 */
export interface SearchShard {
  shard: number;
  records: readonly SearchRecord[];
}

export async function writeSearchIndex(shards: readonly SearchShard[], site: string, options: { background?: boolean } = {}): Promise<number> {
  const queue = [...shards];
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  let indexed = 0;
  // Every lane finishes before a failure is reported: no indexer is left writing into a folder the build removes.
  const results = await Promise.allSettled(
    Array.from({ length: lanes }, () =>
      runIndexer(site, options.background === true, () => queue.shift()).then((count) => {
        indexed += count;
      }),
    ),
  );
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return indexed;
}

/** One indexer process: it indexes the shards `take` gives until there are none, then stops; resolves with the number of articles indexed. */
function runIndexer(site: string, background: boolean, take: () => SearchShard | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = forkWorker(new URL("./search-index-worker.mjs", import.meta.url));
    let indexed = 0;
    let failure: Error | undefined;
    const next = () => {
      const shard = take();
      child.send(shard ? { records: shard.records, outputPath: join(site, searchBundlePath(shard.shard)), keep: searchFilesKept(shard.shard) } : { done: true });
    };
    child.on("message", (message: { indexed?: number; error?: string }) => {
      if (message.error) {
        failure = new Error(message.error);
        return;
      }
      indexed += message.indexed ?? 0;
      next();
    });
    child.once("error", (error) => (failure ??= error));
    child.once("exit", (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`a search indexer stopped with code ${code}`));
      else resolve(indexed);
    });
    child.send({ background });
    next();
  });
}
