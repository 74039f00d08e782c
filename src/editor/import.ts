import { statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { compileKnowledge } from "../extract/compile.ts";
import { formatOf, loadReaders, readSourceFile } from "../ingest/read-source.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import { loadSiteConfig } from "../config.ts";
import { importNotes, type ImportNotes } from "../messages/import-notes.ts";
import { ARTICLES_FOLDER } from "../pipeline/article-sources.ts";
import { buildArticle } from "../archive/build-article.ts";
import { extractEachWithinTimeLimit, timeoutDiagnostic } from "../pipeline/source-timeout.ts";
import { SOURCE_LIMITS } from "../ingest/source-limits.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { ARCHIVE_EXTENSIONS, readArchiveFile } from "./import-archive.ts";
import { itemSource, type ArchiveEntry, type ItemSource } from "./import-item.ts";
import { readPost } from "./import-post.ts";
import { folderSources, isMarkdownFile, type SiteFile } from "./import-site.ts";
import { noKnownArticles, rememberArticle, type KnownArticles } from "./known-articles.ts";
import { placeArticle } from "./place-article.ts";
import { walkFiles } from "../pipeline/walk.ts";

/**
 * Brings outside sources (raw text, HTML, Markdown; a file or a folder) into
 * content/articles/YYYY/YYYY-MM-DD-slug.md. Never overwrites a file; skips a source whose
 * URL or text the archive already has, naming the article that has it. A file that holds
 * many articles (a WordPress export, a feed: see import-archive.ts) gives one outcome per
 * entry: each item takes the same path as a single source. What it writes and reports for the
 * editor is in the site's language (content/site.yml `lang`: ../messages/import-notes.ts).
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
  const say = importNotes(config.lang);
  const { kb } = loadKnowledgeBase(options.contentDir, cwd);
  const compiled = compileKnowledge(kb);
  const today = options.today ?? new Date();
  const articlesDir = join(options.contentDir, ARTICLES_FOLDER);
  // An import extracts untrusted sources as a build does: one that runs past the time limit is reported, and the import goes on.
  const limitMs = SOURCE_LIMITS.extractionSeconds * 1000;
  const extract = (doc: SourceDoc, url?: string): ArticleRecord | undefined =>
    extractEachWithinTimeLimit([doc], (one) => buildArticle(one, compiled, { url, homeCountry: config.homeCountry, today }), () => undefined, limitMs)[0];
  const archived = walkFiles(articlesDir);
  const { files, siteFileOf } = sourceFiles(options.sources);
  await loadReaders([...archived, ...files]);
  const known = archiveContents(archived, show, kb, extract);

  const run: ImportRun = {
    kb,
    pathPrefix: config.pathPrefix,
    say,
    today,
    extract,
    timedOut: (source) => ({ source, status: "failed", reasons: [timeoutDiagnostic(source, limitMs).message] }),
    place: (record, source, item) => placeArticle(record, source, item, { articlesDir, known, dryRun: options.dryRun, show, say }),
  };
  const pageUrl = files.length === 1 ? options.url : undefined;
  return files.flatMap((file, index) => {
    const outcomes = importFile(file, show(file), siteFileOf.get(file), pageUrl, run);
    options.onProgress?.(index + 1, files.length);
    return outcomes;
  });
}

/** What importing one file needs of the whole import. */
interface ImportRun {
  kb: KnowledgeBase;
  /** The path the archive is published under (site.yml's `path_prefix`). */
  pathPrefix: string;
  /** What the editor reads, in the site's language. */
  say: ImportNotes;
  today: Date;
  extract: (doc: SourceDoc, url?: string) => ArticleRecord | undefined;
  timedOut: (source: string) => ImportOutcome;
  place: (record: ArticleRecord, source: string, item?: ItemSource) => ImportOutcome;
}

/**
 * The files to import. A folder's sources are its files of a known format; a file named on its own is always opened (an export may have any name).
 * A Hugo, Jekyll or Eleventy site's sources, in a folder given or within it, are its posts and pages only (./import-site.ts).
 */
function sourceFiles(sources: readonly string[]): { files: string[]; siteFileOf: Map<string, SiteFile> } {
  const siteFileOf = new Map<string, SiteFile>();
  const files = sources.flatMap((source) => {
    if (!statSync(source).isDirectory()) return [source];
    return folderSources(source).flatMap(({ path, site }) => {
      if (site) siteFileOf.set(path, site);
      return site || formatOf(path) || ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase()) ? [path] : [];
    });
  });
  return { files, siteFileOf };
}

/** What the archive already holds (URLs and texts), its articles read and extracted as a build does. */
function archiveContents(archived: readonly string[], show: (path: string) => string, kb: KnowledgeBase, extract: ImportRun["extract"]): KnownArticles {
  const known = noKnownArticles();
  for (const file of archived) {
    const read = readSourceFile(file, show(file), { pageFurniture: kb.rules.pageFurniture });
    if (!read.doc) continue;
    const record = extract(read.doc);
    if (record) rememberArticle(known, record, show(file));
  }
  return known;
}

/** A file's outcomes: one for a Markdown post or a capture, one per entry for an export or a feed. `pageUrl`: the address given for a single source. */
function importFile(file: string, source: string, site: SiteFile | undefined, pageUrl: string | undefined, run: ImportRun): ImportOutcome[] {
  if (site || isMarkdownFile(file)) return [importPost(site ?? { path: file }, source, pageUrl || undefined, run)];
  const archive = readArchiveFile(file, source, run.say);
  if (!archive) return [importCapture(file, source, pageUrl, run)];
  if ("error" in archive) return [{ source, status: "failed", reasons: [archive.error] }];
  return archive.entries.map((entry) => importEntry(entry, run));
}

/** Markdown keeps its body as written and its front matter, in Revue's keys (./import-post.ts). */
function importPost(file: SiteFile, source: string, url: string | undefined, run: ImportRun): ImportOutcome {
  const entry = readPost(file, source, run.kb, run.today, run.say, run.pathPrefix);
  if ("skipped" in entry) return { source, status: "skipped", kind: entry.skipped.kind, reason: entry.skipped.reason };
  if ("failed" in entry) return { source, status: "failed", reasons: entry.failed };
  const record = run.extract(entry.post.doc, url);
  return record ? run.place({ ...record, body: entry.post.doc.text }, source, entry.post) : run.timedOut(source);
}

/** An entry of an export or a feed: an article takes the same path as a single source. */
function importEntry(entry: ArchiveEntry, run: ImportRun): ImportOutcome {
  if ("skipped" in entry) {
    const { source, kind, reason } = entry.skipped;
    return { source, status: "skipped", kind, reason };
  }
  const from = itemSource(entry.item, run.kb, run.today, run.say);
  const record = run.extract(from.doc);
  return record ? run.place(record, entry.item.source, from) : run.timedOut(entry.item.source);
}

/** Raw text or HTML, with the page's address when one was given for it. */
function importCapture(file: string, source: string, url: string | undefined, run: ImportRun): ImportOutcome {
  const read = readSourceFile(file, source, { pageFurniture: run.kb.rules.pageFurniture, ...(url ? { url } : {}) });
  if (!read.doc) return { source, status: "failed", reasons: read.diagnostics.map((d: Diagnostic) => d.message) };
  const record = run.extract(read.doc, url);
  return record ? run.place(record, source) : run.timedOut(source);
}
