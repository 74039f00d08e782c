// Search shards, indexed by a child process of the build through Pagefind's Node API: one
// Pagefind process per indexer, each shard it claims a new index in it (a Pagefind process
// per shard would pay its start again and again). A process, not a worker thread, so that the
// Pagefind process it stops is reaped. Its orders (see IndexerOrders in search-index.ts) come in one message.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../../src/search/records.ts";
import type { IndexerOrders, IndexJob } from "./search-index.ts";

/** Indexes a shard's records and writes the files of its bundle that `keep` names; returns the articles indexed. */
async function indexShard(job: IndexJob): Promise<number> {
  const records = deserialize(readFileSync(job.records)) as SearchRecord[];
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    // Sent all at once, in order (Pagefind's process reads its messages in turn): waiting for each answer left it idle between records.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach(({ errors: refused }, i) => {
      if (refused.length) throw new Error(`Pagefind refused the search record of ${String(records[i]?.url)}: ${refused.join("; ")}`);
    });
    // The files come back in memory and are written here: Pagefind's writeFiles answers
    // before its last writes reach the disk, and closing it then can leave a file cut short.
    const { files, errors: failures } = await index.getFiles();
    if (failures.length) throw new Error(`Pagefind: ${failures.join("; ")}`);
    for (const { path, content } of files) {
      if (!job.keep.test(path)) continue;
      const target = join(job.outputPath, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } finally {
    await index.deleteIndex();
  }
  return records.length;
}

/** True when this process is the first to claim the shard (creating its claim file). */
function claim(file: string): boolean {
  try {
    writeFileSync(file, "", { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

const reply = (message: { indexed?: number; error?: string }) => new Promise((resolve) => process.send?.(message, resolve));

process.once("message", async ({ jobs }: IndexerOrders) => {
  try {
    // Indexing takes the processor time the rendering of the pages leaves: rendering is what
    // the build waits for, and indexing gets both cores once the pages are written. In the dev
    // server, the next rebuild comes first. Pagefind's process, started later, inherits the priority.
    try {
      setPriority(10);
    } catch {
      // Not allowed here: indexing runs at the usual priority.
    }
    for (const job of jobs) {
      if (claim(job.claim)) await reply({ indexed: await indexShard(job) });
    }
    await pagefind.close();
    process.disconnect();
  } catch (error) {
    await reply({ error: error instanceof Error ? error.message : String(error) });
    await pagefind.close().catch(() => {});
    process.exit(1);
  }
});
