import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArticleRecord } from "../model/article.ts";
import { slugify } from "../text/slug.ts";
import { markdownLineAsWords } from "../text/markdown-text.ts";
import type { ImportOutcome } from "./import.ts";
import type { ItemSource } from "./import-item.ts";
import { isMarkdownFile } from "./import-site.ts";
import { findInArchive, rememberArticle, type KnownArticles } from "./known-articles.ts";
import { importWarnings, recordToMarkdown } from "./to-markdown.ts";
import type { ImportNotes } from "../messages/import-notes.ts";

/** Where an import writes: the articles' folder, what the archive holds, how the editor reads a path, and in which words. */
export interface ImportTarget {
  articlesDir: string;
  known: KnownArticles;
  dryRun: boolean | undefined;
  show: (path: string) => string;
  say: ImportNotes;
}

/** Writes a record as an article, unless the archive has it; `item` carries what a many-article file adds. */
export function placeArticle(extracted: ArticleRecord, source: string, item: ItemSource | undefined, target: ImportTarget): ImportOutcome {
  let record = withTitle(extracted);
  if (!record) return { source, status: "failed", reasons: [target.say.noTextFound] };
  const found = findInArchive(target.known, record, item !== undefined, target.say);
  if ("existing" in found) return { source, status: "duplicate", ...found };
  if (found.takenPaths.length) ({ record, item } = withoutPaths(record, item, found.takenPaths));
  const { id, file } = newArticleFile(record, target);
  // An item's draft status is its source's, with the reason in its notes: the draft note drawn from the record is for a provisional title only.
  const drawn = item ? importWarnings({ ...record, draft: !extracted.title }, target.say).filter((warning) => !(item.dateSetAside && warning === target.say.missingDate)) : importWarnings(record, target.say);
  const warnings = [...found.likeness, ...(item ? item.notes : []), ...drawn];
  const written = { ...record, id };
  const markdown = recordToMarkdown(written, target.say, frontMatterExtras(record, id, item), warnings);
  if (!target.dryRun) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, markdown, { flag: "wx" });
  }
  rememberArticle(target.known, written, target.show(file));
  return { source, status: "imported", file: target.show(file), draft: record.draft, warnings };
}

/** The record and its source without former paths another article keeps. */
function withoutPaths(record: ArticleRecord, item: ItemSource | undefined, taken: readonly string[]): { record: ArticleRecord; item: ItemSource | undefined } {
  const keep = (paths: unknown) => (Array.isArray(paths) ? paths.filter((path) => !taken.includes(path)) : paths);
  const aliases = keep(record.aliases) as string[] | undefined;
  const without: ArticleRecord = { ...record, ...(aliases ? { aliases } : {}) };
  if (!item || !Array.isArray(item.frontMatter["aliases"])) return { record: without, item };
  const frontMatter = { ...item.frontMatter, aliases: keep(item.frontMatter["aliases"]) };
  if (!(frontMatter.aliases as unknown[]).length) delete (frontMatter as Record<string, unknown>)["aliases"];
  return { record: without, item: { ...item, frontMatter } };
}

/** A capture that starts inside the article: kept as a draft with a provisional title; none when it has no text. */
function withTitle(record: ArticleRecord): ArticleRecord | undefined {
  if (record.title) return record;
  const title = provisionalTitle(record.body);
  return title ? { ...record, title, id: slugify(title), draft: true } : undefined;
}

/**
 * The new file is named as the page's address: a Markdown post's (its `slug:`, else its file's name, as Hugo and
 * Jekyll name pages); for an entry of an export or a capture, its `slug:`, else its title (their file names say nothing).
 * Neither an id the archive has nor an existing file is taken again.
 */
function newArticleFile(record: ArticleRecord, target: ImportTarget): { id: string; file: string } {
  const named = isMarkdownFile(record.sourcePath) || record.address.asked?.key === "slug" ? record.address.slug : slugify(record.title ?? "");
  let id = named;
  for (let n = 2; target.known.ids.has(id); n++) id = `${named}-${n}`;
  const year = record.date?.value.slice(0, 4) ?? "sans-date";
  const prefix = record.date?.precision === "day" ? `${record.date.value}-` : "";
  let file = join(target.articlesDir, year, `${prefix}${id}.md`);
  for (let n = 2; existsSync(file); n++) file = join(target.articlesDir, year, `${prefix}${id}-${n}.md`);
  return { id, file };
}

/** Front matter keys the record does not carry, in the order they are written. */
function frontMatterExtras(record: ArticleRecord, id: string, item: ItemSource | undefined): Record<string, unknown> {
  // The article's address follows its title unless `slug` says otherwise: written when they differ.
  const extra: Record<string, unknown> = id === slugify(record.title ?? "") ? {} : { slug: id };
  if (item) {
    const date = item.doc.frontMatter["date"];
    if (record.date?.via === "front-matter" && typeof date === "string") extra["date"] = date;
    Object.assign(extra, item.frontMatter);
  }
  return extra;
}

const TITLE_WORDS = 12;

/** The first sentence, cut to a dozen words: a title an editor will replace. */
export function provisionalTitle(body: string): string {
  const first = body.split("\n").map(markdownLineAsWords).join(" ").replace(/\s+/g, " ").trim().split(/(?<=[.!?…])\s/)[0] ?? "";
  const words = first.replace(/[.!?…]$/, "").split(" ").filter(Boolean);
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(" ")}…` : words.join(" ");
}
