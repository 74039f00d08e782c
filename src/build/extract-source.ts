import type { CompiledKnowledge } from "../extract/compile.ts";
import { readSourceFile } from "../ingest/read-source.ts";
import { buildArticle } from "./build-article.ts";
import type { SourceResult } from "./record-cache.ts";

export interface ExtractOptions {
  homeCountry: string;
  today: Date;
}

/** One source file → its record and the problems found reading it (the unit of caching and of parallel work). */
export function extractSource(file: string, display: string, compiled: CompiledKnowledge, options: ExtractOptions): SourceResult {
  const read = readSourceFile(file, display);
  if (!read.doc) return { path: display, diagnostics: read.diagnostics, record: null };
  return { path: display, diagnostics: read.diagnostics, record: buildArticle(read.doc, compiled, options) };
}
