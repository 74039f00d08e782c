// Search shards, indexed by a child process of the build with one Pagefind process of its
// own: each shard it claims is a new index in that same Pagefind process (starting a Node
// process and a Pagefind process per shard cost a fifth of a second each). A process, not a
// worker thread, so that the Pagefind process it stops is reaped. Plain JavaScript: no tsx
// needed. Its orders (see IndexerOrders in search-index.ts) come in one message.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { deserialize } from "node:v8";
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

/** True when this process is the first to claim the shard (creating its claim file). */
function claim(file) {
  try {
    writeFileSync(file, "", { flag: "wx" });
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}

const reply = (message) => new Promise((resolve) => process.send(message, resolve));

process.once("message", async ({ jobs }) => {
  try {
    // Indexing takes the processor time the rendering of the pages leaves: rendering is what
    // the build waits for, and indexing gets both cores once the pages are written (a cold
    // build of 10k articles, measured once each way: 42 s instead of 50). In the dev server,
    // the next rebuild comes first. Pagefind's process, started later, inherits the priority.
    try {
      setPriority(10);
    } catch {
      // Not allowed here: indexing runs at the usual priority.
    }
    for (const job of jobs) {
      if (!claim(job.claim)) continue;
      const records = deserialize(readFileSync(job.records));
      await indexShard(records, job.outputPath, job.keep);
      await reply({ indexed: records.length });
    }
    await pagefind.close();
    process.disconnect();
  } catch (error) {
    await reply({ error: error instanceof Error ? error.message : String(error) });
    await pagefind.close().catch(() => {});
    process.exit(1);
  }
});
