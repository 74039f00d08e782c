import { parseHTML } from "linkedom";
import { readJsonLd, type JsonLdFacts } from "./json-ld.ts";
import type { PageMeta } from "./source-doc.ts";
import { safeHttpUrl } from "../text/safe-url.ts";

/**
 * What a saved page says about itself: `<meta>` tags (OpenGraph, Twitter, Dublin Core,
 * Parse.ly, Sailthru), JSON-LD, microdata (`itemprop`), `<link rel=canonical>`, `<time>`,
 * `<h1>` and `<title>`. Each fact is read from an ordered list of sources, the most
 * deliberate first (JSON-LD and OpenGraph are written for machines; `<title>` for tabs),
 * and the source used is recorded in `evidence`. With it, the headline element the title and
 * the date were read by, for the reader to find the story under it.
 */
export function readPageMeta(document: Document, options: { url?: string } = {}): { meta: PageMeta; headline: Element | undefined } {
  // One query for the head-like elements: each query walks the whole page.
  const elements = [...document.querySelectorAll("meta, script, link, title")];
  const ofTag = (name: string): Element[] => elements.filter((element) => element.tagName.toLowerCase() === name);
  const tags = indexMetaTags(ofTag("meta"));
  const jsonLd = safely(() => readJsonLd(jsonLdBlocks(ofTag("script"))), { authors: [], keywords: [] } as JsonLdFacts);
  const evidence: Record<string, string> = {};
  const meta: PageMeta = { evidence };
  const set = (field: Exclude<keyof PageMeta, "evidence" | "keywords">, found: Found | undefined): void => {
    if (!found) return;
    meta[field] = found.value;
    evidence[field] = found.evidence;
  };
  const fromTags = (...keys: string[]): Found | undefined => firstOf(keys.map((key) => () => tags.get(key.toLowerCase())?.[0]));
  const fromJsonLd = (field: string, value: string | undefined): Found | undefined => clean(value, `json-ld:${field}`);

  // Only an http(s) address is the page's: a `javascript:` or `data:` canonical would become the link to the original.
  set("url", firstOf([() => canonicalUrl(ofTag("link"), options.url ?? tags.get("og:url")?.[0]?.value), () => httpUrl(fromTags("og:url")), () => httpUrl(clean(options.url, "options.url"))]));

  set(
    "siteName",
    firstOf([
      () => fromTags("og:site_name"),
      () => (jsonLd.siteName ? fromJsonLd(jsonLd.siteName.field, jsonLd.siteName.value) : undefined),
      () => fromTags("application-name", "apple-mobile-web-app-title"),
      () => microdata(document, "publisher", "name"),
    ]),
  );

  const declaredTitle = firstOf([
    () => (jsonLd.headline ? fromJsonLd(jsonLd.headline.field, jsonLd.headline.value) : undefined),
    () => fromTags("og:title", "twitter:title"),
    () => microdata(document, "headline"),
  ]);
  const headline = headlineElement(document, meta.siteName, declaredTitle ? stripSiteName(declaredTitle.value, [meta.siteName, meta.url, options.url]) : undefined);
  const title = firstOf([
    () => declaredTitle,
    () => (headline ? clean(textOf(headline), "h1") : undefined),
    () => clean(titleText(ofTag("title")), "title"),
  ]);
  if (title) {
    const stripped = stripSiteName(title.value, [meta.siteName, meta.url, options.url]);
    set("title", { value: stripped, evidence: title.evidence });
  }

  set(
    "published",
    firstOf([
      () => fromJsonLd("datePublished", jsonLd.datePublished),
      () => fromTags("article:published_time", "og:published_time", "og:article:published_time"),
      () => microdata(document, "datePublished"),
      () => fromTags("date", "pubdate"),
      () => attribute(document, "time[pubdate][datetime]", "datetime", "time[pubdate]"),
      () => fromTags("DC.date.issued", "dcterms.issued", "DC.date", "parsely-pub-date", "sailthru.date"),
      () => articleTime(document, headline),
    ]),
  );
  set(
    "modified",
    firstOf([
      () => fromJsonLd("dateModified", jsonLd.dateModified),
      () => fromTags("article:modified_time", "og:updated_time", "og:article:modified_time"),
      () => microdata(document, "dateModified"),
      () => fromTags("last-modified", "DC.date.modified", "dcterms.modified"),
    ]),
  );
  set("description", firstOf([() => fromTags("og:description", "description", "twitter:description"), () => fromJsonLd("description", jsonLd.description)]));
  set(
    "author",
    firstOf([
      () => fromJsonLd("author.name", jsonLd.authors.join(", ")),
      () => notUrl(fromTags("author", "article:author", "parsely-author", "sailthru.author", "DC.creator")),
      () => microdata(document, "author", "name") ?? microdata(document, "author"),
    ]),
  );
  set("section", firstOf([() => fromTags("article:section", "parsely-section"), () => fromJsonLd("articleSection", jsonLd.section)]));
  if (meta.title) meta.title = stripAuthorAndSection(meta.title, meta.author, meta.section);
  set("lang", firstOf([() => clean(document.documentElement?.getAttribute("lang") ?? undefined, "html[lang]"), () => fromTags("content-language")]));

  const keywords = [tags.get("news_keywords"), tags.get("keywords"), tags.get("article:tag"), jsonLd.keywords.map((value) => ({ value, evidence: "json-ld:keywords" }))]
    .map(keywordList)
    .find((list) => list !== undefined);
  if (keywords) {
    meta.keywords = keywords.values;
    evidence["keywords"] = keywords.evidence;
  }
  return { meta, headline };
}

/** A value and where it was read, e.g. `meta[property=og:title]`. */
export interface Found {
  value: string;
  evidence: string;
}

/**
 * The headline element: the `<h1>` that says the title the page declares for machines
 * (OpenGraph, JSON-LD), else the `<h1>` of the article (`<article>`, `<main>`), else the
 * first `<h1>` outside the page's header, navigation and footer, else the first that is not
 * the site's name (a logo is often a page's first `<h1>`, and a headline's own `<header>` is
 * no sign of the page's header).
 */
function headlineElement(document: Document, siteName?: string, title?: string): Element | undefined {
  const all = [...document.querySelectorAll("h1")].filter((h1) => textOf(h1) !== "");
  const site = siteName ? fold(siteName) : undefined;
  const declared = title ? fold(title) : "";
  return (
    (declared ? all.find((h1) => fold(textOf(h1)) === declared) : undefined) ??
    all.find((h1) => h1.closest("article")) ??
    all.find((h1) => h1.closest("main, [role=main]")) ??
    all.find((h1) => !h1.closest("header, nav, footer, aside")) ??
    all.find((h1) => fold(textOf(h1)) !== site)
  );
}

/** Title separators: a dash, pipe, bullet, colon or slash with spaces around it. */
const SEPARATOR = /\s+(?:[-–—|•·:/]|::)\s+/;

/**
 * Removes the site's name when a title carries it as a separator-delimited prefix or suffix
 * ("Titre - Le Site", "Le Site.fr - Titre", "Titre | Le Site | Rubrique"). A segment is the
 * site's name when, letters and digits only, it equals the name, the domain ("lesite.fr")
 * or the domain's main label, with or without a top-level domain; a segment written as a
 * domain ("Le Site.fr") is one even when the site is not known. Anything that is not a
 * whole segment is kept: a headline may mention a site. A colon sets a headline's topic
 * apart ("Cyberattaque : Exemple.fr") more often than a site's name, so a domain-like
 * segment after or before a colon is kept unless it is the known site.
 */
export function stripSiteName(title: string, sites: ReadonlyArray<string | undefined>): string {
  const keys = new Set(sites.flatMap((site) => (site ? siteKeys(site) : [])));
  const segments = splitSegments(title);
  if (segments.length < 2) return title;
  const isSite = (segment: string, separator: string): boolean =>
    segmentKeys(segment).some((key) => keys.has(key)) || (separator.trim() !== ":" && DOMAIN_LIKE.test(segment.trim()));
  const suffixAt = segments.findIndex((segment, index) => index > 0 && isSite(segment.text, segment.before));
  if (suffixAt > 0) return title.slice(0, (segments[suffixAt] as Segment).start).replace(SEPARATOR_END, "").trim();
  const prefixAt = findLastIndex(segments, (segment, index) => index < segments.length - 1 && isSite(segment.text, segments[index + 1]?.before ?? ""));
  if (prefixAt >= 0) return title.slice((segments[prefixAt + 1] as Segment).start).trim();
  return title;
}

/**
 * Removes the byline a title ends with ("Titre | Jean Dupont", "Titre - Par Jean Dupont") and the
 * rubric it starts with ("Société | Titre"), when the page's author or section names them. A
 * segment after a colon is the headline's own ("Justice : le procès s'ouvre"), never removed.
 */
export function stripAuthorAndSection(title: string, author: string | undefined, section: string | undefined): string {
  const authors = new Set((author ?? "").split(/\s*[,;&]\s*|\s+(?:et|and)\s+/).map(fold).filter(Boolean));
  const sectionKey = section ? fold(section) : "";
  let out = title;
  for (let segments = splitSegments(out); segments.length >= 2; segments = splitSegments(out)) {
    const last = segments.at(-1) as Segment;
    const second = segments[1] as Segment;
    if (last.before.trim() !== ":" && authors.has(fold(last.text.replace(/^(?:par|by)\s+/i, "")))) out = out.slice(0, last.start).replace(SEPARATOR_END, "").trim();
    else if (sectionKey && second.before.trim() !== ":" && fold(segments[0]?.text ?? "") === sectionKey) out = out.slice(second.start).trim();
    else break;
  }
  return out;
}

/** A segment written as a domain ("Le Site.fr", "lesite.com"): a site's name even when the page gives none. */
const DOMAIN_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}' -]{0,40}\.(?:fr|ma|dz|tn|sn|ci|be|ch|ca|com|net|org|info|press|news)$/iu;

interface Segment {
  text: string;
  start: number;
  /** The separator before the segment ("" for the first). */
  before: string;
}

const SEPARATOR_END = new RegExp(`(?:${SEPARATOR.source})$`);

function splitSegments(title: string): Segment[] {
  const segments: Segment[] = [];
  const separator = new RegExp(SEPARATOR.source, "g");
  let start = 0;
  let before = "";
  for (let match = separator.exec(title); match; match = separator.exec(title)) {
    segments.push({ text: title.slice(start, match.index), start, before });
    start = match.index + match[0].length;
    before = match[0];
  }
  segments.push({ text: title.slice(start), start, before });
  return segments;
}

/** `https://www.le-site.fr/x` → `lesitefr`, `lesite`; `Le Site` → `lesite`. */
function siteKeys(site: string): string[] {
  const host = /^[a-z][a-z\d+.-]*:\/\/([^/?#:]+)/i.exec(site.trim())?.[1];
  if (!host) return segmentKeys(site);
  const labels = host.toLowerCase().replace(/^www\d*\./, "").split(".");
  // The registered name: the label before the top-level domain, or before a short
  // second level ("co" in "site.co.uk").
  const short = labels.length >= 3 && (labels.at(-2) ?? "").length <= 3;
  const name = labels.at(short ? -3 : -2) ?? labels[0] ?? "";
  return [fold(labels.join(".")), fold(name)].filter(Boolean);
}

/** A segment as is, and without a top-level domain ("Le Site.fr" → "lesite"). */
function segmentKeys(segment: string): string[] {
  const withoutTld = segment.trim().replace(/\.(?:[a-z]{2,3}|info|news|media|online)$/i, "");
  return [fold(segment), fold(withoutTld)].filter(Boolean);
}

/** Letters and digits only, lower-cased, accents off: for comparing names. */
function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Entities decoded (pages and JSON-LD often double-encode them: `&amp;eacute;`), tags
 * dropped, invisible characters out, every kind of space collapsed to one.
 */
export function cleanText(value: string): string {
  let text = value;
  // Twice at most: `&amp;eacute;` is an entity encoded twice, a third level is text.
  for (let pass = 0; pass < 2 && /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/i.test(text); pass++) text = decodeEntities(text);
  if (/<\/?[a-z][^>]*>/i.test(text)) text = text.replace(/<\/?[a-z][^>]*>/gi, " ");
  return text
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

let decoder: Element | undefined;

/** HTML entities decoded by the HTML parser itself, which knows all of them. */
function decodeEntities(value: string): string {
  decoder ??= parseHTML("<!DOCTYPE html><html><body><div></div></body></html>").document.querySelector("div") ?? undefined;
  if (!decoder) return value;
  decoder.innerHTML = value.replace(/</g, "&lt;");
  return decoder.textContent ?? value;
}

/** A text with `<br>` and block boundaries read as spaces: `<h1>Titre<br>suite</h1>` is two words. */
export function textOf(element: Element): string {
  let text = "";
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.nodeValue ?? "";
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag === "script" || tag === "style" || tag === "template") continue;
        if (tag === "br") text += " ";
        else {
          walk(child);
          if (BLOCK_TAGS.has(tag)) text += " ";
        }
      }
    }
  };
  walk(element);
  return cleanText(text);
}

const BLOCK_TAGS = new Set(["p", "div", "li", "section", "header"]);

/** `<meta>` tags by lower-cased name (`property`, `name`, `itemprop` or `http-equiv`), in page order. */
function indexMetaTags(metas: readonly Element[]): Map<string, Found[]> {
  const tags = new Map<string, Found[]>();
  for (const element of metas) {
    const attr = ["property", "name", "itemprop", "http-equiv"].find((name) => element.getAttribute(name));
    const content = element.getAttribute("content");
    if (!attr || content === null) continue;
    const key = (element.getAttribute(attr) ?? "").trim();
    const found = clean(content, `meta[${attr}=${key}]`);
    if (!found) continue;
    const list = tags.get(key.toLowerCase());
    if (list) list.push(found);
    else tags.set(key.toLowerCase(), [found]);
  }
  return tags;
}

function jsonLdBlocks(scripts: readonly Element[]): string[] {
  return scripts.filter((script) => /ld\+json/i.test(script.getAttribute("type") ?? "")).map((script) => script.textContent ?? "");
}

/**
 * `<link rel=canonical>`, made absolute against the page's address when it is relative.
 * A canonical pointing at nothing useful (`/`, empty) is ignored.
 */
function canonicalUrl(links: readonly Element[], base: string | undefined): Found | undefined {
  for (const link of links) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = (link.getAttribute("href") ?? "").trim();
    if (!rel.includes("canonical") || href === "" || href === "/") continue;
    const found = httpUrl(clean(absolute(href, base), "link[rel=canonical]"));
    if (found) return found;
  }
  return undefined;
}

function absolute(href: string, base: string | undefined): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(href) || !base) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * A microdata property (`itemprop`), read from `content`, `datetime` or (not for dates)
 * the text; with `child`, the nested property (`publisher` → `name`).
 */
function microdata(document: Document, property: string, child?: string): Found | undefined {
  const isDate = property.startsWith("date");
  for (const element of document.querySelectorAll("[itemprop]")) {
    if (!tokens(element.getAttribute("itemprop")).includes(property)) continue;
    const target = child ? [...element.querySelectorAll("[itemprop]")].find((inner) => tokens(inner.getAttribute("itemprop")).includes(child)) : element;
    if (!target) continue;
    const tag = target.tagName.toLowerCase();
    // A date is read from its machine-readable attribute only: the text is for readers ("hier à 18h").
    const value = target.getAttribute("content") ?? target.getAttribute("datetime") ?? (isDate ? undefined : textOf(target));
    const found = clean(value, child ? `[itemprop=${property}] [itemprop=${child}]` : `${tag}[itemprop=${property}]`);
    if (found) return found;
  }
  return undefined;
}

function tokens(value: string | null): string[] {
  return (value ?? "").trim().split(/\s+/);
}

function attribute(document: Document, selector: string, name: string, evidence: string): Found | undefined {
  return clean(document.querySelector(selector)?.getAttribute(name) ?? undefined, evidence);
}

/**
 * The first `<time datetime>` of the article, of the headline's header, or of the block right
 * under the headline (where the byline and the date stand): a date in a sidebar is another
 * story's, and the page header's is today's.
 */
function articleTime(document: Document, headline: Element | undefined): Found | undefined {
  const scopes = [
    () => headline?.closest("article"),
    () => document.querySelector("article"),
    () => headline?.closest("header"),
    () => document.querySelector("main header"),
    () => (headline?.closest("header") ?? headline)?.nextElementSibling,
  ];
  for (const scope of scopes) {
    const time = safely(scope, undefined)?.querySelector("time[datetime]");
    const found = clean(time?.getAttribute("datetime") ?? undefined, "time[datetime]");
    if (found) return found;
  }
  return undefined;
}

/** The page's `<title>`; an SVG's `<title>` names a picture. */
function titleText(titles: readonly Element[]): string | undefined {
  const title = titles.find((element) => !element.closest("svg"));
  return title ? (title.textContent ?? undefined) : undefined;
}

/** Keywords from one source (several `article:tag` tags, or one comma-separated list), trimmed, each once. */
function keywordList(found: readonly Found[] | undefined): { values: string[]; evidence: string } | undefined {
  if (!found || found.length === 0) return undefined;
  const values = [...new Set(found.flatMap((entry) => entry.value.split(",")).map((keyword) => cleanText(keyword)).filter(Boolean))];
  return values.length > 0 ? { values, evidence: (found[0] as Found).evidence } : undefined;
}

/** The address found, normalised, when it is an http(s) one (see safeHttpUrl). */
function httpUrl(found: Found | undefined): Found | undefined {
  const url = safeHttpUrl(found?.value);
  return found && url ? { value: url, evidence: found.evidence } : undefined;
}

function notUrl(found: Found | undefined): Found | undefined {
  return found && !/^https?:\/\//i.test(found.value) ? found : undefined;
}

function clean(value: string | undefined, evidence: string): Found | undefined {
  if (value === undefined) return undefined;
  const text = cleanText(value);
  return text ? { value: text, evidence } : undefined;
}

function firstOf(sources: ReadonlyArray<() => Found | undefined>): Found | undefined {
  for (const source of sources) {
    const found = safely(source, undefined);
    if (found) return found;
  }
  return undefined;
}

/** One broken source (an odd selector on odd markup) must not cost the others. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function findLastIndex<T>(list: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let index = list.length - 1; index >= 0; index--) if (test(list[index] as T, index)) return index;
  return -1;
}
