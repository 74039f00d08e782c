import type { Element, ElementContent, Nodes as HastNodes } from "hast";
import type { Heading, Link, Nodes as MdastNodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark, { type Options as ToMdastOptions } from "rehype-remark";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";
import { linkTarget } from "./link-target.ts";

/**
 * An article's HTML (Readability's output, or a cleaned `<article>`) → Markdown-ish text:
 * one block per paragraph, blank lines between blocks, `##` headings, `-` lists, `>` quotes.
 *
 * The text is read line by line by segmentation and entity matching (through
 * `markdownAsText`, which undoes escapes and reads a link as its words) and becomes the
 * article's body, so it is Markdown that renders the page's text as the page showed it:
 * remark-stringify escapes what Markdown would read as syntax (`[x](y)`, `__x__`, `# x`
 * typed in the page's text stays text). Links of the content are kept when they lead to a
 * web page (http or https, a relative address resolved against `baseUrl`), others become
 * their text; emphasis markers are dropped (a `**Par Jean Dupont**` byline would hide from
 * the byline rules), media are dropped, a caption stays as a paragraph of its own (it
 * names people).
 */
export function htmlToMarkdown(html: string, options: { baseUrl?: string | undefined } = {}): string {
  if (html.trim() === "") return "";
  // The handlers read the page's address here: the conversion is synchronous, one page at a time.
  baseUrl = options.baseUrl;
  try {
    return tidy(String(processor.processSync(html)));
  } finally {
    baseUrl = undefined;
  }
}

let baseUrl: string | undefined;

type Handle = NonNullable<NonNullable<ToMdastOptions["handlers"]>[string]>;
type StringifyHandle = NonNullable<NonNullable<StringifyOptions["handlers"]>["text"]>;

/** The element's children, as if the element were not there. */
const unwrap: Handle = (state, node) => state.all(node);
/** Not text: images, media, embeds, form controls, rules. */
const drop: Handle = () => undefined;

/**
 * A link to a web page stays a link (its target checked and made absolute); any other
 * (`javascript:`, `data:`, `mailto:`, an in-page `#anchor`, a relative address without the
 * page's own) is its text. A link around blocks (a card) is its blocks.
 */
const link: Handle = (state, node) => {
  // A note's way back to its call (`<a href="#fn1-ref">↩︎</a>`) leads nowhere here.
  if (isInPage(node) && BACK_LINK.test(textOf(node))) return undefined;
  const children = state.all(node);
  const url = linkTarget(node.properties?.["href"], baseUrl);
  if (!url || children.length === 0 || !children.every(isPhrasing)) return children;
  const result: Link = { type: "link", url, children: children as PhrasingContent[] };
  return result;
};

/** Arrows and carets that footnotes link back to their calls with. */
const BACK_LINK = /^[\s\u21A9\u2191\u2934^\uFE0E\uFE0F]+$/;

const isInPage = (node: Element) => String(node.properties?.["href"] ?? "").startsWith("#");

/**
 * A footnote's call, a number linked to its note further down the page
 * (`<sup><a href="#fn1">1</a></sup>`), is its number in brackets, `[1]`, not a `1` stuck to
 * the word before it; any other superscript (`1<sup>er</sup>`, `m<sup>2</sup>`) is its text.
 */
const superscript: Handle = (state, node) => {
  const call = /^\[?(\d{1,3})\]?$/.exec(collapse(textOf(node)));
  const anchor = descendants(node, "a")[0];
  if (call && anchor && isInPage(anchor)) return { type: "text", value: `[${call[1]}]` };
  return state.all(node);
};

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
  a: link,
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
  sup: superscript,
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

/** A `<br>` ends a line (a dateline under a byline); inside a heading, a space. */
const lineBreak: StringifyHandle = (_node: unknown, _parent: unknown, state: Parameters<StringifyHandle>[2]) =>
  state.stack.some((construct: string) => construct.startsWith("heading")) ? " " : "\n";

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark, { handlers })
  .use(withoutEmptyListItems)
  .use(remarkStringify, {
    bullet: "-",
    rule: "-",
    fences: true,
    listItemIndent: "one",
    handlers: { break: lineBreak },
  });

/**
 * A list item left without words (a gallery's image, dropped with the other media) is no
 * bullet, and a list left without items is no list.
 */
function withoutEmptyListItems() {
  return (tree: MdastRoot) => prune(tree);
}

function prune(node: MdastNodes): void {
  if (!("children" in node)) return;
  const kept = (node.children as MdastNodes[]).filter((child) => {
    prune(child);
    return !((child.type === "listItem" || child.type === "list") && !hasWords(child));
  });
  (node as { children: MdastNodes[] }).children = kept;
}

function hasWords(node: MdastNodes): boolean {
  if ("value" in node) return node.value.trim() !== "";
  return "children" in node && (node.children as MdastNodes[]).some(hasWords);
}

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
