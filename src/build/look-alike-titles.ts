import type { ArticleRecord } from "../records/article.ts";
import type { Diagnostic } from "../records/diagnostic.ts";
import { lookAlikeWords } from "../text/confusables.ts";

/**
 * Titles with look-alike words ("Hаmmouchi" with a Cyrillic « а », see confusables.ts) read
 * as other titles, and their slugs are those titles' slugs. The sources whose title has
 * none claim their slug and URL first, so a genuine article keeps its URL whatever the
 * order of the files, and the look-alike is the one reported.
 */
export function genuineFirst<T>(sources: readonly T[], titleOf: (source: T) => string | null | undefined): T[] {
  const genuine: T[] = [];
  const lookAlike: T[] = [];
  for (const source of sources) (lookAlikeWords(titleOf(source) ?? "").length ? lookAlike : genuine).push(source);
  return lookAlike.length ? [...genuine, ...lookAlike] : genuine;
}

/** The warning for a record whose title has look-alike words, naming the article whose slug it has when there is one. */
export function lookAlikeTitleWarning(file: string, record: Pick<ArticleRecord, "title" | "id">, slugOwner?: Pick<ArticleRecord, "sourcePath">): Diagnostic | undefined {
  const words = lookAlikeWords(record.title ?? "");
  if (!words.length) return undefined;
  const described = words.map(({ word, scripts, reads }) => `«${word}» (${scripts.join(" and ")} letters, read «${reads}»)`).join(", ");
  return {
    file,
    line: 1,
    rule: "title-look-alike",
    severity: "warning",
    message:
      `the title writes ${described} with look-alike letters of another alphabet` +
      (slugOwner ? `: it reads as the title of ${slugOwner.sourcePath}, whose slug \`${record.id}\` and URL it does not take` : ""),
    fix: "Retype the word in one alphabet (text copied from another site can bring letters of another one).",
  };
}
