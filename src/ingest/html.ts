import { textAsMarkdown } from "../text/markdown-text.ts";
import type { PageFurnitureRules } from "../model/knowledge.ts";
import { furnitureVocabulary } from "./furniture-vocabulary.ts";
import { safely } from "./html-dom.ts";
import { cleanText, readPageMeta, textOf } from "./html-meta.ts";
import { parseDocument, stripInert } from "./html-parse.ts";
import { mainContent } from "./main-content.ts";
import type { PageMeta, SourceDoc } from "./source-doc.ts";

/**
 * A saved HTML page → SourceDoc: the page's own facts (`<meta>`, JSON-LD, `<time>`) in
 * `meta`, and its main content as Markdown in `text`, headline first: Markdown that renders
 * the page's text as written, with the content's links to web pages (relative ones
 * resolved against the page's address).
 *
 * The page is parsed (./html-parse.ts), its furniture taken out (navigation, share buttons,
 * cookie banners, related-article lists: HTML's own markup in ./page-furniture.ts, and the
 * words sites use, from content/rules/, in `furniture`), and its content found by
 * Readability, or else in the `<article>`, `<main>` or `<body>` (./main-content.ts).
 * Whatever the input (empty, binary, a fragment, megabytes of markup), it returns what
 * could be read and never throws.
 */
export function readHtml(raw: string, path: string, furniture: PageFurnitureRules, options: { url?: string } = {}): SourceDoc {
  const urlOnly: PageMeta = options.url ? { url: options.url, evidence: { url: "options.url" } } : { evidence: {} };
  const document = safely(() => parseDocument(raw), undefined);
  if (!document) return { path, format: "html", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text: plainText(raw), meta: urlOnly };
  const { meta, headline } = safely(() => readPageMeta(document, options), { meta: urlOnly, headline: undefined });
  const headlineText = headline ? textOf(headline) : undefined;
  const body = safely(() => mainContent(document, headline, options.url ?? meta.url, furnitureVocabulary(furniture)), "");
  const text = composeText(meta.title, body, headlineText);
  return { path, format: "html", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text, meta };
}

/**
 * The headline as a first line (Markdown that renders it as written), a blank line, then the body. Readability sometimes
 * keeps the `<h1>` as the body's first heading: it is not repeated, whether it says the
 * title's words or the page's `<h1>` words (the title may come from OpenGraph).
 */
export function composeText(title: string | undefined, body: string, headline?: string): string {
  if (!title) return body;
  const blocks = body.split(/\n{2,}/);
  const first = (blocks[0] ?? "").replace(/^#{1,6}\s+/, "");
  if (sameWords(first, title) || (headline !== undefined && sameWords(first, headline))) blocks.shift();
  return [textAsMarkdown(title.trim()), ...blocks].join("\n\n").trim();
}

/** Whether two lines say the same words (case, accents, punctuation aside). */
function sameWords(a: string, b: string): boolean {
  const fold = (value: string): string =>
    value
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  const left = fold(a);
  return left !== "" && left === fold(b);
}

/** Last resort when no document could be built: the markup's text, tags off, as Markdown that renders it. */
function plainText(raw: string): string {
  return safely(() => textAsMarkdown(cleanText(stripInert(raw).replace(/<[^>]*>/g, " "))), "");
}
