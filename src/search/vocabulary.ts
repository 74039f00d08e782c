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
 *   frequent first (by the number of articles holding them), at most `MAX_WORDS`.
 *   Words of fewer than `MIN_LETTERS` letters are left out: a query that short is not corrected.
 */
export interface SearchVocabulary {
  actors: string[];
  words: string[];
}

export const SEARCH_VOCABULARY_URL = `${urls.search()}vocabulaire.json`;

/** Enough for the words an archive's readers search (names, places, themes) in some 60 KB; the rarest are the first dropped. */
export const MAX_WORDS = 6000;
export const MIN_LETTERS = 4;

/** A run of letters (an apostrophe or a hyphen splits words, as the search index splits them). */
const WORD = /\p{L}+/gu;
/** Whether the word at `index` opens the text, a line or a sentence (after spaces or an opening quote). */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  return (index <= 8 && OPENING.test(before)) || SENTENCE_END.test(before);
}
const OPENING = /^[\s«"“(]*$/u;
const SENTENCE_END = /[.!?…:\n][\s«"“(]*$/u;
/** Capitalised, not an acronym: « Bien », not « DGST ». */
const ONE_CAPITAL = /^\p{Lu}\P{Lu}*$/u;

export function searchVocabulary(records: readonly ArticleRecord[], maxWords = MAX_WORDS): SearchVocabulary {
  const actors = new Set<string>();
  for (const record of records) {
    for (const ref of record.people) actors.add(ref.name);
    for (const ref of record.agencies) {
      actors.add(ref.name);
      if (ref.acronym) actors.add(ref.acronym);
    }
  }
  // By folded word: how many articles hold it, and how often each spelling is written.
  const articles = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const record of records) {
    const seen = new Set<string>();
    const text = `${record.title ?? ""}\n${record.body.split("\n").map(markdownLineAsWords).join("\n")}`;
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      if ([...word].length < MIN_LETTERS) continue;
      const folded = foldWord(word);
      const forms = spellings.get(folded) ?? new Map<string, number>();
      // A capital at the start of a sentence says nothing of the word: « Bien que… » is « bien ».
      const form = ONE_CAPITAL.test(word) && opensSentence(text, match.index) ? word.toLowerCase() : word;
      forms.set(form, (forms.get(form) ?? 0) + 1);
      spellings.set(folded, forms);
      if (!seen.has(folded)) {
        seen.add(folded);
        articles.set(folded, (articles.get(folded) ?? 0) + 1);
      }
    }
  }
  const words = [...articles]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxWords)
    .map(([folded]) => usualSpelling(spellings.get(folded) as Map<string, number>));
  return { actors: [...actors].sort((a, b) => a.localeCompare(b, "fr")), words };
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
