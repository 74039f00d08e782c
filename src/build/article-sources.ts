import { join } from "node:path";
import { walkFiles } from "./walk.ts";

/** The folder of content/ that holds the article sources (Markdown, text, HTML). */
export const ARTICLES_FOLDER = "articles";

/**
 * The article sources of a content folder, sorted. A module of its own, this light: the
 * scripts count the sources to size their heap before they load the build.
 */
export function articleSources(contentDir: string): string[] {
  return walkFiles(join(contentDir, ARTICLES_FOLDER));
}
