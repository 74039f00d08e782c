import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { readSourceFile } from "../ingest/read-source.ts";

/**
 * The keys that decide whether Hugo published a page, as its sections hand them down: the
 * `cascade` of each `_index.md` above the page, up to its content folder (the home page's
 * too), the nearest one winning, a key the page writes itself winning over all
 * (`content/blog/_index.md` with `cascade: { draft: true }` makes every post of `blog/` that
 * does not say `draft: false` a draft). A section's page in another language
 * (`_index.fr.md`) hands down to the pages of its language only. A `cascade` entry aimed at
 * some pages (`_target`, `target`) is not followed: which pages it reaches is Hugo's matching.
 * `read` keeps each list page's cascade, read once for all the pages of a site.
 */
export function hugoCascade(path: string, content: string, language: string | undefined, read: Map<string, Record<string, unknown>> = new Map()): Record<string, unknown> {
  const handed: Record<string, unknown> = {};
  for (let folder = dirname(path); folder === content || folder.startsWith(content + sep); folder = dirname(folder)) {
    const index = listPage(folder, language);
    if (index) {
      if (!read.has(index)) read.set(index, untargeted(index));
      for (const [key, value] of Object.entries(read.get(index)!)) {
        if (PUBLICATION_KEYS.has(key.toLowerCase()) && !Object.keys(handed).some((known) => known.toLowerCase() === key.toLowerCase())) handed[key] = value;
      }
    }
    if (folder === content || relative(content, folder).startsWith("..")) break;
  }
  return handed;
}

/** What makes a page published or not on its site: what the import reads to make a post a draft or leave it out. */
const PUBLICATION_KEYS = new Set(["draft", "publishdate", "pubdate", "expirydate", "unpublishdate", "build", "_build", "headless"]);

/** The folder's list page in the page's language (`_index.fr.md`), else, for a page in no named language, `_index.md`. */
function listPage(folder: string, language: string | undefined): string | undefined {
  if (!existsSync(folder)) return undefined;
  const wanted = language ? `_index.${language}` : "_index";
  const name = readdirSync(folder).find((entry) => basename(entry, extname(entry)).toLowerCase() === wanted.toLowerCase() && /\.(md|markdown|html?)$/i.test(entry));
  return name ? join(folder, name) : undefined;
}

function untargeted(path: string): Record<string, unknown> {
  const read = readSourceFile(path, path, { format: "markdown" });
  const cascade = Object.entries(read.doc?.frontMatter ?? {}).find(([key]) => key.toLowerCase() === "cascade")?.[1];
  const entries = Array.isArray(cascade) ? cascade : [cascade];
  const merged: Record<string, unknown> = {};
  for (const entry of entries) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) continue;
    if (Object.keys(entry).some((key) => key.toLowerCase() === "_target" || key.toLowerCase() === "target")) continue;
    for (const [key, value] of Object.entries(entry)) if (!(key in merged)) merged[key] = value;
  }
  return merged;
}
