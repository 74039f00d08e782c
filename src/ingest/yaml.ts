import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from "yaml";
import type { Diagnostic } from "../records/diagnostic.ts";

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the value at `path` (or of its key, for a map entry), else of the closest parent. */
  lineOf(path: YamlPath): number;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML keeping positions, so that every later error can name its line.
 * `firstLine` is the line of the file where this YAML starts (front matter starts at 2).
 * Syntax errors become diagnostics; the data is then `undefined`.
 */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  return parseFlatText(text, firstLine) ?? parseYamlDocument(text, file, firstLine);
}

/** The YAML parser itself: a document with the position of every node. */
export function parseYamlDocument(text: string, file: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const offset = firstLine - 1;
  const lineAt = (pos: number | undefined): number => (pos === undefined ? firstLine : lineCounter.linePos(pos).line + offset);
  const diagnostics: Diagnostic[] = doc.errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    rule: "yaml-syntax",
    severity: "error",
    message: `YAML syntax error: ${error.message.split("\n")[0]}`,
    fix: "Check indentation, quote values that contain ': ' or start with a special character, and close every quote and bracket.",
  }));
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = toPlainData(doc);
    } catch (error) {
      // An alias to no anchor, or too many aliases: the document parses, its data cannot be made.
      diagnostics.push({ file, line: firstLine, rule: "yaml-syntax", severity: "error", message: `YAML error: ${(error as Error).message}`, fix: "Remove the `*alias`, or set its `&anchor` before it." });
    }
  }
  return { data, diagnostics, lineOf: (path) => lineAt(positionOf(doc, path)) };
}

/** Plain data with no prototype tricks: `__proto__` and friends become ordinary keys. */
function toPlainData(doc: Document): unknown {
  return sanitize(doc.toJS({ maxAliasCount: 100 }));
}

function sanitize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitize);
  if (value instanceof Date) return value;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value)) out[key] = sanitize((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function positionOf(doc: Document, path: YamlPath): number | undefined {
  let node: Node | null | undefined = doc.contents;
  let position = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      position = (pair.key as Node).range?.[0] ?? position;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      position = item.range?.[0] ?? position;
      node = item;
    } else break;
  }
  return position;
}

/**
 * Most front matter is flat lines of `key: text` (a title, a date, an outlet, a URL). Those
 * are read here directly, twenty times faster than through a YAML document (which took
 * 0.1 ms an article, a fifteenth of its extraction). Anything else goes to the YAML parser:
 * lists, nested maps, numbers, booleans, nulls, escapes, comments, indentation, repeated keys,
 * a value that starts with a YAML indicator or holds `: ` or `#`. `undefined` means "not flat
 * text".
 */
function parseFlatText(text: string, firstLine: number): ParsedYaml | undefined {
  const data: Record<string, unknown> = Object.create(null);
  const lines = new Map<string, number>();
  const rows = text.split("\n");
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (row === "") continue;
    const match = FLAT_ENTRY.exec(row);
    if (!match) return undefined;
    const [, key, value] = match as unknown as [string, string, string];
    const parsed = flatText(value);
    if (parsed === undefined || lines.has(key) || CORE_NOT_TEXT.test(key)) return undefined;
    data[key] = parsed;
    lines.set(key, i + firstLine);
  }
  // The line of the first key stands for the whole mapping, as the YAML parser's position does.
  const top = lines.values().next().value;
  if (top === undefined) return undefined;
  return { data, diagnostics: [], lineOf: (path) => (path.length > 0 ? lines.get(String(path[0])) : undefined) ?? top };
}

const FLAT_ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*): +(\S.*)$/;
// Quoted text without escapes; no control character, nor one some YAML readers take for a line break.
const DOUBLE_QUOTED = /^"([^"\\\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*)"$/;
const SINGLE_QUOTED = /^'([^'\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*)'$/;
// A plain scalar that is text: no indicator first, no `: `, `#`, such characters or trailing space.
const PLAIN_TEXT = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:\x00-\x1f\x7f\x85\u2028\u2029\ufeff]|:(?=\S))*(?<![\s:])$/;
// What YAML 1.2's core schema reads as something else than text (the `yaml` package's patterns).
const CORE_NOT_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** The text a flat value stands for, or `undefined` when only the YAML parser can say. */
function flatText(value: string): string | undefined {
  const first = value[0];
  if (first === '"') return DOUBLE_QUOTED.exec(value)?.[1];
  if (first === "'") return SINGLE_QUOTED.exec(value)?.[1];
  return PLAIN_TEXT.test(value) && !CORE_NOT_TEXT.test(value) ? value : undefined;
}
