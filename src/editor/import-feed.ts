import { htmlToMarkdown } from "../ingest/html-to-markdown.ts";
import { parseIso8601, parseRfc822 } from "../archive/written-dates.ts";
import type { ArchiveEntry, ImportedItem } from "./import-item.ts";
import { childElement, childElements, childText, innerXml, prefixOf, qualified, textOf, type XmlElement } from "./xml-tree.ts";

/**
 * Feeds: RSS 2.0 (`<rss><channel><item>`) and Atom (`<feed><entry>`, RFC 4287). One article
 * per item: its full text (`content:encoded`, Atom's `content`) or else its description or
 * summary, its link as the article's address, its date, title, authors and categories.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const isContentNamespace = (uri: string) => uri === "http://purl.org/rss/1.0/modules/content/";
const isDublinCore = (uri: string) => uri === "http://purl.org/dc/elements/1.1/";

export function isRss(root: XmlElement): boolean {
  return root.name === "rss" && childElement(root, "channel") !== undefined;
}

export function isAtom(root: XmlElement): boolean {
  const prefix = prefixOf(root, (uri) => uri === ATOM);
  return prefix !== undefined && root.name === qualified(prefix, "feed");
}

export function readRss(root: XmlElement, file: string): ArchiveEntry[] {
  const content = prefixOf(root, isContentNamespace) ?? "content";
  const dc = prefixOf(root, isDublinCore) ?? "dc";
  const channel = childElement(root, "channel");
  if (!channel) return [];
  const siteName = childText(channel, "title");
  const items = childElements(channel, "item").map((item, index): ImportedItem => {
    const guid = childElement(item, "guid");
    // A guid is the item's address unless it says otherwise (`isPermaLink="false"`).
    const guidLink = guid && guid.attributes["isPermaLink"] !== "false" ? textOf(guid) : "";
    const pubDate = childText(item, "pubDate");
    const dcDate = childText(item, qualified(dc, "date"));
    const fromPubDate = parseRfc822(pubDate);
    const fromDcDate = fromPubDate ? undefined : parseIso8601(dcDate);
    const creators = childElements(item, qualified(dc, "creator")).map((creator) => textOf(creator));
    const author = rssAuthor(childText(item, "author"));
    return {
      source: `${file}#item-${index + 1}`,
      title: childText(item, "title"),
      html: childText(item, qualified(content, "encoded")) || childText(item, "description"),
      published: fromPubDate ? { at: fromPubDate, evidence: `pubDate ${pubDate}` } : fromDcDate ? { at: fromDcDate, evidence: `dc:date ${dcDate}` } : undefined,
      url: childText(item, "link") || guidLink || undefined,
      terms: childElements(item, "category").map((category) => textOf(category)),
      authors: creators.length ? creators : author ? [author] : [],
      siteName: siteName || undefined,
    };
  });
  return items.map((item) => ({ item }));
}

/** RSS's `<author>` is an address, often with the name after it: `redaction@exemple.ma (Omar Tazi)`. An address alone is no byline. */
function rssAuthor(value: string): string | undefined {
  const named = /\(([^()]+)\)\s*$/.exec(value)?.[1]?.trim();
  if (named) return named;
  return value && !value.includes("@") ? value : undefined;
}

export function readAtom(root: XmlElement, file: string): ArchiveEntry[] {
  const prefix = prefixOf(root, (uri) => uri === ATOM) ?? "";
  const atom = (local: string) => qualified(prefix, local);
  const siteName = textConstruct(childElement(root, atom("title")), "text");
  const feedAuthors = authorsOf(root, atom);
  const feedLink = alternateLink(root, atom, root.attributes["xml:base"]);
  const items = childElements(root, atom("entry")).map((entry, index): ImportedItem => {
    const published = childText(entry, atom("published"));
    const updated = childText(entry, atom("updated"));
    const fromPublished = parseIso8601(published);
    const fromUpdated = fromPublished ? undefined : parseIso8601(updated);
    const contentElement = childElement(entry, atom("content"));
    // Content given by reference (`src`) is not in the feed: the summary stands in for it.
    const content = contentElement && !contentElement.attributes["src"] ? textConstruct(contentElement, "html") : "";
    const authors = authorsOf(entry, atom);
    return {
      source: `${file}#entry-${index + 1}`,
      title: atomTitle(childElement(entry, atom("title"))),
      html: content || textConstruct(childElement(entry, atom("summary")), "html"),
      published: fromPublished ? { at: fromPublished, evidence: `atom:published ${published}` } : fromUpdated ? { at: fromUpdated, evidence: `atom:updated ${updated}` } : undefined,
      url: alternateLink(entry, atom, entry.attributes["xml:base"] ?? feedLink),
      terms: childElements(entry, atom("category")).map((category) => category.attributes["label"] || category.attributes["term"] || "").filter(Boolean),
      authors: authors.length ? authors : feedAuthors,
      siteName: siteName || undefined,
    };
  });
  return items.map((item) => ({ item }));
}

/**
 * An Atom text construct as HTML (`as: "html"`) or as text: `type="html"` holds escaped
 * HTML, `type="xhtml"` a `<div>` of markup, `type="text"` (the default) plain text.
 */
function textConstruct(element: XmlElement | undefined, as: "html" | "text"): string {
  if (!element) return "";
  const type = element.attributes["type"] ?? "text";
  if (type === "xhtml") return innerXml(element);
  const value = textOf(element);
  if (type === "html" || as === "text") return value;
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join("\n");
}

/** A title given as HTML or XHTML keeps its words, not its markup. */
function atomTitle(element: XmlElement | undefined): string {
  const value = textConstruct(element, "text");
  const type = element?.attributes["type"] ?? "text";
  return type === "text" ? value : htmlToMarkdown(value).replace(/[ \t\r\n]+/g, " ").trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function authorsOf(element: XmlElement, atom: (local: string) => string): string[] {
  return childElements(element, atom("author"))
    .map((author) => childText(author, atom("name")))
    .filter(Boolean);
}

/** The `alternate` link (a link without `rel` is one), made absolute against `xml:base` or the feed's own address. */
function alternateLink(element: XmlElement, atom: (local: string) => string, base: string | undefined): string | undefined {
  const link = childElements(element, atom("link")).find((candidate) => (candidate.attributes["rel"] ?? "alternate") === "alternate");
  const href = link?.attributes["href"];
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
