import type { SourceFormat } from "../model/article.ts";

/**
 * What the page's markup says about itself (HTML `<meta>`, `<time>`, JSON-LD).
 * Raw text has none of it; Markdown carries the same facts as front matter instead.
 */
export interface PageMeta {
  title?: string;
  /** A date string as found (ISO 8601 most often). */
  published?: string;
  modified?: string;
  siteName?: string;
  /** Canonical or `og:url`. */
  url?: string;
  description?: string;
  author?: string;
  keywords?: readonly string[];
  section?: string;
  lang?: string;
  /** The `<meta>`/JSON-LD field each value was read from, for evidence. */
  evidence: Readonly<Record<string, string>>;
}

/**
 * Every reader turns its format into a SourceDoc; front matter validation and extraction
 * run once, after the readers, whatever the format.
 */
export interface SourceDoc {
  path: string;
  format: SourceFormat;
  /** Front matter as parsed (Markdown sources only; `{}` otherwise). Validated later. */
  frontMatter: Readonly<Record<string, unknown>>;
  /** 1-based line of each front-matter key, for error messages. */
  frontMatterLines: Readonly<Record<string, number>>;
  /** Line in the source file where `text` starts (after front matter). */
  bodyLine: number;
  /**
   * The source's text as lines in reading order: the body of a Markdown file (Markdown), the
   * raw text of a text capture (text as typed: its `[…](…)` or `# …` are words, escaped when
   * the body is made), the main content of an HTML page converted to Markdown that renders
   * the page's text as written, its links to web pages kept. Control characters and
   * noncharacters are already out. Boilerplate is still in it; extraction removes it.
   */
  text: string;
  meta: PageMeta;
}
