import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { compileKnowledge } from "../extract/compile.ts";
import { formatOf, loadReaders, readSourceFile } from "../ingest/read-source.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import { loadSiteConfig } from "../config.ts";
import { ARTICLES_FOLDER } from "../pipeline/article-sources.ts";
import { buildArticle } from "../archive/build-article.ts";
import { extractEachWithinTimeLimit, timeoutDiagnostic } from "../pipeline/source-timeout.ts";
import { SOURCE_LIMITS } from "../ingest/source-limits.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { ARCHIVE_EXTENSIONS, readArchiveFile } from "./import-archive.ts";
import { itemSource, type ItemSource } from "./import-item.ts";
import { readPost } from "./import-post.ts";
import { folderSources, isMarkdownFile, type SiteFile } from "./import-site.ts";
import { DuplicateIndex } from "./near-duplicates.ts";
import { importWarnings, recordToMarkdown } from "./to-markdown.ts";
import { walkFiles } from "../pipeline/walk.ts";
import { slugify } from "../text/slug.ts";
import { markdownLineAsWords } from "../text/markdown-text.ts";

/**
 * Brings outside sources (raw text, HTML, Markdown; a file or a folder) into
 * content/articles/YYYY/YYYY-MM-DD-slug.md. Never overwrites a file; skips a source whose
 * URL or text the archive already has, naming the article that has it. A file that holds
 * many articles (a WordPress export, a feed: see import-archive.ts) gives one outcome per
 * entry: each item takes the same path as a single source.
 */
export type ImportOutcome =
  | { source: string; status: "imported"; file: string; draft: boolean; warnings: string[] }
  | { source: string; status: "duplicate"; existing: string; reason: string }
  /** An entry that is not an article (a page, an attachment, a trashed post), by kind. */
  | { source: string; status: "skipped"; kind: string; reason: string }
  | { source: string; status: "failed"; reasons: string[] };

export interface ImportOptions {
  contentDir: string;
  sources: readonly string[];
  /** The page's address, for a single source. */
  url?: string | undefined;
  cwd?: string;
  today?: Date;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function importSources(options: ImportOptions): Promise<ImportOutcome[]> {
  const cwd = options.cwd ?? process.cwd();
  const show = (path: string) => relative(cwd, path) || path;
  const config = loadSiteConfig(options.contentDir);
  const { kb } = loadKnowledgeBase(options.contentDir, cwd);
  const compiled = compileKnowledge(kb);
  const today = options.today ?? new Date();
  const articlesDir = join(options.contentDir, ARTICLES_FOLDER);

  // What the archive already holds: URLs and texts.
  const byUrl = new Map<string, string>();
  /** Former paths of the articles (`permalink`, `aliases`): a post's address on its old site is the post. */
  const byFormerPath = new Map<string, string>();
  /** A short article is known again by its title and its whole text: too short for the near-duplicate test. */
  const byTitleAndText = new Map<string, string>();
  const texts = new DuplicateIndex<string>();
  const ids = new Set<string>();
  // An import extracts untrusted sources as a build does: one that runs past the time limit is reported, and the import goes on.
  const limitMs = SOURCE_LIMITS.extractionSeconds * 1000;
  const extractWithinLimit = (doc: SourceDoc, url?: string): ArticleRecord | undefined =>
    extractEachWithinTimeLimit([doc], (one) => buildArticle(one, compiled, { url, homeCountry: config.homeCountry, today }), () => undefined, limitMs)[0];
  const timedOut = (source: string): ImportOutcome => ({ source, status: "failed", reasons: [timeoutDiagnostic(source, limitMs).message] });
  const archived = walkFiles(articlesDir);
  // A folder's sources are its files of a known format; a file named on its own is always opened (an export may have any name).
  // A Hugo, Jekyll or Eleventy site's sources, in a folder given or within it, are its posts and pages only (./import-site.ts).
  const siteFileOf = new Map<string, SiteFile>();
  const files = options.sources.flatMap((source) => {
    if (!statSync(source).isDirectory()) return [source];
    return folderSources(source).flatMap(({ path, site }) => {
      if (site) siteFileOf.set(path, site);
      return site || formatOf(path) || ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase()) ? [path] : [];
    });
  });
  await loadReaders([...archived, ...files]);
  for (const file of archived) {
    const read = readSourceFile(file, show(file), { pageFurniture: kb.rules.pageFurniture });
    if (!read.doc) continue;
    const record = extractWithinLimit(read.doc);
    if (!record) continue;
    if (record.url) byUrl.set(normalizeUrl(record.url), show(file));
    for (const path of formerPaths(record)) byFormerPath.set(path, show(file));
    byTitleAndText.set(titleAndText(record), show(file));
    texts.add(record.body, show(file));
    ids.add(record.id);
  }

  const outcomes: ImportOutcome[] = [];
  files.forEach((file, index) => {
    const source = show(file);
    const url = options.url && files.length === 1 ? options.url : undefined;
    if (isMarkdownFile(file)) {
      // Markdown keeps its body as written and its front matter, in Revue's keys (./import-post.ts).
      const entry = readPost(siteFileOf.get(file) ?? { path: file }, source, kb, today);
      if ("skipped" in entry) outcomes.push({ source, status: "skipped", kind: entry.skipped.kind, reason: entry.skipped.reason });
      else if ("failed" in entry) outcomes.push({ source, status: "failed", reasons: entry.failed });
      else {
        const record = extractWithinLimit(entry.post.doc, url);
        outcomes.push(record ? place({ ...record, body: entry.post.doc.text }, source, entry.post) : timedOut(source));
      }
      options.onProgress?.(index + 1, files.length);
      return;
    }
    const archive = readArchiveFile(file, source);
    if (archive) {
      if ("error" in archive) outcomes.push({ source, status: "failed", reasons: [archive.error] });
      else {
        for (const entry of archive.entries) {
          if ("skipped" in entry) {
            const { source: where, kind, reason } = entry.skipped;
            outcomes.push({ source: where, status: "skipped", kind, reason });
          } else {
            const from = itemSource(entry.item, kb, today);
            const record = extractWithinLimit(from.doc);
            outcomes.push(record ? place(record, entry.item.source, from) : timedOut(entry.item.source));
          }
        }
      }
      options.onProgress?.(index + 1, files.length);
      return;
    }
    const read = readSourceFile(file, source, { pageFurniture: kb.rules.pageFurniture, ...(options.url && files.length === 1 ? { url: options.url } : {}) });
    if (!read.doc) {
      outcomes.push({ source, status: "failed", reasons: read.diagnostics.map((d: Diagnostic) => d.message) });
    } else {
      const record = extractWithinLimit(read.doc, files.length === 1 ? options.url : undefined);
      outcomes.push(record ? place(record, source) : timedOut(source));
    }
    options.onProgress?.(index + 1, files.length);
  });
  return outcomes;

  /** Writes a record as an article, unless the archive has it; `item` carries what a many-article file adds. */
  function place(extracted: ArticleRecord, source: string, item?: ItemSource): ImportOutcome {
    let record = extracted;
    if (!record.title) {
      // A capture that starts inside the article: kept as a draft with a provisional title.
      const title = provisionalTitle(record.body);
      if (!title) return { source, status: "failed", reasons: ["no text found in the source"] };
      record = { ...record, title, id: slugify(title), draft: true };
    }
    const sameUrl = record.url ? byUrl.get(normalizeUrl(record.url)) : undefined;
    if (sameUrl) return { source, status: "duplicate", existing: sameUrl, reason: `same URL ${record.url}` };
    const formerPath = formerPaths(record).find((path) => byFormerPath.has(path));
    if (formerPath) return { source, status: "duplicate", existing: byFormerPath.get(formerPath) ?? "", reason: `same former address ${formerPath}` };
    const sameTitleAndText = byTitleAndText.get(titleAndText(record));
    if (sameTitleAndText) return { source, status: "duplicate", existing: sameTitleAndText, reason: "same title and text" };
    const sameText = record.body.length > 200 ? texts.find(record.body) : undefined;
    // A capture whose text the archive has is the same article seen again. A post of an archive with an address of its own is
    // a post of its own (a weekly communiqué, a template reused): imported, with the likeness for the editor to judge.
    const ownAddress = item !== undefined && (record.url !== undefined || formerPaths(record).length > 0);
    if (sameText && !ownAddress) return { source, status: "duplicate", existing: sameText.value, reason: `nearly the same text (${Math.round(sameText.similarity * 100)} % alike)` };
    const likeness = sameText ? [`texte presque identique (${Math.round(sameText.similarity * 100)} %) à ${sameText.value}, à une autre adresse : supprimez l’un des deux s’ils sont le même article`] : [];

    // The new file is named as the page's address: a Markdown post's (its `slug:`, else its file's name, as Hugo and
    // Jekyll name pages); for an entry of an export or a capture, its `slug:`, else its title (their file names say nothing).
    const named = isMarkdownFile(record.sourcePath) || record.address.asked?.key === "slug" ? record.address.slug : slugify(record.title ?? "");
    let id = named;
    for (let n = 2; ids.has(id); n++) id = `${named}-${n}`;
    const year = record.date?.value.slice(0, 4) ?? "sans-date";
    const prefix = record.date?.precision === "day" ? `${record.date.value}-` : "";
    let file = join(articlesDir, year, `${prefix}${id}.md`);
    for (let n = 2; existsSync(file); n++) file = join(articlesDir, year, `${prefix}${id}-${n}.md`);
    // The article's address follows its title unless `slug` says otherwise: written when they differ.
    const extra: Record<string, unknown> = id === slugify(record.title ?? "") ? {} : { slug: id };
    // An item's draft status is its source's, with the reason in its notes: the draft note drawn from the record is for a provisional title only.
    const warnings = [...likeness, ...(item ? [...item.notes, ...importWarnings({ ...record, draft: !extracted.title })] : importWarnings(record))];
    if (item) {
      const date = item.doc.frontMatter["date"];
      if (record.date?.via === "front-matter" && typeof date === "string") extra["date"] = date;
      Object.assign(extra, item.frontMatter);
    }
    const markdown = recordToMarkdown({ ...record, id }, extra, warnings);
    if (!options.dryRun) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, markdown, { flag: "wx" });
    }
    ids.add(id);
    if (record.url) byUrl.set(normalizeUrl(record.url), show(file));
    for (const path of formerPaths(record)) byFormerPath.set(path, show(file));
    byTitleAndText.set(titleAndText(record), show(file));
    texts.add(record.body, show(file));
    return { source, status: "imported", file: show(file), draft: record.draft, warnings };
  }
}

function titleAndText(record: ArticleRecord): string {
  return `${record.title ?? ""}\u0000${record.body.replace(/\s+/g, " ").trim()}`;
}

function formerPaths(record: ArticleRecord): string[] {
  return [...(record.permalink ? [record.permalink] : []), ...(record.aliases ?? [])];
}

/** http/https, "www.", a trailing slash and tracking parameters do not make another article. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid|gclid)/.test(key)) parsed.searchParams.delete(key);
    return `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return url;
  }
}

const TITLE_WORDS = 12;

/** The first sentence, cut to a dozen words: a title an editor will replace. */
export function provisionalTitle(body: string): string {
  const first = body.split("\n").map(markdownLineAsWords).join(" ").replace(/\s+/g, " ").trim().split(/(?<=[.!?…])\s/)[0] ?? "";
  const words = first.replace(/[.!?…]$/, "").split(" ").filter(Boolean);
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(" ")}…` : words.join(" ");
}
