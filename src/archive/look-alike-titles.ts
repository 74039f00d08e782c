import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { lookAlikeWords } from "../text/confusables.ts";

/**
 * The warning for a title with look-alike words ("Hаmmouchi" with a Cyrillic « а », see
 * confusables.ts): such a title reads as another but is not the same text, which is worth
 * retyping. Pages are placed by file name, so it takes no other article's address.
 */
export function lookAlikeTitleWarning(file: string, record: Pick<ArticleRecord, "title">): Diagnostic | undefined {
  const words = lookAlikeWords(record.title ?? "");
  if (!words.length) return undefined;
  return {
    file,
    line: 1,
    rule: "title-look-alike",
    severity: "warning",
    ...described("title-look-alike", { words: words.map((w) => w.word), reads: words.map((w) => w.reads), scripts: words.map((w) => w.scripts.join("|")) }),
  };
}
