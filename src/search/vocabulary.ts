import type { Archive } from "../pipeline/build-archive.ts";
import { siteCodeVersion } from "../pipeline/code-version.ts";
import type { ArticleRecord } from "../model/article.ts";
import { foldWord } from "../text/fold.ts";
import { markdownLineAsWords } from "../text/markdown-text.ts";
import { digestOf, hash } from "../site/digest.ts";
import type { DataFile } from "../site/open-data.ts";
import { urls } from "../model/urls.ts";

/**
 * The words the search page may suggest for a query that finds nothing (« Hamouchi » →
 * « Hammouchi »): the archive's own, so a suggestion always names something the archive holds.
 * The page fetches the file only when a search has no result, and compares the query with it
 * by an edit distance that ignores case and accents (templates/assets/search.js).
 *
 * - `actors`: the names of the people and institutions the published articles mention, and
 *   their acronyms, each once;
 * - `words`: the words of the articles' titles and texts, as most often written, most
 *   frequent first (by the number of articles holding them), at most `MAX_WORDS`, read from
 *   at most `MAX_ARTICLES` articles spread evenly over the archive: past that many, the most
 *   frequent words are the same, and the cost would grow with the archive.
 *   Words of fewer than `MIN_LETTERS` letters are left out: a query that short is not corrected.
 */
export interface SearchVocabulary {
  actors: string[];
  words: string[];
}

export const SEARCH_VOCABULARY_URL = `${urls.search()}vocabulaire.json`;

/** Enough for the words an archive's readers search (names, places, themes) in some 60 KB; the rarest are the first dropped. */
export const MAX_WORDS = 6000;
export const MAX_ARTICLES = 20_000;
export const MIN_LETTERS = 4;

/**
 * The words long enough to be counted: runs of letters (an apostrophe or a hyphen splits
 * words, as the search index splits them) of at least `MIN_LETTERS` letters, counted in code
 * points (a letter may take two UTF-16 units). A shorter run matches nowhere, a longer one
 * from its first letter.
 */
const LONG_WORD = new RegExp(`\\p{L}{${MIN_LETTERS},}`, "gu");
const ANY_LETTER = /\p{L}/u;
/** Everything up to the last letter: what is left is the run of non-letters before a word. */
const UP_TO_LAST_LETTER = /^[\s\S]*\p{L}/u;
/** How much of what precedes a word tells whether it opens a sentence. */
const NEAR = 8;

/**
 * Whether the word at `index` of `text` opens the text, a line or a sentence (after spaces or
 * an opening quote), from the non-letters before it; `first` when no letter comes before it.
 */
function opensSentence(text: string, index: number, first: boolean): boolean {
  const before = text.slice(Math.max(0, index - NEAR - 1), index).replace(UP_TO_LAST_LETTER, "");
  return (first && before.length <= NEAR && OPENING.test(before)) || SENTENCE_END.test(before.slice(-NEAR));
}
const OPENING = /^[\s«"“(]*$/u;
const SENTENCE_END = /[.!?…:\n][\s«"“(]*$/u;
/** Capitalised, not an acronym: « Bien », not « DGST ». */
const ONE_CAPITAL = /^\p{Lu}\P{Lu}*$/u;

export function searchVocabulary(records: readonly ArticleRecord[], maxWords = MAX_WORDS, maxArticles = MAX_ARTICLES): SearchVocabulary {
  const actors = new Set<string>();
  for (const record of records) {
    for (const ref of record.people) actors.add(ref.name);
    for (const ref of record.agencies) {
      actors.add(ref.name);
      if (ref.acronym) actors.add(ref.acronym);
    }
  }
  // Each spelling is counted at each occurrence, and its folded word once per article that
  // holds it: one lookup per word of the text, by its spelling.
  const spellings = new Map<string, Spelling>();
  const byFolded = new Map<string, FoldedWord>();
  let article = 0;
  for (const record of evenlySpread(records, maxArticles)) {
    article++;
    const text = `${record.title ?? ""}\n${record.body.split("\n").map(markdownLineAsWords).join("\n")}`;
    const firstLetter = text.search(ANY_LETTER);
    for (const match of text.matchAll(LONG_WORD)) {
      const word = match[0];
      // A capital at the start of a sentence says nothing of the word: « Bien que… » is « bien ».
      const form = ONE_CAPITAL.test(word) && opensSentence(text, match.index, match.index === firstLetter) ? word.toLowerCase() : word;
      let spelling = spellings.get(form);
      if (!spelling) {
        const key = foldWord(form);
        let folded = byFolded.get(key);
        if (!folded) byFolded.set(key, (folded = { key, articles: 0, lastArticle: 0, spellings: [] }));
        spellings.set(form, (spelling = { form, count: 0, word: folded }));
        folded.spellings.push(spelling);
      }
      spelling.count++;
      if (spelling.word.lastArticle !== article) {
        spelling.word.lastArticle = article;
        spelling.word.articles++;
      }
    }
  }
  const words = [...byFolded.values()]
    .sort((a, b) => b.articles - a.articles || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, maxWords)
    .map((word) => usualSpelling(word.spellings));
  return { actors: [...actors].sort((a, b) => a.localeCompare(b, "fr")), words };
}

/** At most `count` of the records, evenly spread (all of them when they are fewer). */
export function evenlySpread<T>(records: readonly T[], count: number): readonly T[] {
  if (records.length <= count) return records;
  return Array.from({ length: count }, (_, i) => records[Math.floor((i * records.length) / count)] as T);
}

/**
 * The spelling written most often; on a tie, the one in lowercase (a word capitalised at the
 * start of a sentence is the same word), then the first in code-point order.
 */
function usualSpelling(spellings: readonly Spelling[]): string {
  const lower = (spelling: Spelling) => Number(spelling.form === spelling.form.toLowerCase());
  return [...spellings].sort((a, b) => b.count - a.count || lower(b) - lower(a) || (a.form < b.form ? -1 : 1))[0]?.form as string;
}

/** A word as folded (`key`), and how many articles hold it in any of its spellings. */
interface FoldedWord {
  key: string;
  articles: number;
  /** The last article counted, so that each counts once. */
  lastArticle: number;
  spellings: Spelling[];
}

/** A spelling of a word, and how many times it is written. */
interface Spelling {
  form: string;
  count: number;
  word: FoldedWord;
}

/**
 * The vocabulary as a file of the site, planned: its digest is that of the published records
 * (what each was made from, when known) and of this code, so a rebuild that changed no
 * article leaves it alone.
 */
export function searchVocabularyFile(archive: Archive): { url: string; digest: string; make: () => DataFile } {
  const { records } = archive;
  const known = records.map((record) => archive.digests.get(record.id));
  const madeFrom = known.every(Boolean) ? known : records.map((record) => hash(JSON.stringify([record.title, record.body, record.people, record.agencies])));
  return {
    url: SEARCH_VOCABULARY_URL,
    digest: digestOf(["search-vocabulary", siteCodeVersion(), madeFrom]),
    make: () => ({
      url: SEARCH_VOCABULARY_URL,
      name: "vocabulaire.json",
      format: "JSON",
      description: "search vocabulary",
      content: `${JSON.stringify(searchVocabulary(records))}\n`,
    }),
  };
}
