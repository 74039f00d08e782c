import { Readability } from "@mozilla/readability";
import { textAsMarkdown } from "../text/markdown-text.ts";
import type { FurnitureVocabulary } from "./furniture-vocabulary.ts";
import { ELEMENT_NODE, FOLLOWING, longest, safely } from "./html-dom.ts";
import { cleanText } from "./html-meta.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import { removeFurniture } from "./page-furniture.ts";

/**
 * The article's Markdown: furniture removed from the page, Readability on a clone (it
 * mutates what it reads), else the article, main or body element as it is after cleaning.
 */
export function mainContent(document: Document, headline: Element | undefined, pageUrl: string | undefined, vocabulary: FurnitureVocabulary): string {
  removeFurniture(document, headline, vocabulary);
  narrowToArticle(document, headline);
  captionsAsParagraphs(document);
  const fromReadability = safely(() => readabilityHtml(document), undefined);
  if (fromReadability) {
    const markdown = safely(() => htmlToMarkdown(fromReadability, { baseUrl: pageUrl }), "");
    if (markdown) return markdown;
  }
  const container = fallbackContainer(document, headline);
  if (!container) return "";
  // The Markdown conversion recurses too: a tree nested too deep is read as plain text.
  const markdown = withinBounds(container, Infinity) ? safely(() => htmlToMarkdown(container.innerHTML, { baseUrl: pageUrl }), "") : "";
  return markdown || textAsMarkdown(cleanText(container.textContent ?? ""));
}

/**
 * When the headline's `<article>` holds most of the page's paragraph text, it is the story
 * and the rest of the page is furniture: only the article is left in the body. Readability
 * otherwise climbs to `<body>` on pages whose blocks score alike, and takes a breaking-news
 * ticker or a promotion along with the story.
 */
function narrowToArticle(document: Document, headline: Element | undefined): void {
  const article = headline?.closest("article");
  const body = document.body as Element | null;
  if (!article || !body) return;
  const inArticle = paragraphText(article.querySelectorAll("p"));
  if (inArticle === 0 || inArticle < paragraphText(body.querySelectorAll("p")) / 2) return;
  for (const child of [...body.childNodes]) child.remove();
  body.append(article);
}

/**
 * A picture with a caption becomes the caption's paragraph, inside the block that holds
 * the story's paragraphs (at its start when the picture came before it, as a lead photo
 * does). Readability keeps a figure outside that block only by chance (a short caption
 * without a full stop is dropped), and a caption names who is in the picture; the image
 * itself is dropped from the text anyway. Figures holding more than media (a quote, a
 * table) are left to the Markdown conversion, which keeps their caption too.
 */
function captionsAsParagraphs(document: Document): void {
  const container = storyContainer(document);
  for (const figure of [...document.querySelectorAll("figure")]) {
    const caption = figure.querySelector("figcaption");
    if (!caption) continue;
    const rest = (figure.textContent ?? "").replace(caption.textContent ?? "", "").trim();
    if (rest !== "") continue;
    const outside = container !== undefined && !container.contains(figure);
    // A linked caption outside the story is another story's teaser (a thumbnail and its headline), not this one's picture.
    if (outside && isAllLinkText(caption)) continue;
    const paragraph = document.createElement("p");
    paragraph.innerHTML = caption.innerHTML;
    if (!container || container.contains(figure)) {
      figure.replaceWith(paragraph);
      continue;
    }
    const before = Boolean(figure.compareDocumentPosition(container) & FOLLOWING);
    figure.remove();
    if (before) container.prepend(paragraph);
    else container.append(paragraph);
  }
}

/** The element whose own `<p>` children hold the most text: where the story's paragraphs are. */
function storyContainer(document: Document): Element | undefined {
  const text = new Map<Element, number>();
  for (const paragraph of document.querySelectorAll("p")) {
    const parent = paragraph.parentElement;
    if (parent) text.set(parent, (text.get(parent) ?? 0) + (paragraph.textContent ?? "").trim().length);
  }
  let best: Element | undefined;
  let bestLength = 0;
  for (const [element, length] of text) if (length > bestLength) [best, bestLength] = [element, length];
  return best;
}

/** Whether every letter of the element's text is inside a link. */
function isAllLinkText(element: Element): boolean {
  const letters = (node: Element): number => (node.textContent ?? "").replace(/\s+/g, "").length;
  const total = letters(element);
  if (total === 0) return false;
  let linked = 0;
  for (const link of element.querySelectorAll("a")) linked += letters(link);
  return linked >= total;
}

function paragraphText(paragraphs: Iterable<Element>): number {
  let length = 0;
  for (const paragraph of paragraphs) length += (paragraph.textContent ?? "").trim().length;
  return length;
}

/**
 * Beyond this many elements, or this depth, Readability is not run (the fallback is used):
 * bounds on its time, and on its recursion, which overflows the stack on pages nested
 * thousands deep after seconds of work.
 */
const MAX_ELEMENTS = 60_000;
const MAX_DEPTH = 400;

/** Whether the tree under `root` stays within the element and depth bounds, in one walk. */
function withinBounds(root: Element, maxElements = MAX_ELEMENTS, maxDepth = MAX_DEPTH): boolean {
  let elements = 0;
  let depth = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) {
      if (++elements > maxElements) return false;
      if (node.firstChild) {
        if (++depth > maxDepth) return false;
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return true;
}

/**
 * Readability takes the first byline-looking element out of the text to report it apart,
 * unless the page's metadata already names an author: that would leave "Par · Le 8 novembre"
 * behind. An author `<meta>` on the clone keeps bylines and datelines whole in the text.
 */
function readabilityHtml(document: Document): string | undefined {
  // Readability's own `maxElemsToParse` counts `getElementsByTagName("*")`, which linkedom
  // answers with nothing: the bounds are kept here.
  const body = document.body as Element | null;
  if (!body || !withinBounds(body)) return undefined;
  const clone = document.cloneNode(true) as Document;
  const author = clone.createElement("meta");
  author.setAttribute("name", "author");
  author.setAttribute("content", "-");
  clone.head?.append(author);
  const article = new Readability(clone, { disableJSONLD: true }).parse();
  const content = article?.content ?? "";
  return (article?.textContent ?? "").trim() === "" ? undefined : content;
}

/** The element holding the article: the headline's `<article>`, the longest `<article>`, `<main>`, `<body>`. */
function fallbackContainer(document: Document, headline: Element | undefined): Element | undefined {
  return headline?.closest("article") ?? longest(document.querySelectorAll("article")) ?? document.querySelector("main, [role=main]") ?? document.body ?? undefined;
}

