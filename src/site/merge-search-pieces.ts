import { createRequire } from "node:module";
import { sha1 } from "../text/sha1.ts";
import { CborWriter, openPagefindFile, pagefindFile, readPagefindFile, type CborReader, type CborValue } from "./pagefind-file.ts";

/**
 * One Pagefind bundle made of several indexes ("pieces") that Pagefind made separately.
 *
 * Pagefind's time per article grows with the size of an index (its word lists are copied as
 * they grow): 3.4 ms per article in indexes of 300 articles, 4.2–4.5 ms in indexes of 3,000.
 * A large archive is therefore indexed in pieces of a few hundred articles, and the pieces are
 * merged into the bundles the search page loads (at most 32, see search-shards.ts): a word's
 * pages are the pages of all pieces, numbered one piece after the other.
 *
 * This reads Pagefind 1.6's own files (see pagefind-file.ts) and writes what its search code
 * reads: `pagefind-entry.json`, the `.pf_meta` file, the word index chunks cut as Pagefind cuts
 * them, and one file per filter. The pages' fragment files do not change: the caller puts
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

/** What Pagefind writes in `pagefind-entry.json`. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

export const MERGED_PAGEFIND_VERSION = "1.6.0";

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
      installed = version === MERGED_PAGEFIND_VERSION;
    } catch {
      installed = false;
    }
  }
  return installed;
}

/** Pagefind's weight of an index chunk (see chunkWords). */
const CHUNK_WEIGHT = 20_000;

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
  if (entry.version !== MERGED_PAGEFIND_VERSION) {
    throw new Error(`${piece.name}: a Pagefind ${entry.version} index; Revue merges the indexes of Pagefind ${MERGED_PAGEFIND_VERSION} only (the version pinned in package.json)`);
  }
  return entry;
}

/**
 * One piece's pages of a word, as the bytes Pagefind wrote. Pagefind 1.6 writes a word's pages
 * in page order, each as [number, locations, …] where the number is the distance from the
 * previous page's: moved to follow other pieces, a run keeps its bytes but for the first
 * page's number.
 */
interface PageRun {
  bytes: Buffer;
  /** The first page's array head. */
  headStart: number;
  headEnd: number;
  /** After the first page's number: the rest of the run, to its end. */
  restStart: number;
  end: number;
  /** The first and last pages' numbers in the merged bundle. */
  first: number;
  last: number;
}

interface PageList {
  runs: PageRun[];
  count: number;
}

interface MergedWord {
  word: string;
  pages: PageList;
  /** The word's spellings with diacritics, each with its own pages ("écrit" for "ecrit"). */
  variants: Map<string, PageList>;
  /** What the word weighs in a chunk, as Pagefind counts it (see chunkWords). */
  size: number;
}

/**
 * Merges one language's indexes into `files`; returns the new metadata's name and page count.
 * Pagefind 1.6's metadata: [version, pages [[fragment hash, word count, …]], index chunks
 * [[from, to, hash]], filters [[name, hash]], sorts [[name, pages]], meta fields [name]].
 */
function mergeLanguage(
  language: string,
  parts: readonly { piece: SearchPiece; index: number; meta: CborValue[] }[],
  files: Map<string, Buffer>,
  placeFragment: (piece: number, hash: string) => string,
): { hash: string; page_count: number } {
  const pages: CborValue[] = [];
  const words = new Map<string, MergedWord>();
  const filters = new Map<string, Map<string, number[]>>();
  const metaFields: string[] = [];
  let version: CborValue = MERGED_PAGEFIND_VERSION;
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
      if (reader.array() !== 1) throw new Error(`${reader.name}: not the index chunk Pagefind ${MERGED_PAGEFIND_VERSION} writes`);
      for (let count = reader.array(); count > 0; count--) readWord(reader, words, offset);
      reader.end();
    }
    for (const filter of asArray(pieceFilters, piece.name, "filters")) {
      const hash = asArray(filter, piece.name, "filter")[1] as string;
      const [name, values] = asArray(readPagefindFile(piece.read(`filter/${hash}.pf_filter`), `${piece.name}: filter/${hash}.pf_filter`), piece.name, "filter index");
      let merged = filters.get(name as string);
      if (!merged) filters.set(name as string, (merged = new Map()));
      for (const value of asArray(values, piece.name, "filter values")) {
        const [text, valuePages] = value as [string, number[]];
        let list = merged.get(text);
        if (!list) merged.set(text, (list = []));
        for (const page of valuePages) list.push(page + offset);
      }
    }
    for (const field of asArray(fields ?? [], piece.name, "meta fields")) if (!metaFields.includes(field as string)) metaFields.push(field as string);
  }

  const chunkMeta: CborValue[] = [];
  for (const chunk of chunkWords(words)) {
    const writer = new CborWriter().array(1).array(chunk.words.length);
    for (const word of chunk.words) {
      writer.array(3).text(word.word);
      writePages(writer, word.pages);
      writer.array(word.variants.size);
      for (const [spelling, pages] of word.variants) writePages(writer.array(2).text(spelling), pages);
    }
    const name = uniqueName(files, "index/", ".pf_index", language, writer.bytes());
    files.set(`index/${name}.pf_index`, pagefindFile(writer));
    chunkMeta.push([chunk.from, chunk.to, name]);
  }
  const filterMeta: CborValue[] = [];
  // Filters and their values in Pagefind's order (by their UTF-8 bytes), each value's pages in page order.
  for (const [name, values] of [...filters].sort(([a], [b]) => byBytes(a, b))) {
    const index: CborValue = [name, [...values].sort(([a], [b]) => byBytes(a, b)).map(([value, valuePages]) => [value, valuePages])];
    const writer = new CborWriter().value(index);
    const hash = uniqueName(files, "filter/", ".pf_filter", language, writer.bytes());
    files.set(`filter/${hash}.pf_filter`, pagefindFile(writer));
    filterMeta.push([name, hash]);
  }
  const meta: CborValue = [version, pages, chunkMeta, filterMeta, [], metaFields];
  const writer = new CborWriter().value(meta);
  const metaHash = `${language}_${sha1(writer.bytes(), "hex").slice(0, 10)}`;
  files.set(`pagefind.${metaHash}.pf_meta`, pagefindFile(writer));
  return { hash: metaHash, page_count: pages.length };
}

/** Pagefind 1.6's word: [word, pages, variants [[spelling, pages]]], its pages moved by `offset`. */
function readWord(reader: CborReader, words: Map<string, MergedWord>, offset: number): void {
  const fields = reader.array();
  if (fields < 2 || fields > 3) throw new Error(`${reader.name}: a word of ${fields} fields, not what Pagefind ${MERGED_PAGEFIND_VERSION} writes`);
  const word = reader.text();
  let merged = words.get(word);
  if (!merged) words.set(word, (merged = { word, pages: { runs: [], count: 0 }, variants: new Map(), size: 0 }));
  merged.size += readPages(reader, merged.pages, offset);
  for (let variants = fields === 3 ? reader.array() : 0; variants > 0; variants--) {
    if (reader.array() !== 2) throw new Error(`${reader.name}: a spelling variant not as Pagefind ${MERGED_PAGEFIND_VERSION} writes it`);
    const spelling = reader.text();
    let list = merged.variants.get(spelling);
    if (!list) {
      merged.variants.set(spelling, (list = { runs: [], count: 0 }));
      merged.size += 1;
    }
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

/** A list of pages from its runs, each run's first number made relative to the previous run's last page. */
function writePages(writer: CborWriter, list: PageList): void {
  writer.array(list.count);
  let previous = 0;
  for (const run of list.runs) {
    writer.raw(run.bytes, run.headStart, run.headEnd).integer(run.first - previous).raw(run.bytes, run.restStart, run.end);
    previous = run.last;
  }
}

/**
 * The words in Pagefind's order (by their UTF-8 bytes) cut into chunks as Pagefind cuts them:
 * a chunk ends once its words weigh 20,000 (per page of the word or of its variants, 1 and the
 * items of the page's arrays; 1 per variant). Each chunk is named by the shortest prefixes that
 * tell it from its neighbours, which the search code uses to pick the chunks a term needs.
 */
function chunkWords(words: Map<string, MergedWord>): { from: string; to: string; words: MergedWord[] }[] {
  const sorted = [...words.values()].sort((a, b) => byBytes(a.word, b.word));
  const chunks: { from: string; to: string; words: MergedWord[] }[] = [];
  let current: MergedWord[] = [];
  let size = 0;
  for (const word of sorted) {
    size += word.size;
    current.push(word);
    if (size >= CHUNK_WEIGHT) {
      chunks.push({ from: (current[0] as MergedWord).word, to: word.word, words: current });
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push({ from: (current[0] as MergedWord).word, to: (current.at(-1) as MergedWord).word, words: current });
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [to, from] = distinctPrefixes((chunks[i] as { to: string }).to, (chunks[i + 1] as { from: string }).from);
    (chunks[i] as { to: string }).to = to;
    (chunks[i + 1] as { from: string }).from = from;
  }
  return chunks;
}

/** Pagefind's `get_prefixes`: each word cut one character past what they share. */
function distinctPrefixes(a: string, b: string): [string, string] {
  const left = Array.from(a);
  const right = Array.from(b);
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(""), right.slice(0, common + 1).join("")];
}

/** A file name from the hash of its content, lengthened while another file of the bundle has it. */
function uniqueName(files: Map<string, Buffer>, folder: string, extension: string, language: string, content: Buffer): string {
  const hash = sha1(content, "hex");
  for (let length = 7; ; length++) {
    const name = `${language}_${hash.slice(0, length)}`;
    if (!files.has(`${folder}${name}${extension}`) || length >= hash.length) return name;
  }
}

/**
 * Rust's order of strings: by their UTF-8 bytes, which is the order of their code points.
 * JavaScript's `<` compares UTF-16 units, the same order unless a string has a character past
 * U+D7FF (surrogates sort below U+E000–U+FFFF): those are compared as bytes.
 */
function byBytes(a: string, b: string): number {
  if (PAST_D7FF.test(a) || PAST_D7FF.test(b)) return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  return a < b ? -1 : a > b ? 1 : 0;
}

const PAST_D7FF = /[\uD800-\uFFFF]/;

function asArray(value: CborValue | undefined, piece: string, what: string): CborValue[] {
  if (!Array.isArray(value)) throw new Error(`${piece}: the Pagefind ${what} is not what Pagefind ${MERGED_PAGEFIND_VERSION} writes`);
  return value;
}
