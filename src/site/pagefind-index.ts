import { boundedMemo } from "../text/bounded-memo.ts";
import { sha1 } from "../text/sha1.ts";
import { canMergeSearchPieces } from "./merge-search-pieces.ts";
import { bundleWord, byBytes, filterValuePages, PAGEFIND_VERSION, spellingPages, writeLanguageIndex, type BundleWord, type LanguageIndex, type PageList, type PageRun, type PagefindEntry } from "./pagefind-bundle.ts";
import { CborWriter, pagefindFile, type CborValue } from "./pagefind-file.ts";
import { INCLUDED_CHARACTERS, indexableWords, WHITESPACE, type IndexableWord, type Stemmer } from "./pagefind-words.ts";
import type { SearchRecord } from "./search-records.ts";
import EnglishStemmer from "./snowball/english.js";
import FrenchStemmer from "./snowball/french.js";

/**
 * Revue's search indexer: the records' Pagefind 1.6 bundle (its entry, metadata, word index,
 * filters and one fragment per page), written here rather than by Pagefind's indexer, which
 * took 40 % of the processor time of a cold build (24 of 60 core-seconds at 10,000 articles)
 * for work that is mostly compression at zlib's slowest level and copies. Pagefind still
 * provides what the reader's browser runs (its search code, interface and WebAssembly), and
 * indexes records in a language this indexer has no stemmer for (Revue's own are French and
 * English).
 *
 * What is indexed is what Pagefind's indexer indexes for a custom record (see
 * pagefind-words.ts for a word): the content's words split at whitespace, each at its position
 * with the weight of body text, and the words of each meta field (here the title) at their
 * positions in it. tests/unit/site/pagefind-index.test.ts builds an index both ways and
 * compares every word's pages, positions, weights and spellings.
 */

/** Stemmers by language: the Snowball algorithms Pagefind's search code applies to queries, for the languages of Revue's interface. */
const STEMMERS: Record<string, () => Stemmer> = {
  en: () => stemmerOf(new EnglishStemmer()),
  fr: () => stemmerOf(new FrenchStemmer()),
};

function stemmerOf(snowball: { stemWord(word: string): string }): Stemmer {
  return (word) => snowball.stemWord(word);
}

/** Whether Revue writes these records' index itself: a stemmer for each language, and Pagefind 1.6.0's search code to read it. */
export function canIndexSearchRecords(records: readonly SearchRecord[], env: NodeJS.ProcessEnv = process.env): boolean {
  return canMergeSearchPieces(env) && records.every((record) => baseLanguage(record.language) in STEMMERS);
}

/** The bundle's index files by path: `pagefind-entry.json`, the metadata, index chunks, filters and fragments. */
export function indexSearchRecords(records: readonly SearchRecord[]): Map<string, Buffer> {
  records.forEach(checkRecord);
  const byLanguage = new Map<string, SearchRecord[]>();
  for (const record of records) {
    let list = byLanguage.get(record.language);
    if (!list) byLanguage.set(record.language, (list = []));
    list.push(record);
  }
  const files = new Map<string, Buffer>();
  const entry: PagefindEntry = { version: PAGEFIND_VERSION, languages: {}, include_characters: INCLUDED_CHARACTERS };
  for (const language of [...byLanguage.keys()].sort(byBytes)) {
    const { hash, page_count } = indexLanguage(language, byLanguage.get(language) as SearchRecord[], files);
    entry.languages[language] = { hash, wasm: baseLanguage(language), page_count };
  }
  files.set("pagefind-entry.json", Buffer.from(JSON.stringify(entry)));
  return files;
}

/** Records come from another process: what Pagefind would refuse is refused here, naming the record. */
function checkRecord(record: SearchRecord, index: number): void {
  const problem =
    typeof record.url !== "string" || record.url === ""
      ? "its url is not text"
      : typeof record.content !== "string"
        ? "its content is not text"
        : typeof record.language !== "string"
          ? "its language is not text"
          : !Object.values(record.meta ?? {}).every((value) => typeof value === "string")
            ? "a meta field is not text"
            : !Object.values(record.filters ?? {}).every((values) => Array.isArray(values) && values.every((value) => typeof value === "string"))
              ? "a filter is not a list of texts"
              : undefined;
  if (problem) throw new Error(`search record ${index + 1} (${String(record.url)}): ${problem}`);
}

const baseLanguage = (language: string) => language.split("-")[0] as string;

/** Pagefind's weight of body text (1, times 24). */
const BODY_WEIGHT = 24;

/** A word's occurrences on one page: positions with their weights, and positions in meta fields. */
interface Occurrences {
  /** Pairs: position, weight. */
  body: number[];
  /** Pairs: meta field, position. */
  meta: number[];
}

/** One page's occurrences of a stemmed word: under no spelling (no diacritics) and under each spelling with diacritics. */
interface PageWord {
  plain: Occurrences | undefined;
  spellings: Map<string, Occurrences>;
}

function indexLanguage(language: string, records: readonly SearchRecord[], files: Map<string, Buffer>): { hash: string; page_count: number } {
  const { wordsOf, metaWordsOf } = wordFinders(baseLanguage(language));
  const metaFields = [...new Set(records.flatMap((record) => Object.keys(record.meta)))].sort(byBytes);
  const writer = new CborWriter();
  const runs: PageRun[] = [];
  const words = new Map<string, BundleWord>();
  const filters: LanguageIndex["filters"] = new Map();
  const pages: CborValue[] = [];
  const fragmentHashes = new Map<string, string>();

  for (const record of records) {
    const page = pages.length;
    const pageWords = new Map<string, PageWord>();
    const occurrences = (indexable: IndexableWord): Occurrences => {
      let word = pageWords.get(indexable.stemmed);
      if (!word) pageWords.set(indexable.stemmed, (word = { plain: undefined, spellings: new Map() }));
      if (indexable.original === undefined) return (word.plain ??= { body: [], meta: [] });
      let spelling = word.spellings.get(indexable.original);
      if (!spelling) word.spellings.set(indexable.original, (spelling = { body: [], meta: [] }));
      return spelling;
    };

    const content: string[] = [];
    for (const token of record.content.split(WHITESPACE)) {
      // Zero-width spaces are Pagefind's own word boundaries: it removes them from the text.
      const word = token.includes("\u200b") ? token.replaceAll("\u200b", "") : token;
      if (word === "") continue;
      const position = content.length;
      content.push(word);
      const indexable = wordsOf(word);
      const parts = indexable.reduce((count, { part }) => count + (part ? 1 : 0), 0);
      // A compound word's parts share its weight (at least 1 each).
      const partWeight = parts > 0 ? Math.max(1, Math.floor(BODY_WEIGHT / parts)) : 0;
      for (const each of indexable) occurrences(each).body.push(position, each.part ? partWeight : BODY_WEIGHT);
    }
    // Pagefind leaves out a page without text (an article always has its title in it).
    if (content.length === 0) continue;

    const fields = Object.keys(record.meta).sort(byBytes);
    for (const field of fields) {
      const id = metaFields.indexOf(field);
      const value = record.meta[field as keyof SearchRecord["meta"]];
      value
        .split(WHITESPACE)
        .filter((word) => word !== "")
        .forEach((word, position) => {
          for (const each of metaWordsOf(word)) occurrences(each).meta.push(id, position);
        });
    }

    for (const [stemmed, { plain, spellings }] of pageWords) {
      const word = bundleWord(words, stemmed);
      if (plain) word.size += addPage(word.pages, page, plain);
      for (const [spelling, found] of spellings) {
        // Not in one expression: `word.size +=` would read the size before a new spelling adds to it.
        const list = spellingPages(word, spelling);
        word.size += addPage(list, page, found);
      }
    }

    for (const [name, values] of Object.entries(record.filters)) for (const value of values) filterValuePages(filters, name, value).push(page);

    const wordCount = content.length;
    const fragment = JSON.stringify({ url: record.url, content: content.join(" "), word_count: wordCount, filters: sortedKeys(record.filters), meta: sortedKeys(record.meta), anchors: [] });
    const name = fragmentName(language, fragment, fragmentHashes);
    files.set(`fragment/${name}.pf_fragment`, pagefindFile(Buffer.from(fragment)));
    pages.push([name, wordCount, ""]);
  }

  /**
   * One page entry of a word: [page, body locations, meta locations], its page number left
   * for the writer to encode (as the distance from the word's previous page). Returns its
   * weight in an index chunk.
   */
  function addPage(list: PageList, page: number, { body, meta }: Occurrences): number {
    const headStart = writer.length;
    writer.array(3);
    const headEnd = writer.length;
    const locations = bodyLocations(body);
    writer.array(locations.length);
    for (const location of locations) writer.integer(location);
    const metaLocations = metaLocationsOf(meta);
    writer.array(metaLocations.length);
    for (const location of metaLocations) writer.integer(location);
    const run: PageRun = { bytes: EMPTY, headStart, headEnd, restStart: headEnd, end: writer.length, first: page, last: page };
    runs.push(run);
    list.runs.push(run);
    list.count += 1;
    return 1 + locations.length + metaLocations.length;
  }

  // The page entries are all in one buffer, known once written.
  const bytes = writer.bytes();
  for (const run of runs) run.bytes = bytes;
  return writeLanguageIndex(language, { version: PAGEFIND_VERSION, pages, words, filters, metaFields }, files);
}

const EMPTY = Buffer.alloc(0);

/**
 * Pagefind's body locations: positions ordered by weight then position, each weight announced
 * by its negative (-1 - weight) followed by a position, the next positions as distances from
 * the previous one. Pagefind leaves the weight 25 unannounced at the start (it meant it for
 * body text, which it weighs 24): reproduced, in case a weight of 25 ever comes.
 */
function bodyLocations(pairs: number[]): number[] {
  if (pairs.length === 0) return [];
  // Most words of a page have one weight, their positions already in order.
  const first = pairs[1] as number;
  let oneWeight = first !== 25;
  for (let i = 3; oneWeight && i < pairs.length; i += 2) oneWeight = pairs[i] === first;
  if (oneWeight) {
    const locations = [-1 - first, pairs[0] as number];
    for (let i = 2; i < pairs.length; i += 2) locations.push((pairs[i] as number) - (pairs[i - 2] as number));
    return locations;
  }
  const order: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push(i);
  const key = (i: number) => (pairs[i + 1] === 25 ? 0 : (pairs[i + 1] as number));
  order.sort((a, b) => key(a) - key(b) || (pairs[a] as number) - (pairs[b] as number));
  const locations: number[] = [];
  let weight = 25;
  let last = 0;
  for (const i of order) {
    const position = pairs[i] as number;
    const each = pairs[i + 1] as number;
    if (each !== weight) {
      locations.push(-1 - each, position);
      weight = each;
    } else {
      locations.push(position - last);
    }
    last = position;
  }
  return locations;
}

/** Pagefind's meta locations: by field then position, each field announced by its negative (-1 - field), positions as distances within it. */
function metaLocationsOf(pairs: number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push(i);
  order.sort((a, b) => (pairs[a] as number) - (pairs[b] as number) || (pairs[a + 1] as number) - (pairs[b + 1] as number));
  const locations: number[] = [];
  let field = -1;
  let last = 0;
  for (const i of order) {
    const each = pairs[i] as number;
    const position = pairs[i + 1] as number;
    if (each !== field) {
      locations.push(-1 - each);
      field = each;
      last = 0;
    }
    locations.push(position - last);
    last = position;
  }
  return locations;
}

/**
 * A fragment's name: the language and the first 7 digits of Pagefind's hash of its JSON, one
 * digit longer while another page has it; identical pages share theirs (Pagefind's naming).
 */
function fragmentName(language: string, fragment: string, taken: Map<string, string>): string {
  const hash = `${language}_${pagefindHash(fragment)}`;
  for (let length = language.length + 8; ; length++) {
    const name = hash.slice(0, length);
    const holder = taken.get(name);
    if (holder === undefined) {
      taken.set(name, hash);
      return name;
    }
    if (holder === hash || length >= hash.length) return name;
  }
}

/** Pagefind's `full_hash`: SHA-1 in hexadecimal, each byte without its leading zero (0x0c is "c"). */
function pagefindHash(text: string): string {
  let hex = "";
  for (const byte of sha1(text, "buffer")) hex += byte.toString(16);
  return hex;
}

/** An object with its keys in Rust's order (Pagefind keeps filters and meta in B-tree maps). */
function sortedKeys<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => byBytes(a, b)));
}

const finders = new Map<string, { wordsOf: (word: string) => IndexableWord[]; metaWordsOf: (word: string) => IndexableWord[] }>();

/**
 * A language's `indexableWords`, for text and for meta fields, remembered per word as
 * written for the life of the process: an indexer indexes several shards, and an archive's
 * words repeat (a few tens of thousands of forms in millions of words).
 */
function wordFinders(language: string) {
  let found = finders.get(language);
  if (!found) {
    const stem = boundedMemo((STEMMERS[language] as () => Stemmer)());
    found = { wordsOf: boundedMemo((word) => indexableWords(word, stem, true)), metaWordsOf: boundedMemo((word) => indexableWords(word, stem, false)) };
    finders.set(language, found);
  }
  return found;
}
