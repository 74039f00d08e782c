import { defaultSchema, type Schema } from "hast-util-sanitize";
import { remark } from "remark";
import remarkHtml from "remark-html";
import { markdownNestingProblem, oversizeParagraphs } from "../ingest/markdown-limits.ts";
import { SourceLimitError } from "../ingest/source-limits.ts";

/**
 * Our one Markdown engine. Article bodies come from many hands: remark-html sanitizes with
 * GitHub's allow-list (no scripts, no event handlers, no `javascript:` or `data:` URLs, no
 * iframes or styles), minus embedded media, so that reading an article never makes a
 * request to another site.
 */
const EMBEDS = new Set(["img", "picture", "source", "video", "audio", "input", "track"]);
const schema: Schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !EMBEDS.has(tag)) };
const processor = remark().use(remarkHtml, { sanitize: schema });

/**
 * A body nested deeper than the limit is refused (SourceLimitError: the source is rejected;
 * a Markdown source was refused with its line when it was read). A paragraph too long for the
 * inline parser (../ingest/markdown-limits.ts) is shown as the text it is, escaped, and the
 * rest of the body is Markdown as usual: the reader loses that paragraph's links and emphasis,
 * not its words, and the editor is warned (./extract-source.ts).
 */
export function renderMarkdown(markdown: string): string {
  const plain = renderPlainParagraphs(markdown);
  if (plain !== undefined) return plain;
  const nesting = markdownNestingProblem(markdown);
  if (nesting) throw new SourceLimitError("markdown-limit", nesting);
  const html: string[] = [];
  let from = 0;
  for (const paragraph of oversizeParagraphs(markdown)) {
    html.push(renderWithRemark(markdown.slice(from, paragraph.offset)), `<p>${escapeHtml(paragraph.text)}</p>`);
    from = paragraph.offset + paragraph.text.length;
  }
  html.push(renderWithRemark(markdown.slice(from)));
  return html.filter(Boolean).join("\n");
}

function renderWithRemark(markdown: string): string {
  return markdown.trim() === "" ? "" : String(processor.processSync(markdown)).trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Most article bodies are plain paragraphs: for them the HTML is known without parsing
 * (the same bytes remark-html writes, a property test checks it), which makes a large
 * archive's first build several times faster. Anything with Markdown or HTML syntax in it,
 * or whitespace that Markdown reads, goes through remark.
 */
export function renderPlainParagraphs(markdown: string): string | undefined {
  // Blank lines first and whitespace last are nothing to Markdown; the first line's indentation is something (a code block).
  const paragraphs = markdown.replace(/^(?:[ \t]*\n)+/, "").trimEnd().split(/\n[ \t]*\n+/);
  const html: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === "" || hasSyntax(paragraph)) return undefined;
    html.push(`<p>${paragraph}</p>`);
  }
  return html.join("\n");
}

const SYNTAX_CHARACTER = /[\\`*_[\]<>&!#|~{}]/;
const SYNTAX_LINE_START = /^(?:[ \t\-+=]|\d+[.)]|$)/;
// What JavaScript's multi-line `^` and `$` take for the ends of a line.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A character of Markdown or HTML syntax, a line starting with whitespace, a list or heading
 * marker or a number and a dot, an empty line, or a line ending with whitespace. Checked a
 * line at a time: one multi-line pattern with `[ \t]$` would stop at every space of the body.
 */
function hasSyntax(paragraph: string): boolean {
  if (SYNTAX_CHARACTER.test(paragraph)) return true;
  for (const line of paragraph.split(LINE_BREAK)) {
    if (SYNTAX_LINE_START.test(line)) return true;
    const last = line[line.length - 1];
    if (last === " " || last === "\t") return true;
  }
  return false;
}
