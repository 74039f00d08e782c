import type { CompiledKnowledge } from "../../../src/extract/compile.ts";
import type { SourceDoc } from "../../../src/ingest/source-doc.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";
import * as real from "../../../src/archive/build-article.ts";
import { NEVER_ENDS } from "./marker.ts";

/**
 * A stand-in for src/archive/build-article.ts (see ./hooks.mjs): a source whose text holds
 * NEVER_ENDS (./marker.ts) is never done (as a parser or a pattern stuck forever would be);
 * every other one is built by the real module. It tests the time limit of extraction in the
 * process that runs it, which no known input reaches any more.
 */
export * from "../../../src/archive/build-article.ts";

export function buildArticle(doc: SourceDoc, compiled: CompiledKnowledge, options: real.BuildArticleOptions): ArticleRecord {
  if (doc.text.includes(NEVER_ENDS)) for (;;);
  return real.buildArticle(doc, compiled, options);
}
