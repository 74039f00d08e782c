import type { FurnitureVocabulary } from "./furniture-vocabulary.ts";
import { ELEMENT_NODE, TEXT_NODE, longest } from "./html-dom.ts";
import { cleanText } from "./html-meta.ts";

/*
 * Furniture: what a page wraps around its article. Rules are about markup and wording every
 * news site shares, never about one site. What HTML itself says (tag names, landmark roles,
 * hidden elements) is here; the words sites use (class names, share links, "À lire aussi",
 * cookie notices) are data editors keep in content/rules/ (./furniture-vocabulary.ts).
 */

/** Elements that are never article text. */
const NEVER_TEXT = new Set([
  "script", "style", "noscript", "template", "meta", "link", "svg", "canvas", "iframe", "frame", "object", "embed",
  "video", "audio", "nav", "aside", "footer", "dialog", "menu", "button", "input", "select", "textarea", "label",
]);

/** Landmark roles that are not the article. */
const NOT_ARTICLE_ROLES = new Set(["navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "banner"]);

/** Elements a teaser cue is looked for in; inline ones count: old pages write paragraphs as text and `<br>`. */
const TEASER_TAGS = new Set(["p", "div", "section", "li", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "span"]);

/**
 * Takes the furniture out of the page, in place, in one walk of the tree. What holds the
 * article is protected: the headline and its ancestors, the primary `<article>`,
 * `[itemprop=articleBody]`, and any element holding half of the page's paragraph text (a
 * wrapper named "content-with-sidebar" must not take the story with it).
 */
export function removeFurniture(document: Document, headline: Element | undefined, vocabulary: FurnitureVocabulary): void {
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
      const found = furnitureOf(element, tag, attributes, inArticle, vocabulary);
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
  removeTeasers(body, kept, vocabulary);
  removeCookieNotices(body, kept, vocabulary);
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
function furnitureOf(element: Element, tag: string, attributes: Attributes, inArticle: boolean, vocabulary: FurnitureVocabulary): Element | undefined {
  if (NEVER_TEXT.has(tag) || tag === "form") return element;
  if (tag === "header" && !inArticle) return element;
  if (attributes.role !== undefined && NOT_ARTICLE_ROLES.has(attributes.role)) return element;
  if (attributes.hidden || attributes.ariaHidden === "true" || attributes.ariaModal === "true") return element;
  if (attributes.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes.style)) return element;
  if (attributes.names && vocabulary.isFurnitureName(attributes.names)) return element;
  if (tag === "a" && attributes.href && vocabulary.isShareLink(attributes.href)) return element.closest("li") ?? element;
  return undefined;
}


/**
 * "À lire aussi : <a>…</a>" paragraphs and "Sur le même sujet" headings with their list.
 * A cue opens a text; the element it opens is a teaser when it is mostly link text, or
 * when it is the cue alone (a heading, a `<b>Lire aussi :</b>` before a link), in which case
 * the links after it go too. Looking from the texts up (rather than testing every element's
 * opening words) keeps this cheap on pages of thousands of elements. Inline elements count:
 * old pages write paragraphs as text and `<br>`.
 */
function removeTeasers(body: Element, kept: ReadonlySet<Element>, vocabulary: FurnitureVocabulary): void {
  const cues: Text[] = [];
  for (let node: Node | null = body.firstChild; node; node = nextInTree(node, body)) {
    if (node.nodeType === TEXT_NODE && vocabulary.opensTeaser((node.nodeValue ?? "").trimStart())) cues.push(node as Text);
  }
  for (const cue of cues) {
    // The elements this text opens, outermost first.
    const opened: Element[] = [];
    for (let element = cue.parentElement; element && element !== body && !kept.has(element); element = element.parentElement) {
      const tag = element.tagName.toLowerCase();
      if ((!TEASER_TAGS.has(tag) && tag !== "a") || !vocabulary.opensTeaser(openingText(element))) break;
      opened.unshift(element);
    }
    for (const element of opened) {
      const teaser = teaserOf(element, vocabulary);
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

function teaserOf(element: Element, vocabulary: FurnitureVocabulary): Element[] | undefined {
  const text = cleanText(element.textContent ?? "");
  const alone = text.length <= 60 && vocabulary.withoutTeaserCue(text).replace(/[\s:|»>-]+/g, "").length <= 2;
  if (alone) {
    const next = element.nextElementSibling;
    return next && linkShare(next) >= 0.5 ? [element, next] : [element];
  }
  return text.length <= 3000 && linkShare(element) >= 0.3 ? [element] : undefined;
}

/** Cookie notices are injected at the top of `<body>`: short blocks about cookies with a button to accept. */
function removeCookieNotices(body: Element, kept: ReadonlySet<Element>, vocabulary: FurnitureVocabulary): void {
  const candidates = [...body.children].flatMap((child) => [child, ...child.children]);
  for (const element of candidates) {
    if (kept.has(element)) continue;
    const text = element.textContent ?? "";
    if (text.length < 1500 && vocabulary.isCookieNotice(text)) element.remove();
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
