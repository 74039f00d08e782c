import type { Element, ElementContent, Nodes as HastNodes } from "hast";
import type { Heading, Paragraph, PhrasingContent, RootContent, Text } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark, { type Options as ToMdastOptions } from "rehype-remark";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";

/**
 * An article's HTML (Readability's output, or a cleaned `<article>`) → Markdown-ish text:
 * one block per paragraph, blank lines between blocks, `##` headings, `-` lists, `>` quotes.
 *
 * The text is read line by line by segmentation and entity matching before it is ever
 * rendered, so it favours plain words over Markdown fidelity: links become their text,
 * emphasis markers are dropped (a `**Par Jean Dupont**` byline would hide from the byline
 * rules), media are dropped, a caption stays as a paragraph of its own (it names people),
 * and nothing in ordinary prose is backslash-escaped.
 */
export function htmlToMarkdown(html: string): string {
  if (html.trim() === "") return "";
  return tidy(String(processor.processSync(html)));
}

type Handle = NonNullable<NonNullable<ToMdastOptions["handlers"]>[string]>;
type StringifyHandle = NonNullable<NonNullable<StringifyOptions["handlers"]>["text"]>;

/** The element's children, as if the element were not there. */
const unwrap: Handle = (state, node) => state.all(node);
/** Not text: images, media, embeds, form controls, rules. */
const drop: Handle = () => undefined;

/** `<h1>` is the page's headline, which `text` already gives as its first line: body headings start at `##`. */
const heading: Handle = (state, node) => {
  const level = Number(node.tagName.charAt(1));
  const children = state.all(node).filter(isPhrasing);
  if (children.length === 0) return undefined;
  const result: Heading = { type: "heading", depth: Math.min(6, Math.max(2, level)) as Heading["depth"], children };
  return result;
};

/** A caption names who is in the picture: it stays, as a paragraph of its own. */
const figcaption: Handle = (state, node) => state.toFlow(state.all(node));

/**
 * Tables are rare in articles and plain Markdown has none: each row becomes a paragraph
 * of its cells joined by ` | `, which keeps the words and their order.
 */
const table: Handle = (_state, node) => {
  const rows: Paragraph[] = [];
  for (const row of descendants(node, "tr")) {
    const cells = row.children.filter((child): child is Element => child.type === "element" && (child.tagName === "td" || child.tagName === "th"));
    const value = cells.map((cell) => collapse(textOf(cell))).filter(Boolean).join(" | ");
    if (value) rows.push({ type: "paragraph", children: [{ type: "text", value }] });
  }
  const caption = descendants(node, "caption")[0];
  const captionText = caption ? collapse(textOf(caption)) : "";
  if (captionText) rows.unshift({ type: "paragraph", children: [{ type: "text", value: captionText }] });
  return rows;
};

const handlers: Record<string, Handle> = {
  a: unwrap,
  b: unwrap,
  strong: unwrap,
  em: unwrap,
  i: unwrap,
  mark: unwrap,
  u: unwrap,
  del: unwrap,
  s: unwrap,
  strike: unwrap,
  ins: unwrap,
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  figcaption,
  table,
  img: drop,
  image: drop,
  picture: drop,
  video: drop,
  audio: drop,
  iframe: drop,
  object: drop,
  embed: drop,
  canvas: drop,
  svg: drop,
  map: drop,
  hr: drop,
  button: drop,
  input: drop,
  select: drop,
  textarea: drop,
  form: drop,
  nav: drop,
  noscript: drop,
  script: drop,
  style: drop,
};

/** Prose is written as it is: remark's escapes (`l\'État`, `\*`, `\_`, `\[`) would reach entity matching. */
const text: StringifyHandle = (node: Text, _parent: unknown, _state: unknown, info: Parameters<StringifyHandle>[3]) =>
  escapeStructure(node.value, info.before === "" || info.before === "\n");

/** A `<br>` ends a line (a dateline under a byline); inside a heading, a space. */
const lineBreak: StringifyHandle = (_node: unknown, _parent: unknown, state: Parameters<StringifyHandle>[2]) =>
  state.stack.some((construct: string) => construct.startsWith("heading")) ? " " : "\n";

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark, { handlers })
  .use(remarkStringify, {
    bullet: "-",
    rule: "-",
    fences: true,
    listItemIndent: "one",
    handlers: { text, break: lineBreak },
  });

/**
 * The only escapes kept are those without which the text would change shape when rendered:
 * a line opening with `#` and a space (a heading) or made of `=` or `-` alone (a setext
 * underline), checked only where a line starts (remark passes the character before the
 * text); `<` before a tag name (raw HTML, which the renderer strips); and an entity-like
 * `&name;` (which it would decode).
 */
function escapeStructure(value: string, atLineStart: boolean): string {
  const [heading, underline] = atLineStart ? LINE_STARTS : LINE_STARTS_AFTER_BREAK;
  return value
    .replace(heading, "\\$1")
    .replace(underline, "\\$1")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/&(?=#\d+;|#x[\dA-Fa-f]+;|[A-Za-z][A-Za-z\d]*;)/g, "\\&");
}

/** A heading's `#` and a setext underline where a line starts: at the text's start and after each break, or after breaks only. */
const LINE_STARTS = [/^(#{1,6})(?=[ \t]|$)/gm, /^([=-]+)(?=[ \t]*$)/gm] as const;
const LINE_STARTS_AFTER_BREAK = [/(?<=\n)(#{1,6})(?=[ \t]|$)/gm, /(?<=\n)([=-]+)(?=[ \t]*$)/gm] as const;

/** Trailing spaces off, at most one blank line between blocks, invisible characters out. */
function tidy(markdown: string): string {
  return markdown
    .replace(/[\u00AD\u200B\u2060\uFEFF]/g, "")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function isPhrasing(node: RootContent): node is PhrasingContent {
  return ["text", "emphasis", "strong", "delete", "inlineCode", "break", "link", "linkReference", "image", "imageReference", "html", "footnoteReference"].includes(node.type);
}

function descendants(node: Element, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (children: readonly ElementContent[]): void => {
    for (const child of children) {
      if (child.type !== "element") continue;
      if (child.tagName === tagName) found.push(child);
      else visit(child.children);
    }
  };
  visit(node.children);
  return found;
}

/** A cell's words; block children and `<br>` are kept apart by a space. */
function textOf(node: HastNodes): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && node.tagName === "br") return " ";
  if (node.type === "element" || node.type === "root") {
    const inner = node.children.map(textOf).join("");
    return node.type === "element" && BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
  }
  return "";
}

const BLOCKS = new Set(["p", "div", "li", "ul", "ol"]);

function collapse(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
