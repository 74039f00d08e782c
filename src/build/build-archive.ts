import { join, relative } from "node:path";
import type { ArticleRecord } from "../records/article.ts";
import type { Diagnostic } from "../records/diagnostic.ts";
import type { KnowledgeBase } from "../records/knowledge.ts";
import { compileKnowledge } from "../extract/compile.ts";
import { readSourceFile } from "../ingest/read-source.ts";
import { loadKnowledgeBase } from "../knowledge/load.ts";
import { loadSiteConfig, type SiteConfig } from "../config.ts";
import { buildArticle } from "./build-article.ts";
import { walkFiles } from "./walk.ts";

export interface Rejection {
  path: string;
  reasons: string[];
}

/** What became of every source: nothing is lost silently. */
export interface BuildReport {
  read: number;
  published: string[];
  drafts: string[];
  rejected: Rejection[];
}

export interface Archive {
  config: SiteConfig;
  kb: KnowledgeBase;
  /** Published records, newest first. */
  records: ArticleRecord[];
  drafts: ArticleRecord[];
  report: BuildReport;
  /** Knowledge-base and content problems, warnings included. */
  diagnostics: Diagnostic[];
}

export interface BuildArchiveOptions {
  contentDir: string;
  /** Paths in messages are relative to it. */
  cwd?: string;
  today?: Date;
  env?: NodeJS.ProcessEnv;
}

export const ARTICLES_FOLDER = "articles";

/** Reads content/ into an archive of records: the model every page is made from. */
export function buildArchive(options: BuildArchiveOptions): Archive {
  const cwd = options.cwd ?? process.cwd();
  const config = loadSiteConfig(options.contentDir, options.env);
  const { kb, diagnostics } = loadKnowledgeBase(options.contentDir, cwd);
  const compiled = compileKnowledge(kb);
  const today = options.today ?? new Date();
  const report: BuildReport = { read: 0, published: [], drafts: [], rejected: [] };
  const records: ArticleRecord[] = [];
  const drafts: ArticleRecord[] = [];
  const byId = new Map<string, ArticleRecord>();
  const byUrl = new Map<string, ArticleRecord>();

  for (const path of walkFiles(join(options.contentDir, ARTICLES_FOLDER))) {
    const display = relative(cwd, path) || path;
    report.read++;
    const read = readSourceFile(path, display);
    diagnostics.push(...read.diagnostics);
    if (!read.doc) {
      report.rejected.push({ path: display, reasons: read.diagnostics.filter((d) => d.severity === "error").map((d) => d.message) });
      continue;
    }
    const record = buildArticle(read.doc, compiled, { homeCountry: config.homeCountry, today });
    const problems = [...read.diagnostics.filter((d) => BLOCKING_RULES.has(d.rule)), ...record.diagnostics];
    const duplicate = byId.get(record.id);
    if (duplicate) {
      problems.push({ file: display, line: 1, rule: "duplicate-slug", severity: "error", message: `slug \`${record.id}\` is already used by ${duplicate.sourcePath}`, fix: "Give one of them another `slug:` (or title) in its front matter." });
    }
    const sameUrl = record.url ? byUrl.get(record.url) : undefined;
    if (sameUrl) {
      problems.push({ file: display, line: 1, rule: "duplicate-url", severity: "error", message: `URL ${record.url} is already the source of ${sameUrl.sourcePath}`, fix: "Delete the duplicate article, or correct its `url:`." });
    }
    diagnostics.push(...record.diagnostics, ...problems.filter((d) => d.rule.startsWith("duplicate-")));
    const blocking = problems.filter((d) => d.severity === "error" && BLOCKING_RULES.has(d.rule));
    if (blocking.length) {
      report.rejected.push({ path: display, reasons: blocking.map((d) => d.message) });
      continue;
    }
    byId.set(record.id, record);
    if (record.url) byUrl.set(record.url, record);
    if (record.draft) {
      drafts.push(record);
      report.drafts.push(display);
    } else {
      records.push(record);
      report.published.push(display);
    }
  }
  records.sort(newestFirst);
  return { config, kb, records, drafts, report, diagnostics };
}

/** Errors that make a record unpublishable; other errors are fixed by dropping the bad field. */
const BLOCKING_RULES = new Set(["title-missing", "duplicate-slug", "duplicate-url", "yaml-syntax", "front-matter-shape"]);

export function newestFirst(a: ArticleRecord, b: ArticleRecord): number {
  const da = a.date?.value ?? "";
  const db = b.date?.value ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return (a.title ?? "").localeCompare(b.title ?? "", "fr") || a.id.localeCompare(b.id);
}
