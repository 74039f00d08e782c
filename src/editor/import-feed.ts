import { htmlToMarkdown } from "../ingest/html-to-markdown.ts";
import { parseIso8601 } from "../archive/written-dates.ts";
import { readPubDate } from "./feed-dates.ts";
import type { ArchiveEntry, ImportedItem } from "./import-item.ts";
import { childElement, childElements, childText, innerXml, prefixOf, qualified, textOf, type XmlElement } from "./xml-tree.ts";

/**
 * Feeds: RSS 2.0 (`<rss><channel><item>`), RSS 1.0 (`<rdf:RDF>`, its `<item>`s beside its
 * `<channel>`) and Atom (`<feed><entry>`, RFC 4287). One article
 * per item: its full text (`content:encoded`, Atom's `content`) or else its description or
 * summary, its link as the article's address, its date, title, authors and categories.
 * An RSS item's `<source>` names the publication it comes from (what aggregators such as
 * Google News write): it is the article's outlet, and its name is taken off the end of the
 * title they append it to (`Le titre - Le Monde`). An Atom entry's `<source>` (RFC 4287
 * 4.2.11, an aggregator's copy of another feed's entry) gives the outlet by its title.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const isContentNamespace = (uri: string) => uri === "http://purl.org/rss/1.0/modules/content/";
const isDublinCore = (uri: string) => uri === "http://purl.org/dc/elements/1.1/";
const isRdfSyntax = (uri: string) => uri === "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const isRss1 = (uri: string) => uri === "http://purl.org/rss/1.0/";
/**
 * FeedBurner served many blogs' feeds with each item's link through its own address
 * (`feeds.feedburner.com/~r/…`, `feedproxy.google.com/~r/…`, gone since 2022) and the post's
 * own in `feedburner:origLink`, which is the article's address.
 */
const isFeedBurner = (uri: string) => uri === "http://rssnamespace.org/feedburner/ext/1.0";

export function isRss(root: XmlElement): boolean {
  return root.name === "rss" && childElement(root, "channel") !== undefined;
}

export function isAtom(root: XmlElement): boolean {
  const prefix = prefixOf(root, (uri) => uri === ATOM);
  return prefix !== undefined && root.name === qualified(prefix, "feed");
}

/** RSS 1.0: RDF whose `channel` and `item`s are in RSS 1.0's namespace. */
export function isRdfFeed(root: XmlElement): boolean {
  const rdf = prefixOf(root, isRdfSyntax);
  const rss = prefixOf(root, isRss1);
  return rdf !== undefined && rss !== undefined && root.name === qualified(rdf, "RDF");
}

export function readRss(root: XmlElement, file: string): ArchiveEntry[] {
  const channel = childElement(root, "channel");
  if (!channel) return [];
  const read = rssItemReader(root, "", childText(channel, "title"), file);
  return childElements(channel, "item").map((item, index) => ({ item: read(item, index) }));
}

/** RSS 1.0's items are the root's children, not the channel's; their elements are RSS 2.0's, less `pubDate` and `category` (Dublin Core's `date` and `subject`). */
export function readRdfFeed(root: XmlElement, file: string): ArchiveEntry[] {
  const rss = prefixOf(root, isRss1) ?? "";
  const channel = childElement(root, qualified(rss, "channel"));
  const read = rssItemReader(root, rss, channel ? childText(channel, qualified(rss, "title")) : "", file);
  return childElements(root, qualified(rss, "item")).map((item, index) => ({ item: read(item, index) }));
}

function rssItemReader(root: XmlElement, rss: string, siteName: string, file: string): (item: XmlElement, index: number) => ImportedItem {
  const content = prefixOf(root, isContentNamespace) ?? "content";
  const dc = prefixOf(root, isDublinCore) ?? "dc";
  const feedburner = prefixOf(root, isFeedBurner) ?? "feedburner";
  // RSS 2.0's own elements have no namespace; RSS 1.0's are in its namespace, declared as the default one.
  const own = (local: string) => qualified(rss, local);
  return (item, index) => {
    const guid = childElement(item, own("guid"));
    // A guid is the item's address unless it says otherwise (`isPermaLink="false"`).
    const guidLink = guid && guid.attributes["isPermaLink"] !== "false" ? textOf(guid) : "";
    const pubDate = childText(item, own("pubDate"));
    const dcDate = childText(item, qualified(dc, "date"));
    const fromPubDate = readPubDate(pubDate);
    const fromDcDate = fromPubDate ? undefined : parseIso8601(dcDate);
    const creators = childElements(item, qualified(dc, "creator")).map((creator) => textOf(creator));
    const author = rssAuthor(childText(item, own("author")));
    const terms = [...childElements(item, own("category")), ...childElements(item, qualified(dc, "subject"))].map((term) => textOf(term));
    const fullText = childText(item, qualified(content, "encoded"));
    const publication = childText(item, own("source"));
    return {
      source: `${file}#item-${index + 1}`,
      title: withoutPublication(childText(item, own("title")), publication),
      html: fullText || childText(item, own("description")),
      ...(fullText ? {} : { fromSummary: "description" }),
      published: fromPubDate ? { at: fromPubDate, evidence: `pubDate ${pubDate}` } : fromDcDate ? { at: fromDcDate, evidence: `dc:date ${dcDate}` } : undefined,
      url: childText(item, qualified(feedburner, "origLink")) || childText(item, own("link")) || guidLink || undefined,
      terms,
      authors: creators.length ? creators : author ? [author] : [],
      unreadDate: pubDate && !fromPubDate && !fromDcDate ? { key: "pubDate", value: pubDate } : undefined,
      siteName: publication || siteName || undefined,
    };
  };
}

/** A title without the publication's name an aggregator appended to it: `Le titre - Le Monde` → `Le titre`. */
function withoutPublication(title: string, publication: string): string {
  if (!publication) return title;
  for (const separator of [" - ", " – ", " — ", " | "]) {
    const suffix = `${separator}${publication}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
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
  const siteName = atomTitle(childElement(root, atom("title")));
  const feedAuthors = authorsOf(root, atom);
  const feedLink = alternateLink(root, atom, root.attributes["xml:base"]);
  const feedburner = prefixOf(root, isFeedBurner) ?? "feedburner";
  const items = childElements(root, atom("entry")).map((entry, index): ImportedItem => {
    const published = childText(entry, atom("published"));
    const updated = childText(entry, atom("updated"));
    const fromPublished = parseIso8601(published);
    const fromUpdated = fromPublished ? undefined : parseIso8601(updated);
    const contentElement = childElement(entry, atom("content"));
    // Content given by reference (`src`) is not in the feed: the summary stands in for it.
    const content = contentElement && !contentElement.attributes["src"] ? textConstruct(contentElement, "html") : "";
    const authors = authorsOf(entry, atom);
    const source = childElement(entry, atom("source"));
    const publication = source ? atomTitle(childElement(source, atom("title"))) : "";
    return {
      source: `${file}#entry-${index + 1}`,
      title: atomTitle(childElement(entry, atom("title"))),
      html: content || textConstruct(childElement(entry, atom("summary")), "html"),
      ...(content ? {} : { fromSummary: "summary" }),
      published: fromPublished ? { at: fromPublished, evidence: `atom:published ${published}` } : fromUpdated ? { at: fromUpdated, evidence: `atom:updated ${updated}` } : undefined,
      url: childText(entry, qualified(feedburner, "origLink")) || alternateLink(entry, atom, entry.attributes["xml:base"] ?? feedLink),
      terms: childElements(entry, atom("category")).map((category) => category.attributes["label"] || category.attributes["term"] || "").filter(Boolean),
      authors: authors.length ? authors : feedAuthors,
      siteName: publication || siteName || undefined,
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
