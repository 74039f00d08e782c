import matter from "gray-matter";
import type { Diagnostic } from "../records/diagnostic.ts";
import type { SourceDoc } from "./source-doc.ts";
import { parseYaml } from "./yaml.ts";

/**
 * Markdown with YAML front matter. gray-matter splits the file; the front matter is parsed
 * with positions so that validation can name lines. A broken front matter is reported and
 * the body is still read.
 */
export function readMarkdown(raw: string, path: string): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  let split: { matter: string; content: string; hasFrontMatter: boolean };
  try {
    // An empty options object stops gray-matter's cache, which would hand back another file's parse.
    const file = matter(raw, { engines: { yaml: () => ({}) } } as never);
    split = { matter: file.matter ?? "", content: file.content, hasFrontMatter: raw.trimStart().startsWith("---") };
  } catch {
    split = { matter: "", content: raw, hasFrontMatter: false };
  }
  const diagnostics: Diagnostic[] = [];
  // Prototype-less objects: a `__proto__` key in front matter is a key like any other.
  let frontMatter: Record<string, unknown> = Object.create(null);
  const frontMatterLines: Record<string, number> = Object.create(null);
  if (split.hasFrontMatter && split.matter.trim() !== "") {
    const parsed = parseYaml(split.matter.replace(/^\r?\n/, ""), path, 2);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.data !== undefined && parsed.data !== null) {
      if (typeof parsed.data === "object" && !Array.isArray(parsed.data)) {
        frontMatter = parsed.data as Record<string, unknown>;
        for (const key of Object.keys(frontMatter)) frontMatterLines[key] = parsed.lineOf([key]);
      } else {
        diagnostics.push({ file: path, line: 2, rule: "front-matter-shape", severity: "error", message: "front matter must be a set of `key: value` lines", fix: "Write one `key: value` per line between the two `---` lines." });
      }
    }
  }
  const bodyLine = split.hasFrontMatter ? raw.slice(0, raw.length - split.content.length).split("\n").length : 1;
  return {
    doc: { path, format: "markdown", frontMatter, frontMatterLines, bodyLine, text: split.content, meta: { evidence: {} } },
    diagnostics,
  };
}
