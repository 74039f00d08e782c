import type { CompiledKnowledge } from "../extract/compile.ts";
import { oversizeParagraphs } from "../ingest/markdown-limits.ts";
import { readSourceFile } from "../ingest/read-source.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { LIMIT_RULES, SOURCE_LIMITS, SourceLimitError } from "../ingest/source-limits.ts";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { buildArticle } from "../archive/build-article.ts";
import { RecordCache, type SourceResult } from "./record-cache.ts";

export interface ExtractOptions {
  homeCountry: string;
  today: Date;
}

/**
 * A source's result, with the content hash of the bytes it was made from (none when the file
 * could not be read): a source the record cache has never seen is read once, here, not also
 * to be hashed beforehand.
 */
export interface Extracted {
  result: SourceResult;
  hash?: string;
}

/**
 * One source file → its record and the problems found reading it (the unit of caching and of
 * parallel work). Whatever the file holds, this returns: a source over a limit
 * (../ingest/source-limits.ts) is rejected before the parser it would overwhelm runs, and any
 * exception while reading or extracting it becomes its rejection, with its reason, instead of
 * stopping the build.
 */
export function extractSource(file: string, display: string, compiled: CompiledKnowledge, options: ExtractOptions): Extracted {
  let hash: string | undefined;
  try {
    const read = readSourceFile(file, display, { pageFurniture: compiled.kb.rules.pageFurniture });
    hash = read.bytes ? RecordCache.hashOf(read.bytes) : undefined;
    const overLimit = read.diagnostics.some((d) => d.severity === "error" && LIMIT_RULES.has(d.rule));
    const built = read.doc && !overLimit ? buildArticle(read.doc, compiled, options) : null;
    const record = built && read.doc ? withWarnings(built, longParagraphWarnings(built, read.doc)) : null;
    return { result: { path: display, diagnostics: read.diagnostics, record }, ...(hash ? { hash } : {}) };
  } catch (error) {
    return { result: { path: display, diagnostics: [failure(display, error)], record: null }, ...(hash ? { hash } : {}) };
  }
}

/** Why extracting a source threw, as its rejection. */
function failure(display: string, error: unknown): Diagnostic {
  if (error instanceof SourceLimitError) return error.diagnostic(display);
  const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
  const reason = error instanceof Error ? error.message : String(error);
  return {
    file: display,
    rule: "source-failed",
    severity: "error",
    ...described("source-failed", { reason, tooDeep: tooDeep ? 1 : 0 }),
  };
}

/** A warning for each paragraph of the body shown as plain text because it is too long for Markdown (../build/render-markdown.ts). */
function longParagraphWarnings(record: ArticleRecord, doc: SourceDoc): Diagnostic[] {
  if (!record.html) return [];
  return oversizeParagraphs(record.body)
    .filter((paragraph) => MARKDOWN_SYNTAX.test(paragraph.text))
    .map((paragraph) => ({
      file: doc.path,
      ...(doc.format === "markdown" ? { line: lineInSource(doc, paragraph.text) } : {}),
      rule: "markdown-long-paragraph",
      severity: "warning" as const,
      ...described("markdown-long-paragraph", { size: Math.ceil(paragraph.text.length / 1024), limit: SOURCE_LIMITS.inlineChars / 1024, delimiters: SOURCE_LIMITS.inlineDelimiters }),
    }));
}

const withWarnings = (record: ArticleRecord, warnings: Diagnostic[]): ArticleRecord => (warnings.length ? { ...record, diagnostics: [...record.diagnostics, ...warnings] } : record);

const MARKDOWN_SYNTAX = /[\\`*_[\]<>&!#|~{}]/;

function lineInSource(doc: SourceDoc, text: string): number {
  const at = doc.text.indexOf(text.slice(0, 200));
  return doc.bodyLine + (at === -1 ? 0 : doc.text.slice(0, at).split("\n").length - 1);
}
