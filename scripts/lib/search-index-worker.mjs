// Search shards, indexed by a child process of the build with one Pagefind process of its
// own: shards come one message at a time, each a new index in that same Pagefind process
// (starting a Node process and a Pagefind process per shard cost a fifth of a second each).
// A process, not a worker thread, so that the Pagefind process it stops is reaped. Plain
// JavaScript: no tsx needed.
import { mkdirSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";

async function indexShard(records, outputPath, keep) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const failed = added.flatMap((result) => result.errors);
  if (failed.length) throw new Error(`Pagefind: ${failed.slice(0, 3).join("; ")}`);
  // The files come back in memory and are written here: Pagefind's own writeFiles answers
  // before its last writes reach the disk, and closing it then can leave a file cut short.
  const { files, errors: failures } = await index.getFiles();
  if (failures.length) throw new Error(`Pagefind: ${failures.join("; ")}`);
  for (const file of files) {
    if (!keep.test(file.path)) continue;
    const target = join(outputPath, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  await index.deleteIndex();
}

const reply = (message) => new Promise((resolve) => process.send(message, resolve));

// Messages are handled in turn: { background } first, then { records, outputPath, keep } per shard, then { done }.
let queue = Promise.resolve();
process.on("message", (message) => {
  queue = queue.then(async () => {
    if (message.done) {
      await pagefind.close();
      process.disconnect();
      return;
    }
    if ("background" in message) {
      // In the background (the dev server's, once the pages are written), indexing yields the
      // processor to the next rebuild; Pagefind's process, started later, inherits the priority.
      if (message.background) {
        try {
          setPriority(10);
        } catch {
          // Not allowed here: indexing runs at the usual priority.
        }
      }
      return;
    }
    try {
      await indexShard(message.records, message.outputPath, message.keep);
      await reply({ indexed: message.records.length });
    } catch (error) {
      await reply({ error: error instanceof Error ? error.message : String(error) });
      await pagefind.close().catch(() => {});
      process.exit(1);
    }
  });
});
