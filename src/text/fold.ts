import { boundedMemo } from "./bounded-memo.ts";

const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss" };

const foldNonAscii = boundedMemo((word) =>
  word
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase(),
);

/**
 * Folding makes two spellings of a name compare equal: case, accents, ligatures and
 * apostrophe variants are erased. Used by every matcher, so it is cached and has an
 * ASCII fast path (most tokens of a French text are plain ASCII).
 */
export function foldWord(word: string): string {
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : foldNonAscii(word);
}

/** Folds a whole phrase: words folded, apostrophes unified, dashes and runs of spaces to one space. */
export function foldText(text: string): string {
  return foldWord(text)
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[\u2010-\u2015\-_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
