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
const SPECIAL = /[&"'<>\\]/g;

/** Text made safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (character) => ESCAPES[character] as string);
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

/** Markup for each item of a list, in order. */
export function each<T>(items: readonly T[], render: (item: T) => Markup): Markup {
  let out = "";
  for (const item of items) out += render(item).text;
  return new Markup(out);
}
