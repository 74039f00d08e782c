import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { textAsMarkdown } from "../text/markdown-text.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import { cleanText, headlineElement, readPageMeta, textOf } from "./html-meta.ts";
import type { PageMeta, SourceDoc } from "./source-doc.ts";

/**
 * A saved HTML page → SourceDoc: the page's own facts (`<meta>`, JSON-LD, `<time>`) in
 * `meta`, and its main content as Markdown in `text`, headline first: Markdown that renders
 * the page's text as written, with the content's links to web pages (relative ones
 * resolved against the page's address).
 *
 * The content is found by Readability after the page's furniture is taken out (navigation,
 * share buttons, cookie banners, related-article lists: generic markup and wording rules,
 * nothing per site); when Readability finds nothing, the `<article>`, `<main>` or `<body>`
 * is used instead. Whatever the input (empty, binary, a fragment, megabytes of markup),
 * it returns what could be read and never throws.
 */
export function readHtml(raw: string, path: string, options: { url?: string } = {}): SourceDoc {
  const urlOnly: PageMeta = options.url ? { url: options.url, evidence: { url: "options.url" } } : { evidence: {} };
  const document = safely(() => parseDocument(raw), undefined);
  if (!document) return { path, format: "html", frontMatter: {}, frontMatterLines: {}, bodyLine: 1, text: plainText(raw), meta: urlOnly };
  const meta = safely(() => readPageMeta(document, options), urlOnly);
  const headline = safely(() => headlineElement(document, meta.siteName), undefined);
  const headlineText = headline ? textOf(headline) : undefined;
  const body = safely(() => mainContent(document, headline, options.url ?? meta.url), "");
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

/**
 * Parses with linkedom. linkedom keeps the tree as written, so a fragment or a page without
 * `<html>`/`<body>` gives a document whose `body` is empty and whose `documentElement` may
 * be a `<p>`: such a document is rebuilt with head elements in `<head>` and the rest in
 * `<body>`, which is what Readability and the selectors expect.
 */
export function parseDocument(raw: string): Document {
  const { document } = parseHTML(stripInert(raw.replace(/\u0000/g, "")));
  return isWellFormed(document) ? document : rebuild(document);
}

/**
 * Scripts (but JSON-LD), styles, comments and inline SVG are cut from the markup before it
 * is parsed: they are never read, they are often half of a saved page, and linkedom's cost
 * grows with every node it builds. Each cut is a scan for the opening and then the closing
 * tag, so the whole is linear even on hostile input (an opening without its closing tag
 * ends the cutting, as it would end the HTML parser's reading of markup).
 */
export function stripInert(html: string): string {
  let out = html;
  out = cutBlocks(out, /<script\b[^>]{0,2000}>/gi, /<\/script\s*>/gi, (open) => /ld\+json/i.test(open));
  out = cutBlocks(out, /<style\b[^>]{0,2000}>/gi, /<\/style\s*>/gi);
  out = cutBlocks(out, /<!--/g, /-->/g);
  out = cutBlocks(out, /<svg\b[^>]{0,2000}>/gi, /<\/svg\s*>/gi);
  return out;
}

function cutBlocks(html: string, open: RegExp, close: RegExp, keep?: (openTag: string) => boolean): string {
  const parts: string[] = [];
  let position = 0;
  open.lastIndex = 0;
  for (let start = open.exec(html); start; start = open.exec(html)) {
    close.lastIndex = start.index + start[0].length;
    const end = close.exec(html);
    if (!end) break;
    const stop = end.index + end[0].length;
    if (!keep?.(start[0])) {
      parts.push(html.slice(position, start.index));
      position = stop;
    }
    open.lastIndex = stop;
  }
  if (position === 0) return html;
  parts.push(html.slice(position));
  return parts.join("");
}

const HEAD_TAGS = new Set(["title", "meta", "link", "base", "style", "script", "noscript", "template"]);

function isWellFormed(document: Document): boolean {
  const root = document.documentElement as Element | null;
  if (!root || root.tagName.toLowerCase() !== "html") return false;
  let body: Element | undefined;
  for (const child of root.childNodes) {
    if (child.nodeType === TEXT_NODE && (child.nodeValue ?? "").trim() !== "") return false;
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).tagName.toLowerCase();
    if (tag === "body") body = child as Element;
    else if (tag === "head") {
      if ([...(child as Element).children].some((inner) => !HEAD_TAGS.has(inner.tagName.toLowerCase()))) return false;
    } else return false;
  }
  return body !== undefined;
}

function rebuild(document: Document): Document {
  const head: string[] = [];
  const body: string[] = [];
  const place = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      if (value.trim() !== "" || body.length > 0) body.push(escapeText(value));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === "html" || tag === "head" || tag === "body") for (const child of [...element.childNodes]) place(child);
    else if (HEAD_TAGS.has(tag) && body.length === 0) head.push(element.outerHTML);
    else body.push(element.outerHTML);
  };
  for (const node of [...document.childNodes]) place(node);
  const root = document.documentElement as Element | null;
  const lang = root?.getAttribute("lang") ?? document.querySelector("html[lang]")?.getAttribute("lang");
  const langAttribute = lang ? ` lang="${escapeAttribute(lang)}"` : "";
  return parseHTML(`<!DOCTYPE html><html${langAttribute}><head>${head.join("")}</head><body>${body.join("")}</body></html>`).document;
}

/**
 * The article's Markdown: furniture removed from the page, Readability on a clone (it
 * mutates what it reads), else the article, main or body element as it is after cleaning.
 */
function mainContent(document: Document, headline: Element | undefined, pageUrl: string | undefined): string {
  removeFurniture(document, headline);
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

function longest(elements: Iterable<Element>): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const element of elements) {
    const length = (element.textContent ?? "").trim().length;
    if (length > bestLength) [best, bestLength] = [element, length];
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Furniture: what a page wraps around its article. Rules are about markup and wording
// every news site shares (tags, roles, class names, "À lire aussi"), never about one site.
// ---------------------------------------------------------------------------------------

/** Elements that are never article text. */
const NEVER_TEXT = new Set([
  "script", "style", "noscript", "template", "meta", "link", "svg", "canvas", "iframe", "frame", "object", "embed",
  "video", "audio", "nav", "aside", "footer", "dialog", "menu", "button", "input", "select", "textarea", "label",
]);

/** Landmark roles that are not the article. */
const NOT_ARTICLE_ROLES = new Set(["navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "banner"]);

/**
 * Class or id words of furniture, matched against the parts of a class or id split on `-`
 * and `_` ("entry-share-buttons" → share): cookie and consent banners, share and social
 * bars, related and recommended lists, comments, breadcrumbs, ads, newsletter and
 * subscription boxes, pop-ups, sidebars, navigation, breaking-news tickers, tag lists
 * (Readability drops their label and leaves the tags as a line of words; the tags are in
 * `meta.keywords` when the page declares them).
 */
const FURNITURE_WORDS = new Set([
  "cookie", "cookies", "consent", "gdpr", "rgpd", "cmp",
  "share", "sharing", "sharer", "partage", "social", "socials",
  "related", "similar", "recommended", "recommendations", "outbrain", "taboola",
  "comment", "comments", "commentaires", "respond", "disqus",
  "breadcrumb", "breadcrumbs", "ariane",
  "ad", "ads", "advert", "advertisement", "adsense", "dfp", "publicite", "sponsor", "sponsored",
  "newsletter", "newsletters", "subscribe", "subscription", "abonnement", "paywall", "promo",
  "popup", "modal", "overlay", "sidebar", "navigation", "nav", "navbar", "menu", "pagination", "pager", "toolbar", "skip",
  "ticker", "breaking", "alert", "alerte",
  "tag", "tags", "keywords",
]);

/** Multi-word furniture names, matched on the whole class or id. */
const FURNITURE_PHRASES = /lire-?aussi|a-lire|read-?also|also-read|read-?more|more-stories|most-read|plus-lus|most-popular|mots-?cl[eé]s|sr-only|screen-reader|visually-hidden/i;

/** Links that share the page rather than cite anything. */
const SHARE_LINK = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:facebook\.com\/shar|twitter\.com\/(?:intent|share)|x\.com\/intent|linkedin\.com\/(?:share|sharing|cws)|wa\.me\/|api\.whatsapp\.com\/send|t\.me\/share|telegram\.me\/share|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|news\.google\.com)|^(?:whatsapp|fb-messenger|sms):|^mailto:\?/i;

/**
 * Openings of related-article blocks and teasers, in French and English: "À lire aussi",
 * "Lire aussi :", "Voir aussi", "Sur le même sujet", "Articles similaires", "Les plus lus"…
 */
const TEASER_CUE = /^(?:[àa]\s+)?(?:lire|voir|découvrir)\s+(?:aussi|également|egalement|la suite)\b|^(?:sur le même sujet|dans la même rubrique|pour aller plus loin|les plus lus|les plus populaires|à la une|nos (?:autres )?articles|(?:articles?|contenus?) (?:liés|similaires|connexes|recommandés|associés)|vous (?:aimerez|pourriez aimer|aimerez aussi)|read (?:also|more)|related|more stories|recommended)\b/iu;

/** Elements a teaser cue is looked for in; inline ones count: old pages write paragraphs as text and `<br>`. */
const TEASER_TAGS = new Set(["p", "div", "section", "li", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "span"]);

const COOKIE_TEXT = /\bcookies?\b|traceurs|consentement/i;
const COOKIE_ACTION = /accept|refus|consent|paramétr|personnalis|j'ai compris|d'accord|\bok\b/i;

/**
 * Takes the furniture out of the page, in place, in one walk of the tree. What holds the
 * article is protected: the headline and its ancestors, the primary `<article>`,
 * `[itemprop=articleBody]`, and any element holding half of the page's paragraph text (a
 * wrapper named "content-with-sidebar" must not take the story with it).
 */
export function removeFurniture(document: Document, headline: Element | undefined): void {
  const body = document.body as Element | null;
  if (!body) return;
  const kept = protectedElements(document, headline);
  const doomed = new Set<Element>();
  // An explicit stack: saved pages can nest deeper than the call stack allows.
  const stack: Array<{ element: Element; inArticle: boolean }> = [...body.children].map((element) => ({ element, inArticle: false }));
  stack.reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { element, inArticle } = next;
    const tag = element.tagName.toLowerCase();
    const attributes = attributesOf(element);
    if (!kept.has(element)) {
      const found = furnitureOf(element, tag, attributes, inArticle);
      if (found) {
        doomed.add(found);
        continue;
      }
    }
    const inside = inArticle || tag === "article" || tag === "main" || attributes.role === "main";
    const children = [...element.children];
    for (let index = children.length - 1; index >= 0; index--) stack.push({ element: children[index] as Element, inArticle: inside });
  }
  for (const element of doomed) if (!kept.has(element) && element !== body) element.remove();
  removeTeasers(body, kept);
  removeCookieNotices(body, kept);
  for (const item of [...body.querySelectorAll("li")]) if ((item.textContent ?? "").trim() === "" && !kept.has(item)) item.remove();
  for (const list of [...body.querySelectorAll("ul, ol")]) if (!list.querySelector("li") && !kept.has(list)) list.remove();
}

/** The attributes the furniture rules read, in one pass over the element's attributes. */
interface Attributes {
  role?: string;
  hidden?: boolean;
  ariaHidden?: string;
  ariaModal?: string;
  style?: string;
  names?: string;
  href?: string;
}

function attributesOf(element: Element): Attributes {
  const found: Attributes = {};
  // Most elements have none; linkedom builds the attribute list on each read.
  if (!element.hasAttributes()) return found;
  for (const attribute of element.attributes) {
    switch (attribute.name.toLowerCase()) {
      case "role":
        found.role = attribute.value;
        break;
      case "hidden":
        found.hidden = true;
        break;
      case "aria-hidden":
        found.ariaHidden = attribute.value;
        break;
      case "aria-modal":
        found.ariaModal = attribute.value;
        break;
      case "style":
        found.style = attribute.value;
        break;
      case "class":
      case "id":
        found.names = `${found.names ?? ""} ${attribute.value}`;
        break;
      case "href":
        found.href = attribute.value.trim();
        break;
    }
  }
  return found;
}

/** The element to remove because of this one (itself, or a share link's list item), or undefined. */
function furnitureOf(element: Element, tag: string, attributes: Attributes, inArticle: boolean): Element | undefined {
  if (NEVER_TEXT.has(tag) || tag === "form") return element;
  if (tag === "header" && !inArticle) return element;
  if (attributes.role !== undefined && NOT_ARTICLE_ROLES.has(attributes.role)) return element;
  if (attributes.hidden || attributes.ariaHidden === "true" || attributes.ariaModal === "true") return element;
  if (attributes.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes.style)) return element;
  if (attributes.names && isFurnitureName(attributes.names)) return element;
  if (tag === "a" && attributes.href && SHARE_LINK.test(attributes.href)) return element.closest("li") ?? element;
  return undefined;
}

function isFurnitureName(names: string): boolean {
  if (FURNITURE_PHRASES.test(names)) return true;
  return names
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((word) => FURNITURE_WORDS.has(word));
}

/**
 * "À lire aussi : <a>…</a>" paragraphs and "Sur le même sujet" headings with their list.
 * A cue opens a text; the element it opens is a teaser when it is mostly link text, or
 * when it is the cue alone (a heading, a `<b>Lire aussi :</b>` before a link), in which case
 * the links after it go too. Looking from the texts up (rather than testing every element's
 * opening words) keeps this cheap on pages of thousands of elements. Inline elements count:
 * old pages write paragraphs as text and `<br>`.
 */
function removeTeasers(body: Element, kept: ReadonlySet<Element>): void {
  const cues: Text[] = [];
  for (let node: Node | null = body.firstChild; node; node = nextInTree(node, body)) {
    if (node.nodeType === TEXT_NODE && TEASER_CUE.test((node.nodeValue ?? "").trimStart())) cues.push(node as Text);
  }
  for (const cue of cues) {
    // The elements this text opens, outermost first.
    const opened: Element[] = [];
    for (let element = cue.parentElement; element && element !== body && !kept.has(element); element = element.parentElement) {
      const tag = element.tagName.toLowerCase();
      if ((!TEASER_TAGS.has(tag) && tag !== "a") || !TEASER_CUE.test(openingText(element))) break;
      opened.unshift(element);
    }
    for (const element of opened) {
      const teaser = teaserOf(element);
      if (teaser) {
        for (const item of teaser) item.remove();
        break;
      }
    }
  }
}

/** The node after this one in document order, within `root`. */
function nextInTree(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

function teaserOf(element: Element): Element[] | undefined {
  const text = cleanText(element.textContent ?? "");
  const alone = text.length <= 60 && text.replace(TEASER_CUE, "").replace(/[\s:|»>-]+/g, "").length <= 2;
  if (alone) {
    const next = element.nextElementSibling;
    return next && linkShare(next) >= 0.5 ? [element, next] : [element];
  }
  return text.length <= 3000 && linkShare(element) >= 0.3 ? [element] : undefined;
}

/** Cookie notices are injected at the top of `<body>`: short blocks about cookies with a button to accept. */
function removeCookieNotices(body: Element, kept: ReadonlySet<Element>): void {
  const candidates = [...body.children].flatMap((child) => [child, ...child.children]);
  for (const element of candidates) {
    if (kept.has(element)) continue;
    const text = element.textContent ?? "";
    if (text.length < 1500 && COOKIE_TEXT.test(text) && COOKIE_ACTION.test(text)) element.remove();
  }
}

/** Which part of an element's text is link text, from 0 to 1. */
function linkShare(element: Element): number {
  const total = (element.textContent ?? "").replace(/\s+/g, "").length;
  if (total === 0) return 0;
  if (element.tagName.toLowerCase() === "a") return 1;
  let links = 0;
  for (const link of element.querySelectorAll("a")) links += (link.textContent ?? "").replace(/\s+/g, "").length;
  return links / total;
}

/**
 * The first words of an element, read without walking all of it (divs nest deep on big
 * pages): a walk along first children and next siblings that stops once it has enough.
 */
function openingText(element: Element, wanted = 80): string {
  let text = "";
  let node: Node | null = element.firstChild;
  while (node && text.length < wanted * 2) {
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? "";
      if (text.trim().length >= wanted) break;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    node = node && node !== element ? node.nextSibling : null;
  }
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The elements that hold the story and must survive furniture removal. Each paragraph's
 * text is added to its ancestors (up to a bound: a page nested thousands deep is not worth
 * quadratic time).
 */
function protectedElements(document: Document, headline: Element | undefined): Set<Element> {
  const kept = new Set<Element>();
  const keep = (element: Element | null | undefined): void => {
    for (let node = element; node; node = node.parentElement) kept.add(node);
  };
  keep(headline);
  keep(headline?.closest("article") ?? longest(document.querySelectorAll("article")));
  keep(document.querySelector("[itemprop~=articleBody]"));
  const text = new Map<Element, number>();
  let total = 0;
  for (const paragraph of document.querySelectorAll("p")) {
    const length = (paragraph.textContent ?? "").trim().length;
    if (length === 0) continue;
    total += length;
    let depth = 0;
    for (let node = paragraph.parentElement; node && depth < MAX_CLIMB; node = node.parentElement, depth++) text.set(node, (text.get(node) ?? 0) + length);
  }
  if (total > 0) for (const [element, length] of text) if (length >= total / 2) kept.add(element);
  return kept;
}

const MAX_CLIMB = 200;

// ---------------------------------------------------------------------------------------

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

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function safely<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** `Node.DOCUMENT_POSITION_FOLLOWING`. */
const FOLLOWING = 4;
