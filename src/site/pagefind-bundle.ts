import { sha1 } from "../text/sha1.ts";
import { CborWriter, pagefindFile, type CborValue } from "./pagefind-file.ts";

/**
 * The index files of a Pagefind 1.6 bundle, written from its pages, words and filters: what
 * Pagefind's search code reads. Two sources fill them: Revue's indexer (pagefind-index.ts) from
 * the search records, and the merge of pieces Pagefind indexed (merge-search-pieces.ts).
 */
export const PAGEFIND_VERSION = "1.6.0";

/** What Pagefind writes in `pagefind-entry.json`. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/** Pagefind's weight of an index chunk (see chunkWords). */
const CHUNK_WEIGHT = 20_000;

/**
 * Pages of a word, as encoded bytes. Pagefind 1.6 writes a word's pages in page order, each as
 * [number, locations, meta locations] where the number is the distance from the previous
 * page's: a run of pages moved to follow others keeps its bytes but for the first page's number.
 */
export interface PageRun {
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

export interface PageList {
  runs: PageRun[];
  count: number;
}

export interface BundleWord {
  word: string;
  pages: PageList;
  /** The word's spellings with diacritics, each with its own pages ("écrit" for "ecrit"). */
  variants: Map<string, PageList>;
  /** What the word weighs in a chunk, as Pagefind counts it (see chunkWords). */
  size: number;
}

/** The entry of `word` in `words`, added empty the first time. */
export function bundleWord(words: Map<string, BundleWord>, word: string): BundleWord {
  let found = words.get(word);
  if (!found) words.set(word, (found = { word, pages: { runs: [], count: 0 }, variants: new Map(), size: 0 }));
  return found;
}

/** The pages of a word's spelling with diacritics, added empty the first time (a spelling weighs 1 in its chunk). */
export function spellingPages(word: BundleWord, spelling: string): PageList {
  let found = word.variants.get(spelling);
  if (!found) {
    word.variants.set(spelling, (found = { runs: [], count: 0 }));
    word.size += 1;
  }
  return found;
}

/** The pages of a filter's value, added empty the first time. */
export function filterValuePages(filters: LanguageIndex["filters"], name: string, value: string): number[] {
  let values = filters.get(name);
  if (!values) filters.set(name, (values = new Map()));
  let found = values.get(value);
  if (!found) values.set(value, (found = []));
  return found;
}

/** One language's index, ready to write. */
export interface LanguageIndex {
  version: CborValue;
  /** Per page: [fragment hash, word count, …]. */
  pages: CborValue[];
  words: Map<string, BundleWord>;
  /** Filter → value → page numbers, in page order. */
  filters: Map<string, Map<string, number[]>>;
  metaFields: string[];
}

/**
 * Writes one language's index chunks, filter files and metadata into `files`; returns the
 * metadata's name and the page count, for `pagefind-entry.json`. Pagefind 1.6's metadata:
 * [version, pages [[fragment hash, word count, …]], index chunks [[from, to, hash]],
 * filters [[name, hash]], sorts [[name, pages]], meta fields [name]].
 */
export function writeLanguageIndex(language: string, { version, pages, words, filters, metaFields }: LanguageIndex, files: Map<string, Buffer>): { hash: string; page_count: number } {
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
function chunkWords(words: Map<string, BundleWord>): { from: string; to: string; words: BundleWord[] }[] {
  const sorted = [...words.values()].sort((a, b) => byBytes(a.word, b.word));
  const chunks: { from: string; to: string; words: BundleWord[] }[] = [];
  let current: BundleWord[] = [];
  let size = 0;
  for (const word of sorted) {
    size += word.size;
    current.push(word);
    if (size >= CHUNK_WEIGHT) {
      chunks.push({ from: (current[0] as BundleWord).word, to: word.word, words: current });
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push({ from: (current[0] as BundleWord).word, to: (current.at(-1) as BundleWord).word, words: current });
  for (let i = 0; i + 1 < chunks.length; i++) {
    const chunk = chunks[i] as { from: string; to: string };
    const [to, from] = distinctPrefixes(chunk.to, (chunks[i + 1] as { from: string }).from);
    // Cut short, the last word could sort before the first ("bureau" after "bilt" would be
    // "b"): the search code would then never look in this chunk. Pagefind keeps it whole.
    if (byBytes(to, chunk.from) >= 0) chunk.to = to;
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
export function byBytes(a: string, b: string): number {
  if (PAST_D7FF.test(a) || PAST_D7FF.test(b)) return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  return a < b ? -1 : a > b ? 1 : 0;
}

const PAST_D7FF = /[\uD800-\uFFFF]/;

