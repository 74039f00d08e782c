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
 * What lies between words: words are runs of letters (an apostrophe or a hyphen splits words,
 * as the search index splits them). Kept by the split, so each word comes after what precedes it.
 */
const BETWEEN_WORDS = /(\P{L}+)/u;
/** Whether a word opens the text, a line or a sentence (after spaces or an opening quote), from what precedes it. */
function opensSentence(before: string, first: boolean): boolean {
  const near = before.slice(-8);
  return (first && before.length <= 8 && OPENING.test(before)) || SENTENCE_END.test(near);
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
  // By folded word: how many articles hold it, and how often each spelling is written.
  // Each article's spellings are counted first, so the archive-wide maps see each once per article.
  const articles = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  const folded = new Map<string, string>();
  const inArticle = new Map<string, number>();
  const seen = new Set<string>();
  for (const record of evenlySpread(records, maxArticles)) {
    inArticle.clear();
    seen.clear();
    const text = `${record.title ?? ""}\n${record.body.split("\n").map(markdownLineAsWords).join("\n")}`;
    // Words at even positions, what precedes each at the odd one before it.
    const parts = text.split(BETWEEN_WORDS);
    for (let at = 0; at < parts.length; at += 2) {
      const word = parts[at] as string;
      if (!longEnough(word)) continue;
      // A capital at the start of a sentence says nothing of the word: « Bien que… » is « bien ».
      // The text's first word: nothing, or only what precedes it, before it.
      const first = at === 0 || (at === 2 && parts[0] === "");
      const form = ONE_CAPITAL.test(word) && opensSentence(parts[at - 1] ?? "", first) ? word.toLowerCase() : word;
      inArticle.set(form, (inArticle.get(form) ?? 0) + 1);
    }
    for (const [form, count] of inArticle) {
      let key = folded.get(form);
      if (key === undefined) folded.set(form, (key = foldWord(form)));
      let forms = spellings.get(key);
      if (!forms) spellings.set(key, (forms = new Map()));
      forms.set(form, (forms.get(form) ?? 0) + count);
      if (!seen.has(key)) {
        seen.add(key);
        articles.set(key, (articles.get(key) ?? 0) + 1);
      }
    }
  }
  const words = [...articles]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxWords)
    .map(([folded]) => usualSpelling(spellings.get(folded) as Map<string, number>));
  return { actors: [...actors].sort((a, b) => a.localeCompare(b, "fr")), words };
}

/** At most `count` of the records, evenly spread (all of them when they are fewer). */
export function evenlySpread<T>(records: readonly T[], count: number): readonly T[] {
  if (records.length <= count) return records;
  return Array.from({ length: count }, (_, i) => records[Math.floor((i * records.length) / count)] as T);
}

/** At least `MIN_LETTERS` letters (code points: a letter may take two UTF-16 units). */
function longEnough(word: string): boolean {
  return word.length >= 2 * MIN_LETTERS || (word.length >= MIN_LETTERS && [...word].length >= MIN_LETTERS);
}

/**
 * The spelling written most often; on a tie, the one in lowercase (a word capitalised at the
 * start of a sentence is the same word), then the first in code-point order.
 */
function usualSpelling(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || Number(b[0] === b[0].toLowerCase()) - Number(a[0] === a[0].toLowerCase()) || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string;
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
