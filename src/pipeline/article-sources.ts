import { extname, join } from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { walkTree, type SkippedEntry } from "./walk.ts";

/** The folder of content/ that holds the article sources (Markdown, text, HTML). */
export const ARTICLES_FOLDER = "articles";

export interface ArticleSources {
  /** The source files, sorted. */
  files: string[];
  /** What the articles folder holds that is not read, each with its reason: hidden names, other file types, links not followed. */
  skipped: SkippedEntry[];
}

/**
 * The article sources of a content folder, sorted. A module of its own, this light: the
 * scripts count the sources to size their heap before they load the build.
 */
export function articleSources(contentDir: string): string[] {
  return walkArticles(contentDir).files;
}

const walkArticles = (contentDir: string, show?: (path: string) => string) =>
  walkTree(join(contentDir, ARTICLES_FOLDER), { within: contentDir, withinName: "the content folder", ...(show ? { show } : {}) });

/**
 * The article sources and what is left out, with why. Symbolic links are followed while
 * they stay in the content folder. `isSource` says which files a reader can read (by their
 * extension); the others are skipped, not rejected: a stray PDF or image is not an article.
 * `show` gives a path as reasons print it.
 */
export function scanArticleSources(contentDir: string, isSource: (path: string) => boolean, show?: (path: string) => string): ArticleSources {
  const { files, skipped } = walkArticles(contentDir, show);
  const sources: string[] = [];
  for (const file of files) {
    if (isSource(file)) sources.push(file);
    else skipped.push({ path: file, reason: `unknown file type \`${extname(file) || "(none)"}\``, kind: "unknown-type", detail: extname(file) });
  }
  return { files: sources, skipped };
}

/** A skipped entry as the build reports it: a warning (nothing is lost silently, and nothing here fails a build). */
export function skippedWarning(entry: SkippedEntry, extensions: readonly string[]): Diagnostic {
  return {
    file: entry.path,
    rule: "source-skipped",
    severity: "warning",
    ...described("source-skipped", { reason: entry.reason, kind: entry.kind, detail: entry.detail ?? "", link: entry.link ? 1 : 0, extensions }),
  };
}
