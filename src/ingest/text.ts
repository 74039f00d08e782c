import type { SourceDoc } from "./source-doc.ts";

/**
 * Text copied or scraped from a news page: kept as it is, text and never Markdown (a
 * reader's `[lien](…)` or `__x__` in it is words); extraction finds the article in it and
 * writes its body as Markdown that renders those words as written.
 */
export function readText(raw: string, path: string): SourceDoc {
  return { path, format: "text", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text: raw, meta: { evidence: {} } };
}
