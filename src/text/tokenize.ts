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

const WORD = /[\p{L}\p{N}]+/gu;
const ARTICLE_KEYS: Readonly<Record<string, string>> = {
  le: "",
  la: "",
  les: "",
  l: "",
  de: "de",
  des: "de",
  du: "de",
  d: "de",
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const folded = foldWord(word);
    const first = word[0] ?? "";
    const isCapitalized = first !== first.toLowerCase();
    tokens.push({
      text: word,
      folded,
      key: ARTICLE_KEYS[folded] ?? folded,
      start,
      end,
      isUpper: word.length >= 2 && isCapitalized && word === word.toUpperCase() && /\p{L}/u.test(word.slice(1)),
      isCapitalized,
      inParentheses: text[start - 1] === "(" && text[end] === ")",
      gap: text.slice(previousEnd, start),
    });
    previousEnd = end;
  }
  return tokens;
}

/** Characters that end a name: a name never runs across them unless its alias has them too. */
export const HARD_PUNCTUATION = /[.,;:!?()[\]{}«»"“”\n\r\t|/•·…]/g;

export function hardPunctuation(gap: string): string {
  return (gap.match(HARD_PUNCTUATION) ?? []).join("");
}
