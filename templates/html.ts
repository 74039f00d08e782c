import { withoutNonXmlChars } from "../src/text/xml-chars.ts";

/**
 * HTML (and Atom) written by template literals: `html` escapes every value it is given,
 * unless the value is already markup (`Markup`: what another template returned, or what
 * `trusted` marks as made safe upstream: the article's rendered body, prebuilt SVG, JSON-LD).
 * The templates are functions of the view models (src/site/site-data.ts), which hold every
 * value ready to print: they only loop and format.
 */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Markup made safe before it reaches the templates (never text from a source as it is). */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/** What a template may print: text (escaped), numbers, markup, lists of them; null and undefined print nothing. */
export type Printable = string | number | Markup | null | undefined | readonly Printable[];

const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
/**
 * What ends an element or a quoted attribute, and what is not text at all, which is dropped:
 * the controls and noncharacters XML 1.0 forbids (the same templates write the feeds) and
 * DEL, which HTML parsers report as errors. A lone surrogate is left to the UTF-8 encoder,
 * which writes U+FFFD (matching it needs the `u` flag, which slows every value);
 * xmlDocumentText removes it from XML.
 */
const SPECIAL = /[&"'<>\\\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Text made safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (character) => ESCAPES[character] ?? "");
}

function print(value: Printable): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Markup) return value.text;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeHtml(value);
  let out = "";
  for (const item of value) out += print(item);
  return out;
}

/** A template literal of markup: every value in it is escaped (see `Printable`), markup excepted. */
export function html(strings: TemplateStringsArray, ...values: Printable[]): Markup {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += print(values[i]) + (strings[i + 1] as string);
  return new Markup(out);
}

/**
 * The text of a whole document, as one flat string. Template literals joined piece by piece
 * make a rope in V8, a tree of thousands of small strings for one page. Eleventy keeps the
 * pages of a run in memory while it writes them, and ropes kept that long cost the garbage
 * collector far more than flat strings (docs/performance.md). Matching a regular expression
 * makes V8 flatten a rope (one copy of the page's characters), and its tree becomes garbage
 * at once.
 */
export function documentText(markup: Markup): string {
  const text = markup.text;
  FLATTEN.test(text);
  return text;
}
const FLATTEN = /^/;

/**
 * The text of a whole XML document (the feeds, the sitemap): as documentText, without the
 * characters XML 1.0 forbids. A control character in a source's title would otherwise make
 * the whole feed ill-formed; the readers clean text too, the writer makes sure of it.
 */
export function xmlDocumentText(markup: Markup): string {
  return withoutNonXmlChars(documentText(markup));
}

/** Markup for each item of a list, in order. */
export function each<T>(items: readonly T[], render: (item: T) => Markup): Markup {
  let out = "";
  for (const item of items) out += render(item).text;
  return new Markup(out);
}
