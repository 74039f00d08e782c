/**
 * Characters that are never text a reader should get: C0 controls but tab, line feed and
 * carriage return; DEL; C1 controls; Unicode noncharacters (U+FDD0–U+FDEF and the last two
 * code points of every plane, U+FFFE among them); lone surrogate halves. XML 1.0 forbids
 * most of them (a feed holding one is not XML), browsers show them as boxes or nothing,
 * and ESC or BEL reach a terminal that prints a record.
 *
 * The line-like ones (vertical tab, form feed, next line: a manual line break in a word
 * processor, a page break) become a space, as a soft line break reads; the others are
 * removed.
 */
const UNWANTED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const AS_SPACE = new Set(["\u000B", "\u000C", "\u0085"]);

export interface ControlCharacterCleaning {
  text: string;
  /** How many were removed or replaced. */
  count: number;
  /** Index in the original text of the first one, -1 when there is none. */
  first: number;
  /** `U+000B`, the first one's code point. */
  firstCodePoint?: string;
}

export function removeControlCharacters(text: string): ControlCharacterCleaning {
  UNWANTED.lastIndex = 0;
  const found = UNWANTED.exec(text);
  if (!found) return { text, count: 0, first: -1 };
  let count = 0;
  const cleaned = text.replace(UNWANTED, (character) => {
    count++;
    return AS_SPACE.has(character) ? " " : "";
  });
  return { text: cleaned, count, first: found.index, firstCodePoint: codePointName(found[0]) };
}

export function hasControlCharacters(text: string): boolean {
  UNWANTED.lastIndex = 0;
  const found = UNWANTED.test(text);
  UNWANTED.lastIndex = 0;
  return found;
}

function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
