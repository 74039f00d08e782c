import type { SourceDoc } from "./source-doc.ts";

/** Text copied or scraped from a news page: kept as it is; extraction finds the article in it. */
export function readText(raw: string, path: string): SourceDoc {
  return { path, format: "text", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text: raw, meta: { evidence: {} } };
}
