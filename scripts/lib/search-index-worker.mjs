// @ts-check
// Search shards, indexed by a worker thread of the build through Pagefind's Node API: one
// Pagefind process per thread and orders, each shard it takes a new index in it (a Pagefind
// process per shard would pay its start again and again). Each indexing's orders (see
// IndexerOrders in search-index.ts) come in one message; the thread needs nothing else from
// the build's main thread. JavaScript, not TypeScript: a worker thread does not use the
// loader the build runs with, and loading tsx again in each thread would cost about what a
// thread saves over a process. Its types are the JSDoc below (`// @ts-check`).
import { mkdirSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { deserialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";

/**
 * @typedef {import("./search-index.ts").IndexJob} IndexJob
 * @typedef {import("./search-index.ts").IndexerOrders} IndexerOrders
 * @typedef {import("./search-index.ts").IndexerReport} IndexerReport
 * @typedef {import("../../src/search/records.ts").SearchRecord} SearchRecord
 */

/**
 * Indexes a shard's records and writes the files of its bundle that `keep` names; returns the articles indexed.
 * @param {IndexJob} job
 * @returns {Promise<number>}
 */
async function indexShard(job) {
  const records = /** @type {SearchRecord[]} */ (deserialize(new Uint8Array(job.records)));
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

/** @param {IndexerReport} message */
const report = (message) => parentPort?.postMessage(message);

// Indexing takes the processor time the rendering of the pages leaves: rendering is what
// the build waits for, and indexing gets both cores once the pages are written. In the dev
// server, the next rebuild comes first. On Linux the priority is this thread's alone, and
// Pagefind's process, started from this thread later, inherits it.
try {
  setPriority(10);
} catch {
  // Not allowed here: indexing runs at the usual priority.
}

parentPort?.on("message", /** @param {IndexerOrders} orders */ async ({ jobs, claimed }) => {
  const next = new Int32Array(claimed);
  /** @type {IndexJob | undefined} */
  let job;
  let dropped = 0;
  try {
    // The threads share the shards out in order: each takes the next one no thread has taken.
    for (let taken = Atomics.add(next, 0, 1); (job = jobs[taken]); taken = Atomics.add(next, 0, 1)) {
      // The records of the shards taken so far, by this thread or another, are let go of: their memory is freed once no thread holds them.
      while (dropped <= taken) delete jobs[dropped++];
      report({ indexed: await indexShard(job) });
    }
  } catch (error) {
    // The other threads take no new shard: the build fails once they are done with theirs.
    Atomics.store(next, 0, jobs.length);
    report({ error: `search shard ${job?.shard}: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    // Pagefind's process is stopped between orders (it would hold its memory); this thread,
    // waiting for the next ones, reaps it.
    await pagefind.close();
    report({ done: true });
  }
});
