// Search shards, indexed by a child process of the build with one Pagefind process of its
// own: each shard it claims is a new index in that same Pagefind process (starting a Node
// process and a Pagefind process per shard cost a fifth of a second each). A process, not a
// worker thread, so that the Pagefind process it stops is reaped. Its orders (see
// IndexerOrders in search-index.ts) come in one message.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import { mergeSearchPieces, SEARCH_INDEX_FILES, type MergedBundle } from "../../src/site/merge-search-pieces.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";
import type { IndexerOrders, PieceJob } from "./search-index.ts";

/** Indexes `records` with Pagefind and writes the files `keep` names into `outputPath`. */
async function indexRecords(records: readonly SearchRecord[], outputPath: string, keep: RegExp): Promise<void> {
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

/**
 * A shard made of pieces: the pieces not in the cache are indexed into it (each written
 * beside its folder, then renamed: a piece folder is whole or absent), then all are merged
 * into the shard's bundle. Their pages' fragments are linked into it, not copied, and the
 * primary's search code comes from its first piece. Returns the articles indexed.
 */
async function indexPieces(job: { pieces: PieceJob[]; outputPath: string; keep: RegExp }): Promise<number> {
  let indexed = 0;
  for (const piece of job.pieces) {
    if (!piece.records) continue;
    const records = deserialize(readFileSync(piece.records)) as SearchRecord[];
    const partial = `${piece.folder}.tmp-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    await indexRecords(records, partial, job.keep);
    rmSync(piece.folder, { recursive: true, force: true });
    renameSync(partial, piece.folder);
    indexed += records.length;
  }
  // The pieces are a cache: one damaged by hand is made again once its folder is gone.
  const damaged = (detail: string) => new Error(`${detail}\n  (a piece of the search index in the cache cannot be read: remove ${dirname(job.pieces[0]?.folder ?? "")} and build again)`);
  let merged: MergedBundle;
  try {
    merged = mergeSearchPieces(job.pieces.map(({ folder }) => ({ name: folder, read: (path) => readFileSync(join(folder, path)) })));
  } catch (error) {
    throw damaged((error as Error).message);
  }
  for (const [path, content] of merged.files) {
    const target = join(job.outputPath, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  mkdirSync(join(job.outputPath, "fragment"), { recursive: true });
  const place = (source: string, target: string) => {
    try {
      link(source, target);
    } catch (error) {
      throw existsSync(source) ? error : damaged(`${source} is missing`);
    }
  };
  job.pieces.forEach(({ folder }, index) => {
    for (const { from, to } of merged.fragments[index] ?? []) place(join(folder, from), join(job.outputPath, to));
  });
  // The search code and interface, which only the primary's pieces keep: the files beside the index.
  const first = job.pieces[0]?.folder as string;
  for (const entry of readdirSync(first, { withFileTypes: true })) {
    if (entry.isFile() && !SEARCH_INDEX_FILES.test(entry.name)) place(join(first, entry.name), join(job.outputPath, entry.name));
  }
  return indexed;
}

/** A file of the cache in the site: a hard link (the same disk, nothing copied), else a copy. */
function link(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
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
      if ("pieces" in job) {
        await reply({ indexed: await indexPieces(job) });
      } else {
        const records = deserialize(readFileSync(job.records)) as SearchRecord[];
        await indexRecords(records, job.outputPath, job.keep);
        await reply({ indexed: records.length });
      }
    }
    await pagefind.close();
    process.disconnect();
  } catch (error) {
    await reply({ error: error instanceof Error ? error.message : String(error) });
    await pagefind.close().catch(() => {});
    process.exit(1);
  }
});
