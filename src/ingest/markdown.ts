import type { Diagnostic } from "../model/diagnostic.ts";
import { readFrontMatter } from "./front-matter-formats.ts";
import { markdownNestingProblem } from "./markdown-limits.ts";
import type { SourceDoc } from "./source-doc.ts";

/**
 * Markdown with front matter in YAML, TOML or JSON (./front-matter-formats.ts), parsed
 * with positions so that validation can name lines. A broken front matter is reported and
 * the body is still read. A front matter or body over the limits of ./source-limits.ts is
 * reported (`yaml-limit`, `markdown-limit`) before a parser reads it: the source is rejected.
 */
export function readMarkdown(raw: string, path: string): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  // Prototype-less objects: a `__proto__` key in front matter is a key like any other.
  const { data: frontMatter, lines: frontMatterLines, body, bodyLine, diagnostics } = readFrontMatter(raw, path);
  const nesting = markdownNestingProblem(body, bodyLine);
  if (nesting) {
    const { line, ...text } = nesting;
    diagnostics.push({ file: path, line, rule: "markdown-limit", severity: "error", ...text });
  }
  return {
    doc: { path, format: "markdown", frontMatter, frontMatterLines, bodyLine, text: body, meta: { evidence: {} } },
    diagnostics,
  };
}
