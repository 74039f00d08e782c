import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SearchRecord } from "../../src/site/search-records.ts";
import { searchBundlePath } from "../../src/site/search-shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site: one bundle
 * per shard (`pagefind/`, `pagefind-1/`…), French stemming from each record's language,
 * filters by actor, topic, outlet and year. Each shard is indexed in a worker thread with
 * its own Pagefind process, as many at once as there are cores; records go in order, so
 * an index is the same from build to build.
 */
export interface SearchShard {
  shard: number;
  records: readonly SearchRecord[];
}

export async function writeSearchIndex(shards: readonly SearchShard[], site: string): Promise<number> {
  const queue = [...shards];
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  let indexed = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await indexShard(next.records, join(site, searchBundlePath(next.shard)));
        indexed += next.records.length;
      }
    }),
  );
  return indexed;
}

function indexShard(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./search-index-worker.mjs", import.meta.url), { workerData: { records, outputPath } });
    let failure: Error | undefined;
    worker.once("message", (message: { error?: string }) => {
      if (message.error) failure = new Error(message.error);
    });
    worker.once("error", (error) => (failure = error));
    worker.once("exit", (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`the search indexer of ${outputPath} stopped with code ${code}`));
      else resolve();
    });
  });
}
