/**
 * The words Pagefind 1.6 indexes for a word of a page, as its indexer finds them: what Revue's
 * own indexer (pagefind-index.ts) must give for the search code Pagefind ships to find them.
 * The search code normalizes and stems a query the same way (its WebAssembly holds the same
 * Snowball stemmer), so a word indexed differently here is a word the reader cannot find.
 * tests/unit/site/pagefind-index.test.ts compares this with Pagefind's own index, word for word.
 *
 * For a word as written ("l’Intérieur,"):
 * - its letters and digits, lowercased ("lintérieur"), without diacritics ("linterieur"), stemmed;
 *   the spelling with diacritics is kept beside it, to rank exact spellings first;
 * - when the word may be compound (punctuation inside, or a capital past its first letter), its
 *   parts as the Rust crate `convert_case` 0.6 cuts them for `Case::Lower`: at ASCII punctuation,
 *   hyphens, underscores, spaces, and between a lowercase letter and a capital, a letter and a
 *   digit, and before the last capital of an acronym ("WKWebView": wk, web, view). Parts of one
 *   byte are dropped. They weigh the word's weight shared among them;
 * - emoji, as they are.
 */
export interface IndexableWord {
  /** The word as the index holds it: stemmed, without diacritics. */
  stemmed: string;
  /** The spelling with diacritics, when it has any ("intérieur" for "interieur"). */
  original: string | undefined;
  /** A part of a compound word, which weighs a share of the word's weight. */
  part: boolean;
}

export type Stemmer = (word: string) => string;

/**
 * Characters Pagefind keeps inside words besides letters and digits (its `include_characters`
 * default, written in pagefind-entry.json): the connector punctuation of Unicode.
 */
export const INCLUDED_CHARACTERS = ["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"];

/** Rust's `char::is_alphanumeric`: Alphabetic, or a number (Nd, Nl, No); and the included characters. */
const WORD_CHARACTER = new RegExp(`[\\p{Alphabetic}\\p{Nd}\\p{Nl}\\p{No}${INCLUDED_CHARACTERS.join("")}]`, "u");
const NOT_ALPHANUMERIC = /[^\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u;
const UPPERCASE = /\p{Uppercase}/u;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** Rust's `char::is_whitespace` (the White_Space property), which `split_whitespace` splits at. */
export const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** Rust regex's `\p{Emoji}` (which includes the digits, "#" and "*"): only then are emoji looked for. */
const MAY_HOLD_EMOJI = /\p{Emoji}/u;
// Built at run time: TypeScript targets ES2022, which has no `v` flag (Node 20 has it).
const RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `inText`: a word of the page's text, not of a meta field (see the dotted words below). */
export function indexableWords(rawWord: string, stem: Stemmer, inText: boolean): IndexableWord[] {
  const results: IndexableWord[] = [];
  const normalized = normalize(rawWord);
  if (normalized !== "") results.push(indexable(normalized, stem, false));

  const possiblyCompound = NOT_ALPHANUMERIC.test(rawWord) || hasCapitalPastFirst(rawWord);
  if (!possiblyCompound) return results;

  const parts = caseParts(rawWord.replace(ASCII_PUNCTUATION, " "));
  const joined = parts.join(" ");
  if (normalized !== "" && (parts.length > 1 || !normalized.startsWith(joined))) {
    // Rust's `len` counts bytes: a part of one accented letter is kept.
    for (const part of parts) if (Buffer.byteLength(part) > 1) results.push(indexable(part, stem, true));
    if (inText) {
      // A dotted word of the text ("www.le360.ma", "13.04.2021") is also indexed from each dot
      // on ("le360ma", "042021"; "ma" and "2021" are parts already), so that a name or a date is
      // found from its middle. Pagefind does not do this for meta fields.
      const dotted = rawWord.split(".").filter((segment) => segment !== "");
      for (let from = 1; from < dotted.length; from++) {
        const suffix = normalize(dotted.slice(from).join(""));
        if (Buffer.byteLength(suffix) > 1 && !parts.includes(suffix)) results.push(indexable(suffix, stem, true));
      }
    }
  }
  if (MAY_HOLD_EMOJI.test(rawWord)) {
    for (const { segment } of graphemes.segment(rawWord)) {
      if (isEmoji(segment)) results.push({ stemmed: segment, original: undefined, part: false });
    }
  }
  return results;
}

/** The word's letters, digits and included characters, lowercased. */
function normalize(word: string): string {
  let normalized = "";
  for (const character of word) {
    if (!WORD_CHARACTER.test(character)) continue;
    // Rust lowercases only what is uppercase ("ǅ", a titlecase letter, stays as it is).
    normalized += UPPERCASE.test(character) ? character.toLowerCase() : character;
  }
  return normalized;
}

function indexable(word: string, stem: Stemmer, part: boolean): IndexableWord {
  const plain = withoutDiacritics(word);
  return { stemmed: stem(plain ?? word), original: plain === undefined ? undefined : word, part };
}

/** The word without its combining marks, if that changes it (Pagefind indexes "café" as "cafe"). */
function withoutDiacritics(word: string): string | undefined {
  if (!NON_ASCII.test(word)) return undefined;
  const plain = word.normalize("NFD").replace(MARKS, "");
  return plain === word ? undefined : plain;
}

function hasCapitalPastFirst(word: string): boolean {
  let first = true;
  for (const character of word) {
    if (!first && UPPERCASE.test(character)) return true;
    first = false;
  }
  return false;
}

/** The emoji database Pagefind consults (the `emojis` crate) knows emoji with or without their presentation selector ("©"). */
function isEmoji(grapheme: string): boolean {
  return RGI_EMOJI.test(grapheme) || RGI_EMOJI.test(`${grapheme}\ufe0f`);
}

/**
 * `convert_case` 0.6's words for `Case::Lower`, lowercased: cut at "-", "_" and " " (dropped),
 * then between graphemes at its default boundaries.
 */
function caseParts(text: string): string[] {
  const words: string[] = [];
  for (const piece of text.split(/[-_ ]/)) {
    if (piece === "") continue;
    const units = Array.from(graphemes.segment(piece), ({ segment }) => segment);
    const kinds = units.map(kind);
    let start = 0;
    for (let i = 1; i < units.length; i++) {
      const before = kinds[i - 1] as Kind;
      const here = kinds[i] as Kind;
      const acronymEnd = i + 1 < units.length && before === "upper" && here === "upper" && kinds[i + 1] === "lower";
      const cut =
        acronymEnd ||
        (before === "lower" && here === "upper") ||
        (before === "upper" && here === "digit") ||
        (before === "digit" && here === "upper") ||
        (before === "digit" && here === "lower") ||
        (before === "lower" && here === "digit");
      if (cut) {
        words.push(units.slice(start, i).join("").toLowerCase());
        start = i;
      }
    }
    words.push(units.slice(start).join("").toLowerCase());
  }
  return words.filter((word) => word !== "");
}

type Kind = "upper" | "lower" | "digit" | "other";

function kind(grapheme: string): Kind {
  if (/^[0-9]+$/.test(grapheme)) return "digit";
  const upper = grapheme.toUpperCase();
  const lower = grapheme.toLowerCase();
  if (upper === lower) return "other";
  if (grapheme === upper) return "upper";
  if (grapheme === lower) return "lower";
  return "other";
}
