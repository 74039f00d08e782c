/**
 * Folding makes two spellings of a name compare equal: case, accents, ligatures and
 * apostrophe variants are erased. Used by every matcher, so it is cached and has an
 * ASCII fast path (most tokens of a French text are plain ASCII).
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;
const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss" };

export function foldWord(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  let folded = cache.get(word);
  if (folded === undefined) {
    folded = word
      .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, folded);
  }
  return folded;
}

/** Folds a whole phrase: words folded, apostrophes unified, dashes and runs of spaces to one space. */
export function foldText(text: string): string {
  return foldWord(text)
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[\u2010-\u2015\-_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
