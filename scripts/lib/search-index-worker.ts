// Search shards, indexed by a child process of the build: by Revue's indexer, or by one
// Pagefind process of its own where that cannot (each shard it claims is a new index in that
// same Pagefind process: starting one per shard cost a fifth of a second). A process, not a
// worker thread, so that the Pagefind process it stops is reaped. Its orders (see
// IndexerOrders in search-index.ts) come in one message.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import { mergeSearchPieces, SEARCH_INDEX_FILES, type MergedBundle } from "../../src/site/merge-search-pieces.ts";
import { canIndexSearchRecords, indexSearchRecords } from "../../src/site/pagefind-index.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";
import type { IndexerOrders, PieceJob } from "./search-index.ts";

/**
 * Writes the index of `records` into `outputPath`, the files `keep` names: Revue's indexer
 * writes it (src/site/pagefind-index.ts) where it can, Pagefind's otherwise.
 */
async function indexRecords(records: readonly SearchRecord[], outputPath: string, keep: RegExp): Promise<void> {
  const write = (path: string, content: Uint8Array) => {
    if (keep.test(path)) writeInto(outputPath, path, content);
  };
  if (canIndexSearchRecords(records)) {
    for (const [path, content] of indexSearchRecords(records)) write(path, content);
    // Pagefind's search code and interface, for the bundles that keep them.
    if (keep.test("pagefind.js")) for (const { path, content } of await searchCode([...new Set(records.map((record) => record.language))])) write(path, content);
    return;
  }
  for (const file of await pagefindFiles(records)) write(file.path, file.content);
}

/** Pagefind's own index of `records`, with its search code: all the files of a bundle. */
async function pagefindFiles(records: readonly SearchRecord[]): Promise<{ path: string; content: Uint8Array }[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const failed = added.flatMap((result) => result.errors);
  if (failed.length) throw new Error(`Pagefind: ${failed.slice(0, 3).join("; ")}`);
  // The files come back in memory and are written by the caller: Pagefind's own writeFiles
  // answers before its last writes reach the disk, and closing it then can leave a file cut short.
  const { files, errors: failures } = await index.getFiles();
  if (failures.length) throw new Error(`Pagefind: ${failures.join("; ")}`);
  await index.deleteIndex();
  return files;
}

const searchCodes = new Map<string, Promise<{ path: string; content: Uint8Array }[]>>();

/**
 * Pagefind's search code, interfaces and WebAssembly for these languages: what it writes
 * beside an index, taken from its index of one page per language (once per process).
 */
function searchCode(languages: string[]): Promise<{ path: string; content: Uint8Array }[]> {
  const key = [...languages].sort().join(" ");
  let code = searchCodes.get(key);
  if (!code) {
    const pages = languages.map((language, i) => ({ url: `/${i}/`, content: language, language, meta: { title: language }, filters: {} }));
    code = pagefindFiles(pages).then((files) => files.filter((file) => !SEARCH_INDEX_FILES.test(file.path)));
    searchCodes.set(key, code);
  }
  return code;
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
  for (const [path, content] of merged.files) writeInto(job.outputPath, path, content);
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

/** Writes a bundle's file, by its path in the bundle. */
function writeInto(bundle: string, path: string, content: Uint8Array): void {
  const target = join(bundle, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
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
