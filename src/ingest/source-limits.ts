import type { Described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

/**
 * What one source may hold before a parser reads it. The parsers Revue uses (the YAML
 * parser, remark, mdast-util-to-hast) recurse once per level of nesting and grow faster
 * than the text on some inputs: without bounds, one small file stopped the whole build with
 * "Maximum call stack size exceeded" or ran for minutes. The bounds are far above what an
 * article or a knowledge-base file holds (Revue's schemas use four levels at most, an
 * article a handful), so only an accident or an attack meets them.
 */
export const SOURCE_LIMITS = {
  /** Levels of YAML nesting (maps, lists, flow brackets) in front matter or a knowledge-base file. */
  yamlDepth: 32,
  /** Characters on one line of YAML: a value written on one line. */
  yamlLineChars: 64 * 1024,
  /** Characters of one YAML document (a front matter, a knowledge-base file). */
  yamlChars: 1024 * 1024,
  /** Levels of Markdown containers (block quotes, list items) around a line. */
  markdownDepth: 32,
  /**
   * Characters of one Markdown paragraph (a block between blank lines) given to the inline
   * parser: its emphasis and link resolution grows with the square of the delimiters. A
   * longer paragraph, or one with more delimiters, is shown as the text it is, escaped.
   */
  inlineChars: 64 * 1024,
  /** Emphasis and link delimiters (`*`, `_`, `[`, `]`) in one paragraph given to the inline parser, for the same reason. */
  inlineDelimiters: 5000,
  /** Seconds the extraction of one source may take. */
  extractionSeconds: 20,
} as const;

/** The rule of a source stopped for taking longer than the time limit. */
export const TIMEOUT_RULE = "source-timeout";
/** Rules of the diagnostics that make a source unpublishable because it is over a limit. */
export const LIMIT_RULES: ReadonlySet<string> = new Set(["yaml-limit", "markdown-limit", "source-failed", TIMEOUT_RULE]);

/** A limit found exceeded where a diagnostic cannot be returned (inside rendering): the source is rejected with it. */
export class SourceLimitError extends Error {
  constructor(
    readonly rule: string,
    readonly text: Described,
    readonly line?: number,
  ) {
    super(text.message);
    this.name = "SourceLimitError";
  }

  diagnostic(file: string): Diagnostic {
    const { code, params, message, fix } = this.text;
    return { file, ...(this.line === undefined ? {} : { line: this.line }), rule: this.rule, severity: "error", code, params, message, ...(fix !== undefined ? { fix } : {}) };
  }
}
