// One shard of the search index, written by a child process of the build: each starts a
// Pagefind process of its own, so shards are indexed side by side (a process, not a worker
// thread, so that the Pagefind process it stops is reaped). Plain JavaScript: no tsx needed.
import { mkdirSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";

const { records, outputPath } = await new Promise((resolve) => process.once("message", resolve));

// Indexing yields the processor to the build's own work (the pages a reader or the dev
// server waits for) and takes what is left; Pagefind's process inherits the priority.
try {
  setPriority(10);
} catch {
  // Not allowed here: indexing runs at the usual priority.
}

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
  () => process.send({}, () => process.exit(0)),
  (error) => process.send({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
);
