// One shard of the search index, written in a worker thread: each thread's `pagefind`
// module starts a Pagefind process of its own, so shards are indexed side by side.
// Plain JavaScript: worker threads do not inherit tsx's loader.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";

const { records, outputPath } = workerData;

async function index() {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`Pagefind: ${failed.slice(0, 3).join("; ")}`);
    // The files come back in memory and are written here: Pagefind's own writeFiles answers
    // before its last writes reach the disk, and closing it then can leave a file cut short.
    const { files, errors: failures } = await index.getFiles();
    if (failures.length) throw new Error(`Pagefind: ${failures.join("; ")}`);
    for (const file of files) {
      const target = join(outputPath, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  } finally {
    await pagefind.close();
  }
}

index().then(
  () => parentPort.postMessage({}),
  (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
