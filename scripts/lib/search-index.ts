import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchRecord } from "../../src/site/search-records.ts";
import { searchBundlePath } from "../../src/site/search-shards.ts";

/**
 * Writes Pagefind indexes (https://pagefind.app) of the articles into the site: one bundle
 * per shard (`pagefind/`, `pagefind-1/`…), French stemming from each record's language,
 * filters by actor, topic, outlet and year. Each shard is indexed by a child process with
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
  // Every lane finishes before a failure is reported: no indexer is left writing into a folder the build removes.
  const results = await Promise.allSettled(
    Array.from({ length: lanes }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await indexShard(next.records, join(site, searchBundlePath(next.shard)));
        indexed += next.records.length;
      }
    }),
  );
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return indexed;
}

function indexShard(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Structured-clone messages: the records cross without a JSON round trip; no tsx loader in the child.
    const child = fork(fileURLToPath(new URL("./search-index-worker.mjs", import.meta.url)), [], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let failure: Error | undefined;
    child.once("message", (message: { error?: string }) => {
      if (message.error) failure = new Error(message.error);
    });
    child.once("error", (error) => (failure = error));
    child.once("exit", (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`the search indexer of ${outputPath} stopped with code ${code}`));
      else resolve();
    });
    child.send({ records, outputPath });
  });
}
