import { foldWord } from "./fold.ts";

/**
 * A word of the text with its position. Matchers work on tokens, never on raw strings,
 * so every matcher agrees on word boundaries, case and accents.
 */
export interface Token {
  /** The word as written. */
  text: string;
  /** The word folded (lowercase, no accents); articles are kept here, see `key`. */
  folded: string;
  /**
   * What matchers compare: `folded`, except that French articles and the preposition
   * "de" are normalised ("des", "du", "d'" → "de"; "le", "la", "les", "l'" → "") so that
   * "Bureau central des investigations" and "Bureau central d'investigations" are one name.
   * An empty key means the token is skipped by name matchers.
   */
  key: string;
  start: number;
  end: number;
  /** Written in capitals with at least two letters: an acronym such as "DGST". */
  isUpper: boolean;
  /** Starts with a capital letter. */
  isCapitalized: boolean;
  /** Written between parentheses on its own, like "(BCIJ)". */
  inParentheses: boolean;
  /** The characters between the previous token and this one. */
  gap: string;
}

const ARTICLE_KEYS: ReadonlyMap<string, string> = new Map([
  ["le", ""],
  ["la", ""],
  ["les", ""],
  ["l", ""],
  ["de", "de"],
  ["des", "de"],
  ["du", "de"],
  ["d", "de"],
]);

/** Word characters (letters and digits of any script), by UTF-16 code unit, decided once each. */
const wordUnit = new Int8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // Surrogates: a supplementary character counts as a word character when it is a letter.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = wordUnit[code];
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : -1;
    wordUnit[code] = known;
  }
  return known === 1;
}

/** Tokenizes in one pass over the characters (this runs on every article: no regex per word). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let previousEnd = 0;
  let i = 0;
  while (i < length) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // One pass over the word: its end, whether it is ASCII, whether it has lower-case letters.
    let ascii = true;
    let lower = false;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) break;
        if (code >= 97) lower = true;
      } else if (isWordUnit(code)) ascii = false;
      else break;
      i++;
    }
    const word = text.slice(start, i);
    const folded = ascii ? word.toLowerCase() : foldWord(word);
    const first = word.charCodeAt(0);
    const isCapitalized = first < 128 ? first >= 65 && first <= 90 : word[0] !== word[0]?.toLowerCase();
    const isUpper = isCapitalized && word.length >= 2 && (ascii ? !lower && /[A-Z]/.test(word.slice(1)) : word === word.toUpperCase() && word !== word.toLowerCase() && /\p{L}/u.test(word.slice(1)));
    // "l'" and "d'" are articles only when elided: "L. Akhannouch" is an initial.
    const elidable = folded.length > 1 || text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019;
    tokens.push({
      text: word,
      folded,
      key: elidable ? (ARTICLE_KEYS.get(folded) ?? folded) : folded,
      start,
      end: i,
      isUpper,
      isCapitalized,
      inParentheses: text.charCodeAt(start - 1) === 40 && text.charCodeAt(i) === 41,
      gap: text.slice(previousEnd, start),
    });
    previousEnd = i;
  }
  return tokens;
}

/** Characters that end a name: a name never runs across them unless its alias has them too. */
export const HARD_PUNCTUATION = /[.,;:!?()[\]{}«»"“”\n\r\t|/•·…]/g;
const HAS_HARD_PUNCTUATION = /[.,;:!?()[\]{}«»"“”\n\r\t|/•·…]/;

export function hardPunctuation(gap: string): string {
  if (gap === " " || !HAS_HARD_PUNCTUATION.test(gap)) return "";
  return (gap.match(HARD_PUNCTUATION) ?? []).join("");
}
