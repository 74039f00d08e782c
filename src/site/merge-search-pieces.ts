import { createRequire } from "node:module";
import { sha1 } from "../text/sha1.ts";
import { openPagefindFile, readPagefindFile, type CborReader, type CborValue } from "./pagefind-file.ts";
import { bundleWord, filterValuePages, PAGEFIND_VERSION, spellingPages, writeLanguageIndex, type BundleWord, type LanguageIndex, type PageList, type PageRun, type PagefindEntry } from "./pagefind-bundle.ts";

/**
 * One Pagefind bundle made of several indexes ("pieces") made separately, by Revue's indexer
 * (pagefind-index.ts) or by Pagefind's.
 *
 * A large archive is indexed in pieces of a few hundred articles, kept in a cache, so that a
 * rebuild after an edit indexes one piece again; the pieces are merged into the bundles the
 * search page loads (at most 32, see search-shards.ts): a word's pages are the pages of all
 * pieces, numbered one piece after the other. (Pieces were first made for Pagefind's indexer,
 * whose time per article grows with the size of an index: 3.4 ms per article in indexes of
 * 300 articles, 4.2–4.5 ms in indexes of 3,000.)
 *
 * This reads Pagefind 1.6's files (see pagefind-file.ts) and writes what its search code
 * reads (pagefind-bundle.ts): `pagefind-entry.json`, the `.pf_meta` file, the word index chunks
 * cut as Pagefind cuts them, and one file per filter. The pages' fragment files do not change: the caller puts
 * them in the bundle under the names `fragments` gives.
 */
export interface SearchPiece {
  /** Where the piece comes from, for error messages. */
  name: string;
  /** The piece's files by path in its bundle (the entry, the metadata, index and filter files; a fragment whose name another piece has). */
  read: (path: string) => Buffer;
}

export interface MergedBundle {
  /** Files to write, by path in the bundle. */
  files: Map<string, Buffer>;
  /** For each piece, its fragment files: `from` in the piece, `to` in the bundle (renamed when two pieces' names collide). */
  fragments: { from: string; to: string }[][];
}

/** The files of a bundle's index, by path (the others are Pagefind's search code and interfaces). */
export const SEARCH_INDEX_FILES = /^(pagefind-entry\.json|[^/\\]+\.pf_meta|(index|fragment|filter)[\\/].+)$/;

let installed: boolean | undefined;

/**
 * Whether the Pagefind indexer npm installed for this system writes what this merges: 1.6.0 is
 * published for Linux only, and package.json gives other systems 1.5.2 (see README), whose
 * shards are then indexed whole. Read where Pagefind's own wrapper looks for it
 * (`@pagefind/<system>-<processor>`); an indexer named by PAGEFIND_BINARY_PATH or
 * PAGEFIND_EXTENDED_BINARY_PATH is of no known version.
 */
export function canMergeSearchPieces(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env["PAGEFIND_BINARY_PATH"] || env["PAGEFIND_EXTENDED_BINARY_PATH"]) return false;
  if (installed === undefined) {
    try {
      const platform = process.platform === "win32" ? "windows" : process.platform;
      const { version } = createRequire(import.meta.url)(`@pagefind/${platform}-${env["npm_config_arch"] || process.arch}/package.json`) as { version?: string };
      installed = version === PAGEFIND_VERSION;
    } catch {
      installed = false;
    }
  }
  return installed;
}

export function mergeSearchPieces(pieces: readonly SearchPiece[]): MergedBundle {
  if (pieces.length === 0) throw new Error("no search index to merge");
  const entries = pieces.map((piece) => readEntry(piece));
  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort();
  const files = new Map<string, Buffer>();
  const fragments: { from: string; to: string }[][] = pieces.map(() => []);
  const takenFragments = new Set<string>();
  const merged: PagefindEntry = { ...(entries[0] as PagefindEntry), languages: {} };
  for (const language of languages) {
    const parts = pieces.flatMap((piece, index) => {
      const info = (entries[index] as PagefindEntry).languages[language];
      return info ? [{ piece, index, info }] : [];
    });
    const metaIndex = mergeLanguage(
      language,
      parts.map(({ piece, index, info }) => ({ piece, index, meta: asArray(readPagefindFile(piece.read(`pagefind.${info.hash}.pf_meta`), `${piece.name}: pagefind.${info.hash}.pf_meta`), piece.name, "metadata") })),
      files,
      (index, hash) => {
        // Fragment names are short hashes of their content, unique within a piece; across pieces
        // two may meet (about one chance in fifty for a shard of 3,000 pages). The second is named
        // from its own bytes, longer: still a name that stands for one content, which browsers may cache.
        const from = `fragment/${hash}.pf_fragment`;
        let name = hash;
        if (takenFragments.has(name)) name = `${language}_${sha1((pieces[index] as SearchPiece).read(from), "hex").slice(0, 16)}`;
        if (takenFragments.has(name)) throw new Error(`${pieces[index]?.name}: a page identical to another piece's (${from})`);
        takenFragments.add(name);
        fragments[index]?.push({ from, to: `fragment/${name}.pf_fragment` });
        return name;
      },
    );
    merged.languages[language] = { ...(parts[0]?.info as PagefindEntry["languages"][string]), ...metaIndex };
  }
  files.set("pagefind-entry.json", Buffer.from(JSON.stringify(merged)));
  return { files, fragments };
}

function readEntry(piece: SearchPiece): PagefindEntry {
  const entry = JSON.parse(piece.read("pagefind-entry.json").toString("utf8")) as PagefindEntry;
  if (entry.version !== PAGEFIND_VERSION) {
    throw new Error(`${piece.name}: a Pagefind ${entry.version} index; Revue merges the indexes of Pagefind ${PAGEFIND_VERSION} only (the version pinned in package.json)`);
  }
  return entry;
}

/** Merges one language's indexes into `files` (see writeLanguageIndex for the metadata read here); returns the new metadata's name and page count. */
function mergeLanguage(
  language: string,
  parts: readonly { piece: SearchPiece; index: number; meta: CborValue[] }[],
  files: Map<string, Buffer>,
  placeFragment: (piece: number, hash: string) => string,
): { hash: string; page_count: number } {
  const pages: CborValue[] = [];
  const words = new Map<string, BundleWord>();
  const filters: LanguageIndex["filters"] = new Map();
  const metaFields: string[] = [];
  let version: CborValue = PAGEFIND_VERSION;
  for (const { piece, index, meta } of parts) {
    const [pieceVersion, piecePages, chunks, pieceFilters, sorts, fields] = meta;
    version = pieceVersion as CborValue;
    if (asArray(sorts, piece.name, "sorts").length > 0) throw new Error(`${piece.name}: a Pagefind index with sort orders cannot be merged (Revue sets none)`);
    const offset = pages.length;
    for (const page of asArray(piecePages, piece.name, "pages")) {
      const [hash, ...rest] = asArray(page, piece.name, "page");
      pages.push([placeFragment(index, hash as string), ...rest]);
    }
    for (const chunk of asArray(chunks, piece.name, "index chunks")) {
      const hash = asArray(chunk, piece.name, "index chunk")[2] as string;
      const reader = openPagefindFile(piece.read(`index/${hash}.pf_index`), `${piece.name}: index/${hash}.pf_index`);
      if (reader.array() !== 1) throw new Error(`${reader.name}: not the index chunk Pagefind ${PAGEFIND_VERSION} writes`);
      for (let count = reader.array(); count > 0; count--) readWord(reader, words, offset);
      reader.end();
    }
    for (const filter of asArray(pieceFilters, piece.name, "filters")) {
      const hash = asArray(filter, piece.name, "filter")[1] as string;
      const [name, values] = asArray(readPagefindFile(piece.read(`filter/${hash}.pf_filter`), `${piece.name}: filter/${hash}.pf_filter`), piece.name, "filter index");
      for (const value of asArray(values, piece.name, "filter values")) {
        const [text, valuePages] = value as [string, number[]];
        const list = filterValuePages(filters, name as string, text);
        for (const page of valuePages) list.push(page + offset);
      }
    }
    for (const field of asArray(fields ?? [], piece.name, "meta fields")) if (!metaFields.includes(field as string)) metaFields.push(field as string);
  }

  return writeLanguageIndex(language, { version, pages, words, filters, metaFields }, files);
}

/** Pagefind 1.6's word: [word, pages, variants [[spelling, pages]]], its pages moved by `offset`. */
function readWord(reader: CborReader, words: Map<string, BundleWord>, offset: number): void {
  const fields = reader.array();
  if (fields < 2 || fields > 3) throw new Error(`${reader.name}: a word of ${fields} fields, not what Pagefind ${PAGEFIND_VERSION} writes`);
  const merged = bundleWord(words, reader.text());
  merged.size += readPages(reader, merged.pages, offset);
  for (let variants = fields === 3 ? reader.array() : 0; variants > 0; variants--) {
    if (reader.array() !== 2) throw new Error(`${reader.name}: a spelling variant not as Pagefind ${PAGEFIND_VERSION} writes it`);
    // Not in one expression: `merged.size +=` would read the size before a new spelling adds to it.
    const list = spellingPages(merged, reader.text());
    merged.size += readPages(reader, list, offset);
  }
}

/** Adds a list of pages to `list` as one run; returns its size as Pagefind counts it: per page, 1 and the items of its arrays. */
function readPages(reader: CborReader, list: PageList, offset: number): number {
  const count = reader.array();
  if (count === 0) return 0;
  const { buffer } = reader;
  let size = 0;
  let number = offset;
  let run: PageRun | undefined;
  for (let i = 0; i < count; i++) {
    const headStart = reader.at;
    const fields = reader.array();
    if (fields < 1) throw new Error(`${reader.name}: an empty page entry`);
    const headEnd = reader.at;
    number += reader.integer();
    if (!run) run = { bytes: buffer, headStart, headEnd, restStart: reader.at, end: 0, first: number, last: number };
    size += 1;
    for (let field = 1; field < fields; field++) size += reader.skip();
  }
  (run as PageRun).end = reader.at;
  (run as PageRun).last = number;
  list.runs.push(run as PageRun);
  list.count += count;
  return size;
}

function asArray(value: CborValue | undefined, piece: string, what: string): CborValue[] {
  if (!Array.isArray(value)) throw new Error(`${piece}: the Pagefind ${what} is not what Pagefind ${PAGEFIND_VERSION} writes`);
  return value;
}
