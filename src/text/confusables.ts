/**
 * Letters of other scripts that look like Latin ones (a small part of Unicode's
 * confusables.txt, UTS #39: the Cyrillic and Greek letters whose prototype there is a plain
 * Latin letter), and fullwidth forms. "Pаris" with a Cyrillic « а » reads as "Paris": a
 * title like it must not get another article's URL, nor pass unnoticed.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: "a", е: "e", ё: "ë", і: "i", ї: "ï", ј: "j", о: "o", р: "p", с: "c", у: "y", х: "x", ѕ: "s", һ: "h", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", ү: "y", г: "r",
  А: "A", В: "B", Е: "E", Ѕ: "S", І: "I", Ј: "J", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X", Ү: "Y", Ӏ: "I", Ԛ: "Q", Ԝ: "W",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X", Ϲ: "C", Ϳ: "J",
  α: "a", ο: "o", ν: "v", ρ: "p", ι: "i", υ: "u", γ: "y", ϲ: "c", ϳ: "j",
};

/** Fullwidth ASCII (U+FF01–U+FF5E) is ASCII shifted by 0xFEE0. */
const FULLWIDTH = /[\uFF01-\uFF5E]/g;
const FULLWIDTH_OFFSET = 0xfee0;
const unshift = (c: string) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_OFFSET);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Whether a text may hold a look-alike at all: most hold neither Greek, Cyrillic nor fullwidth letters (one test, not one per letter). */
const MAY_LOOK_ALIKE = /[\p{Script=Greek}\p{Script=Cyrillic}\uFF01-\uFF5E]/u;

type Script = "latin" | "fullwidth" | "greek" | "cyrillic";

function scriptOf(letter: string): Script | undefined {
  if (/[\uFF21-\uFF3A\uFF41-\uFF5A]/.test(letter)) return "fullwidth";
  if (/\p{Script=Latin}/u.test(letter)) return "latin";
  if (/\p{Script=Greek}/u.test(letter)) return "greek";
  if (/\p{Script=Cyrillic}/u.test(letter)) return "cyrillic";
  return undefined;
}

const SCRIPT_NAMES: Readonly<Record<Script, string>> = { latin: "Latin", fullwidth: "fullwidth Latin", greek: "Greek", cyrillic: "Cyrillic" };

export interface LookAlikeWord {
  word: string;
  /** The scripts its letters come from, named ("Latin", "Cyrillic"…). */
  scripts: string[];
  /** The word as it reads: its look-alike letters as the Latin ones they imitate. */
  reads: string;
}

/**
 * The words of a text that mix Latin letters with look-alikes of another script, and those
 * with fullwidth Latin letters: "Hаmmouchi" with a Cyrillic « а », "Ｈammouchi". A word wholly
 * in one script (a Russian or Greek name) is not one, nor is one whose foreign letters look
 * like no Latin letter.
 */
export function lookAlikeWords(text: string): LookAlikeWord[] {
  if (!MAY_LOOK_ALIKE.test(text)) return [];
  const found: LookAlikeWord[] = [];
  for (const [word] of text.normalize("NFC").matchAll(WORD)) {
    const scripts = new Set<Script>();
    let imitates = false;
    for (const letter of word) {
      const script = scriptOf(letter);
      if (!script) continue;
      scripts.add(script);
      if (script === "fullwidth" || LOOK_ALIKES[letter] !== undefined) imitates = true;
    }
    if ((scripts.size > 1 && imitates) || scripts.has("fullwidth")) found.push({ word, scripts: [...scripts].map((s) => SCRIPT_NAMES[s]), reads: foldWord(word) });
  }
  return found;
}

const foldWord = (word: string) => [...word.replace(FULLWIDTH, unshift)].map((c) => LOOK_ALIKES[c] ?? c).join("");

/**
 * A text with its look-alikes as the Latin letters they imitate, for slugs: fullwidth forms
 * everywhere, other scripts' look-alikes in the words that mix them with Latin letters (a
 * word wholly Cyrillic or Greek keeps its letters, which a slug transliterates as it reads).
 */
export function latinSkeleton(text: string): string {
  if (!MAY_LOOK_ALIKE.test(text)) return text;
  const words = new Set(lookAlikeWords(text).map((found) => found.word));
  return text
    .normalize("NFC")
    .replace(WORD, (word) => (words.has(word) ? foldWord(word) : word))
    .replace(FULLWIDTH, unshift);
}
