import { hasControlCharacters, removeControlCharacters } from "../text/control-characters.ts";
import type { PageMeta, SourceDoc } from "./source-doc.ts";

/**
 * The document with control characters and noncharacters taken out of every string a
 * reader decoded from an escape: front-matter values (YAML's `"\x1B"`), an HTML page's text
 * and metadata (`&#7;`). The text as written was cleaned before the reader ran.
 */
export function withoutControlCharacters(doc: SourceDoc, raw: string): { doc: SourceDoc; count: number; line?: number; firstCodePoint?: string } {
  let count = 0;
  let line: number | undefined;
  let firstCodePoint: string | undefined;
  const clean = (value: string, at: () => number | undefined): string => {
    if (!hasControlCharacters(value)) return value;
    const cleaned = removeControlCharacters(value);
    if (count === 0) {
      line = at();
      firstCodePoint = cleaned.firstCodePoint;
    }
    count += cleaned.count;
    return cleaned.text;
  };
  // A page's character references are decoded by the HTML parser and its text cleaned by the
  // Markdown conversion: they are counted in the markup, where the editor can find them.
  const references = doc.format === "html" ? controlReferences(raw) : undefined;
  const referenceLine = () => references?.line;
  const frontMatter = cleanValues(doc.frontMatter, (key) => () => doc.frontMatterLines[key], clean);
  const meta = cleanValues(doc.meta as unknown as Readonly<Record<string, unknown>>, () => referenceLine, clean) as unknown as PageMeta;
  const text = clean(doc.text, referenceLine);
  const cleanedDoc = count === 0 ? doc : { ...doc, frontMatter, meta, text };
  if (references && references.count > 0) return { doc: cleanedDoc, count: references.count, ...(references.line !== undefined ? { line: references.line } : {}), firstCodePoint: references.firstCodePoint };
  if (count === 0) return { doc, count };
  return { doc: cleanedDoc, count, ...(line !== undefined ? { line } : {}), ...(firstCodePoint ? { firstCodePoint } : {}) };
}

type Clean = (value: string, at: () => number | undefined) => string;

/** A copy of an object's values, strings cleaned at any depth; the same object when none needs it. */
function cleanValues<T extends Readonly<Record<string, unknown>>>(object: T, lineOf: (key: string) => () => number | undefined, clean: Clean): T {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const cleaned = cleanValue(value, lineOf(key), clean);
    if (cleaned === value) continue;
    copy ??= Object.assign(Object.create(Object.getPrototypeOf(object)) as Record<string, unknown>, object);
    copy[key] = cleaned;
  }
  return (copy ?? object) as T;
}

function cleanValue(value: unknown, at: () => number | undefined, clean: Clean, depth = 0): unknown {
  if (typeof value === "string") return clean(value, at);
  // Front matter deeper than this is refused by validation anyway.
  if (depth > 64 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => cleanValue(item, at, clean, depth + 1));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value instanceof Date) return value;
  return cleanValues(value as Record<string, unknown>, () => at, clean);
}

/** HTML character references (`&#7;`, `&#x1b;`) to a control character or noncharacter: how many, the first one's line and code point. */
function controlReferences(raw: string): { count: number; line?: number; firstCodePoint: string } {
  let count = 0;
  let line: number | undefined;
  let firstCodePoint = "";
  if (!raw.includes("&#")) return { count, firstCodePoint };
  for (const match of raw.matchAll(/&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?/g)) {
    const code = match[1] !== undefined ? Number.parseInt(match[1], 16) : Number(match[2]);
    // The HTML parser reads 0x80–0x9F as Windows-1252 characters (`&#150;` is –), and NUL as U+FFFD.
    if (code === 0 || code > 0x10ffff || (code >= 0x80 && code <= 0x9f) || !hasControlCharacters(String.fromCodePoint(code))) continue;
    if (count++ === 0) {
      line = lineAt(raw, match.index ?? 0);
      firstCodePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    }
  }
  return { count, ...(line !== undefined ? { line } : {}), firstCodePoint };
}

export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
