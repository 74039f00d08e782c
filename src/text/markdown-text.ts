import type { Nodes, Root } from "mdast";
import { remark } from "remark";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

/**
 * Between plain text and the Markdown of an article body, both ways.
 *
 * `textAsMarkdown` writes a line of text (a raw capture's paragraph, a page's headline) as
 * Markdown that renders exactly that text: remark-stringify escapes what would otherwise be
 * read as a link, emphasis, a heading, a list, raw HTML or an entity, and nothing else (a
 * `snake_case` word or a lone `&` stay as they are).
 *
 * `markdownAsText` reads such a line back as text for extraction, which matches words and
 * must not see backslashes or link targets: escapes are undone, a link is its text, inline
 * code its content; a block marker at the start of the line (`## `, `- `, `1. `, `> `) is
 * kept, as segmentation reads it.
 */
const stringifier = unified().use(remarkStringify);
const parser = remark();

/** A character remark-stringify may escape somewhere; a line without any (and without a telling first character) is its own Markdown. */
const MAYBE_SYNTAX = /[\\`*_<>&#=~[\]!|\t\n\r\u007F]/;
const TELLING_START = /^[\s\-+\d]/;

export function textAsMarkdown(text: string): string {
  if (text === "") return "";
  if (!MAYBE_SYNTAX.test(text) && !TELLING_START.test(text)) return text;
  const tree: Root = { type: "root", children: [{ type: "paragraph", children: [{ type: "text", value: text }] }] };
  return String(stringifier.stringify(tree)).replace(/\n$/, "");
}

/** Markers of a block at the start of a line of Markdown (the inline text follows them). */
const BLOCK_PREFIX = /^(?:(?:#{1,6}|[-*+]|\d{1,9}[.)]|>) )+/;
/** What inline Markdown needs: an escape, a link or autolink, code, a character reference (`&#x20;`). */
const INLINE_SYNTAX = /[\\[<`&]/;

export function markdownAsText(line: string): string {
  if (!INLINE_SYNTAX.test(line)) return line;
  const prefix = BLOCK_PREFIX.exec(line)?.[0] ?? "";
  return prefix + textOf(parser.parse(line.slice(prefix.length)));
}

/**
 * The words a reader sees in a line of Markdown (a search excerpt's text): block markers,
 * escapes, emphasis and link targets gone, raw HTML dropped (it is not shown as text).
 */
export function markdownLineAsWords(line: string): string {
  const inline = line.replace(BLOCK_PREFIX, "");
  return WORDS_SYNTAX.test(inline) ? textOf(parser.parse(inline), "") : inline;
}
const WORDS_SYNTAX = /[\\[<`&*_!]/;

function textOf(node: Nodes, html?: string): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "html":
      return html ?? node.value;
    case "break":
      return " ";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? (node.children as Nodes[]).map((child) => textOf(child, html)).join("") : "";
  }
}
