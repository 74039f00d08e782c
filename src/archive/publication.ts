import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { lookAlikeTitleWarning } from "./look-alike-titles.ts";
import { placeArticles } from "./article-addresses.ts";

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
  /** What the articles folder holds that was not read (hidden, another file type, a link not followed), with why: warnings. */
  skipped: { path: string; reason: string }[];
}

/** One source as read: its record, or none when it could not be made, and what was found wrong. */
export interface SourceOutcome {
  /** The path shown in messages. */
  path: string;
  diagnostics: Diagnostic[];
  record: ArticleRecord | null;
}

export interface Publication {
  report: BuildReport;
  /** In the order of the sources, published and drafts apart. */
  records: ArticleRecord[];
  drafts: ArticleRecord[];
  /** The sources' diagnostics, then what publishing found (duplicate URLs, addresses asked for twice). */
  diagnostics: Diagnostic[];
}

/** Errors that make a record unpublishable; other errors are fixed by dropping the bad field. */
const BLOCKING_RULES = new Set(["title-missing", "duplicate-slug", "duplicate-url", "yaml-syntax", "front-matter-shape"]);

/**
 * Sorts the sources into published, drafts and rejected: a source without a record, or with
 * a blocking error, or with the URL of a source before it, is rejected with its reasons;
 * every other article gets a page of its own, unless two ask for one `slug:` or `permalink:`.
 */
export function publish(sources: readonly SourceOutcome[], skipped: BuildReport["skipped"]): Publication {
  const report: BuildReport = { read: 0, published: [], drafts: [], rejected: [], skipped };
  const diagnostics: Diagnostic[] = [];
  const byUrl = new Map<string, ArticleRecord>();
  const publishable: ArticleRecord[] = [];
  const displayOf = new Map<ArticleRecord, string>();
  for (const { path: display, diagnostics: found, record } of sources) {
    report.read++;
    diagnostics.push(...found);
    if (!record) {
      report.rejected.push({ path: display, reasons: found.filter((d) => d.severity === "error").map((d) => d.message) });
      continue;
    }
    const problems = [...found.filter((d) => BLOCKING_RULES.has(d.rule)), ...record.diagnostics];
    const lookAlike = lookAlikeTitleWarning(display, record);
    if (lookAlike) diagnostics.push(lookAlike);
    const sameUrl = record.url ? byUrl.get(record.url) : undefined;
    if (sameUrl) {
      problems.push({ file: display, line: 1, rule: "duplicate-url", severity: "error", ...described("duplicate-url", { url: record.url ?? "", other: sameUrl.sourcePath }) });
    }
    diagnostics.push(...record.diagnostics, ...problems.filter((d) => d.rule.startsWith("duplicate-")));
    const blocking = problems.filter((d) => d.severity === "error" && BLOCKING_RULES.has(d.rule));
    if (blocking.length) {
      report.rejected.push({ path: display, reasons: blocking.map((d) => d.message) });
      continue;
    }
    if (record.url) byUrl.set(record.url, record);
    publishable.push(record);
    displayOf.set(record, display);
  }
  const placement = placeArticles(publishable);
  for (const { record, error } of placement.refused) {
    diagnostics.push(error);
    report.rejected.push({ path: displayOf.get(record) ?? record.sourcePath, reasons: [error.message] });
  }
  const records: ArticleRecord[] = [];
  const drafts: ArticleRecord[] = [];
  for (const record of placement.placed) {
    (record.draft ? drafts : records).push(record);
    (record.draft ? report.drafts : report.published).push(record.sourcePath);
  }
  return { report, records, drafts, diagnostics };
}

export function newestFirst(a: ArticleRecord, b: ArticleRecord): number {
  const da = a.date?.value ?? "";
  const db = b.date?.value ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return (a.title ?? "").localeCompare(b.title ?? "", "fr") || a.id.localeCompare(b.id);
}
