import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { lookAlikeWords } from "../text/confusables.ts";

/**
 * The warning for a title with look-alike words ("Hаmmouchi" with a Cyrillic « а », see
 * confusables.ts): such a title reads as another but is not the same text, which is worth
 * retyping. Pages are placed by file name, so it takes no other article's address.
 */
export function lookAlikeTitleWarning(file: string, record: Pick<ArticleRecord, "title">): Diagnostic | undefined {
  const words = lookAlikeWords(record.title ?? "");
  if (!words.length) return undefined;
  const described = words.map(({ word, scripts, reads }) => `«${word}» (${scripts.join(" and ")} letters, read «${reads}»)`).join(", ");
  return {
    file,
    line: 1,
    rule: "title-look-alike",
    severity: "warning",
    message: `the title writes ${described} with look-alike letters of another alphabet: it reads as one word but is another text`,
    fix: "Retype the word in one alphabet (text copied from another site can bring letters of another one).",
  };
}
