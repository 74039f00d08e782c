import type { CompiledKnowledge } from "../extract/compile.ts";
import { readSourceFile } from "../ingest/read-source.ts";
import { buildArticle } from "./build-article.ts";
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

/** One source file → its record and the problems found reading it (the unit of caching and of parallel work). */
export function extractSource(file: string, display: string, compiled: CompiledKnowledge, options: ExtractOptions): Extracted {
  const read = readSourceFile(file, display);
  const hash = read.bytes ? RecordCache.hashOf(read.bytes) : undefined;
  const record = read.doc ? buildArticle(read.doc, compiled, options) : null;
  return { result: { path: display, diagnostics: read.diagnostics, record }, ...(hash ? { hash } : {}) };
}
