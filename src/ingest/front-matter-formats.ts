import matter from "gray-matter";
import { parse as parseToml, TomlDate, TomlError } from "smol-toml";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { SOURCE_LIMITS } from "./source-limits.ts";
import { parseYaml } from "./yaml.ts";

/** The front-matter languages of Hugo, Jekyll and Eleventy that Revue reads. */
export type FrontMatterFormat = "yaml" | "toml" | "json";

/** A Markdown file's front matter, read, and the body after it. */
export interface FrontMatterRead {
  /** The keys and values, in prototype-less objects; `{}` when there is none or it could not be read. */
  data: Record<string, unknown>;
  /** 1-based line of each top-level key in the file. */
  lines: Record<string, number>;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/**
 * Reads the front matter a Markdown file opens with, in the form its tool wrote it:
 * - YAML between `---` lines (Jekyll, Eleventy, Hugo), also written `---yaml`;
 * - TOML between `+++` lines (Hugo), also written `---toml`;
 * - JSON: one object from the file's first `{` to its `}` on its own line (Hugo), also between `---json` lines.
 * JavaScript front matter (`---js`, Eleventy) is code and is never run: the file is refused
 * with the reason. gray-matter finds the fences, with parsers that parse nothing (its own
 * would run `---js` through `eval`); each language's parser reads the text after the limits
 * of ./source-limits.ts are checked. Errors name the line: the parser's for YAML and TOML
 * syntax, and a key's line, found by scanning the text, for TOML and JSON values.
 */
export function readFrontMatter(raw: string, path: string): FrontMatterRead {
  const blank = LEADING_BLANK_LINES.exec(raw)?.[0];
  if (blank) {
    const after = readFrontMatterAtStart(raw.slice(blank.length), path);
    // Hugo reads front matter after blank lines; a Markdown file that opens with blank lines and a rule (`---`) has none.
    if (Object.keys(after.data).length && !after.diagnostics.length) return linesAfter(after, blank.split("\n").length - 1);
  }
  return readFrontMatterAtStart(raw, path);
}

const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+(?=---|\+\+\+|\{)/;

/** A reading of the text after `blankLines` lines, with the file's line numbers. */
function linesAfter(read: FrontMatterRead, blankLines: number): FrontMatterRead {
  const lines: Record<string, number> = Object.create(null);
  for (const [key, line] of Object.entries(read.lines)) lines[key] = line + blankLines;
  return { ...read, lines, bodyLine: read.bodyLine + blankLines };
}

function readFrontMatterAtStart(raw: string, path: string): FrontMatterRead {
  const empty = (): FrontMatterRead => ({ data: Object.create(null), lines: Object.create(null), body: raw, bodyLine: 1, diagnostics: [] });
  if (JSON_OPENING.test(raw)) return readJsonObject(raw, path);
  const firstRow = raw.slice(0, lineEnd(raw, 0));
  const fence = FENCE.exec(firstRow);
  if (!fence) return empty();
  const delimiter = fence[1] as "---" | "+++";
  const language = (fence[2] ?? "").toLowerCase();
  const format: FrontMatterFormat | undefined = delimiter === "+++" ? (language === "" || language === "toml" ? "toml" : undefined) : LANGUAGES.get(language);
  // gray-matter looks the language up in its table of parsers: only the names given it (which parse nothing) are split.
  const split = format || language in NO_PARSING ? splitFences(raw, delimiter) : undefined;
  const read: FrontMatterRead = split
    ? { data: Object.create(null), lines: Object.create(null), body: split.content, bodyLine: raw.slice(0, raw.length - split.content.length).split("\n").length, diagnostics: [] }
    : empty();
  if (!format) {
    read.diagnostics.push(refusal(path, language, delimiter));
    return read;
  }
  if (!split || split.matter.trim() === "") return read;
  const text = split.matter.replace(/^\r?\n/, "");
  const parsed = format === "yaml" ? readYaml(text, path) : format === "toml" ? readToml(text, path) : readJson(text, path, 2);
  return { ...read, ...parsed };
}

/** `---` or `+++`, and a language name after `---` (`---toml`). */
const FENCE = /^(---|\+\+\+)[ \t]*([A-Za-z][\w-]*)?[ \t]*$/;
/** Hugo's JSON front matter: the file opens with an object (`{"`, or `{}`); `{{<` and `{%` open shortcodes and Liquid tags, not front matter. */
const JSON_OPENING = /^\{\s*["}]/;
const LANGUAGES: ReadonlyMap<string, FrontMatterFormat> = new Map([["", "yaml"], ["yaml", "yaml"], ["yml", "yaml"], ["toml", "toml"], ["json", "json"]]);
const JAVASCRIPT = new Set(["js", "javascript", "node"]);
const parseNothing = () => ({});
/** gray-matter only splits: every language it would parse (its `javascript` with `eval`) parses nothing. */
const NO_PARSING: Readonly<Record<string, () => object>> = Object.assign(Object.create(null), { yaml: parseNothing, json: parseNothing, toml: parseNothing, javascript: parseNothing, js: parseNothing, coffee: parseNothing });

function splitFences(raw: string, delimiter: string): { matter: string; content: string } | undefined {
  try {
    // An options object also keeps gray-matter from its cache, which would hand back another file's parse.
    const file = matter(raw, { delimiters: delimiter, engines: NO_PARSING } as never);
    return { matter: file.matter ?? "", content: file.content };
  } catch {
    return undefined;
  }
}

function refusal(file: string, language: string, delimiter: string): Diagnostic {
  if (JAVASCRIPT.has(language)) {
    return {
      file,
      line: 1,
      rule: "front-matter-shape",
      severity: "error",
      ...described("front-matter-javascript", {}),
    };
  }
  return {
    file,
    line: 1,
    rule: "front-matter-shape",
    severity: "error",
    ...described("front-matter-language", { language: language || delimiter }),
  };
}

type Parsed = Pick<FrontMatterRead, "data" | "lines" | "diagnostics">;

const shapeError = (file: string, line: number, format: FrontMatterFormat): Diagnostic => ({
  file,
  line,
  rule: "front-matter-shape",
  severity: "error",
  ...described("front-matter-not-a-map", { format }),
});

function readYaml(text: string, path: string): Parsed {
  const parsed = parseYaml(text, path, 2);
  const read: Parsed = { data: Object.create(null), lines: Object.create(null), diagnostics: parsed.diagnostics };
  if (parsed.data === undefined || parsed.data === null) return read;
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    read.diagnostics.push(shapeError(path, 2, "yaml"));
    return read;
  }
  read.data = parsed.data as Record<string, unknown>;
  for (const key of Object.keys(read.data)) read.lines[key] = parsed.lineOf([key]);
  return read;
}

function readToml(text: string, path: string): Parsed {
  const firstLine = 2;
  const read: Parsed = { data: Object.create(null), lines: Object.create(null), diagnostics: [] };
  const problem = sizeProblem(text, firstLine, path);
  if (problem) return { ...read, diagnostics: [problem] };
  let table: unknown;
  try {
    table = parseToml(text, { maxDepth: SOURCE_LIMITS.yamlDepth });
  } catch (error) {
    const line = error instanceof TomlError ? error.line + firstLine - 1 : firstLine;
    const nested = error instanceof TomlError && /nested/i.test(error.message);
    read.diagnostics.push(
      nested
        ? depthProblem(path, line)
        : {
            file: path,
            line,
            rule: "front-matter-shape",
            severity: "error",
            ...described("front-matter-toml-syntax", { detail: String((error as Error).message.split("\n")[0]?.replace(/^Invalid TOML document: /, "")) }),
          },
    );
    return read;
  }
  const data = plainData(table);
  if (data === TOO_DEEP) return { ...read, diagnostics: [depthProblem(path, firstLine)] };
  read.data = data as Record<string, unknown>;
  read.lines = keyLines(read.data, tomlKeyLines(text, firstLine), firstLine);
  return read;
}

/** Hugo's JSON front matter: the object at the very start of the file, its `}` ending a line. */
function readJsonObject(raw: string, path: string): FrontMatterRead {
  const scan = scanJsonObject(raw);
  const failed = (diagnostic: Diagnostic, body = ""): FrontMatterRead => ({ data: Object.create(null), lines: Object.create(null), body, bodyLine: 1, diagnostics: [diagnostic] });
  if (scan.kind === "too-long") return failed(sizeProblem(raw, 1, path) ?? tooLong(path, 1));
  if (scan.kind === "too-deep") return failed(depthProblem(path, scan.line));
  if (scan.kind === "open") return failed(jsonError(path, 1, "unclosed"));
  const after = lineEnd(raw, scan.end + 1);
  if (raw.slice(scan.end + 1, after).trim() !== "") return failed(jsonError(path, scan.line, "text-after"));
  const body = raw.slice(Math.min(after + 1, raw.length));
  const parsed = readJson(raw.slice(0, scan.end + 1), path, 1);
  return { ...parsed, body, bodyLine: scan.line + 1 };
}

function readJson(text: string, path: string, firstLine: number): Parsed {
  const read: Parsed = { data: Object.create(null), lines: Object.create(null), diagnostics: [] };
  const problem = sizeProblem(text, firstLine, path);
  if (problem) return { ...read, diagnostics: [problem] };
  const scan = scanJsonObject(text.trimStart());
  if (scan.kind === "too-deep") return { ...read, diagnostics: [depthProblem(path, scan.line + firstLine - 1)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    const line = at === undefined ? firstLine : firstLine + text.slice(0, Number(at)).split("\n").length - 1;
    return { ...read, diagnostics: [jsonError(path, line, "syntax", message.split("\n")[0] ?? message)] };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ...read, diagnostics: [shapeError(path, firstLine, "json")] };
  const data = plainData(value);
  if (data === TOO_DEEP) return { ...read, diagnostics: [depthProblem(path, firstLine)] };
  read.data = data as Record<string, unknown>;
  const keys = scan.kind === "closed" ? scan.keys : new Map<string, number>();
  read.lines = keyLines(read.data, new Map([...keys].map(([key, line]) => [key, line + firstLine - 1 + leadingLines(text)])), firstLine);
  return read;
}

const jsonError = (file: string, line: number, problem: "unclosed" | "text-after" | "syntax", detail = ""): Diagnostic => ({
  file,
  line,
  rule: "front-matter-shape",
  severity: "error",
  ...described("front-matter-json", { problem, detail }),
});

const TOO_DEEP = Symbol("too deep");

/**
 * A parser's value as front matter holds it: objects without prototype (a `__proto__` key is
 * a key like another), TOML dates as the ISO 8601 text they were written as, nothing nested
 * deeper than the YAML limit (TOML's `[a.b.c]` tables nest without brackets).
 */
function plainData(value: unknown, depth = 0): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (value === null || typeof value !== "object") return value;
  if (depth + 1 > SOURCE_LIMITS.yamlDepth) return TOO_DEEP;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const plain = plainData(item, depth + 1);
      if (plain === TOO_DEEP) return TOO_DEEP;
      items.push(plain);
    }
    return items;
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    const plain = plainData((value as Record<string, unknown>)[key], depth + 1);
    if (plain === TOO_DEEP) return TOO_DEEP;
    out[key] = plain;
  }
  return out;
}

function sizeProblem(text: string, firstLine: number, file: string): Diagnostic | undefined {
  if (text.length > SOURCE_LIMITS.yamlChars) return tooLong(file, firstLine);
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    const end = lineEnd(text, start);
    if (end - start > SOURCE_LIMITS.yamlLineChars) {
      return { file, line: firstLine + index, rule: "yaml-limit", severity: "error", ...described("front-matter-line-too-long", { size: kilobytes(end - start), limit: kilobytes(SOURCE_LIMITS.yamlLineChars) }) };
    }
    start = end + 1;
  }
  return undefined;
}

const tooLong = (file: string, line: number): Diagnostic => ({
  file,
  line,
  rule: "yaml-limit",
  severity: "error",
  ...described("front-matter-too-long", { limit: kilobytes(SOURCE_LIMITS.yamlChars) }),
});

const depthProblem = (file: string, line: number): Diagnostic => ({
  file,
  line,
  rule: "yaml-limit",
  severity: "error",
  ...described("front-matter-too-deep", { limit: SOURCE_LIMITS.yamlDepth }),
});

const kilobytes = (chars: number) => Math.ceil(chars / 1024);

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}

function leadingLines(text: string): number {
  return text.slice(0, text.length - text.trimStart().length).split("\n").length - 1;
}

/** Each top-level key's line: where the scan found it, else the front matter's first line. */
function keyLines(data: Record<string, unknown>, found: ReadonlyMap<string, number>, firstLine: number): Record<string, number> {
  const lines: Record<string, number> = Object.create(null);
  for (const key of Object.keys(data)) lines[key] = found.get(key) ?? firstLine;
  return lines;
}

/**
 * The line of each top-level TOML key: `key = …` or `key.sub = …` before the first table, and
 * `[key]`, `[key.sub]`, `[[key]]` headers. A scan of the lines, not a parse: a line inside a
 * multi-line string that looks like a key comes after the key it belongs to, and only the
 * first line of a key counts.
 */
function tomlKeyLines(text: string, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  let inTable = false;
  text.split("\n").forEach((row, index) => {
    const header = TOML_HEADER.exec(row);
    if (header) {
      inTable = true;
      const key = tomlKey(header[1] as string);
      if (key !== undefined && !lines.has(key)) lines.set(key, firstLine + index);
      return;
    }
    if (inTable) return;
    const entry = TOML_ENTRY.exec(row);
    const key = entry ? tomlKey(entry[1] as string) : undefined;
    if (key !== undefined && !lines.has(key)) lines.set(key, firstLine + index);
  });
  return lines;
}

const TOML_KEY = String.raw`("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)`;
const TOML_HEADER = new RegExp(String.raw`^\s*\[\[?\s*${TOML_KEY}`);
const TOML_ENTRY = new RegExp(String.raw`^\s*${TOML_KEY}\s*[=.]`);

function tomlKey(written: string): string | undefined {
  if (written.startsWith("'")) return written.slice(1, -1);
  if (!written.startsWith('"')) return written;
  try {
    return JSON.parse(written) as string;
  } catch {
    return undefined;
  }
}

type JsonScan =
  | { kind: "closed"; end: number; line: number; keys: Map<string, number> }
  | { kind: "open" }
  | { kind: "too-deep"; line: number }
  | { kind: "too-long" };

/**
 * Finds where the JSON object `text` opens with ends (the `}` that closes it, and its line),
 * the line of each of its own keys, and refuses nesting over the limit before JSON.parse runs.
 * Strings are skipped whole, so braces in them do not count.
 */
function scanJsonObject(text: string): JsonScan {
  const keys = new Map<string, number>();
  let depth = 0;
  let line = 1;
  for (let at = 0; at < text.length; at++) {
    if (at > SOURCE_LIMITS.yamlChars) return { kind: "too-long" };
    const char = text[at];
    if (char === "\n") line++;
    else if (char === '"') {
      const close = stringEnd(text, at);
      if (close === -1) return { kind: "open" };
      if (depth === 1 && /^\s*:/.test(text.slice(close + 1, close + 64))) {
        try {
          const key = JSON.parse(text.slice(at, close + 1)) as string;
          if (!keys.has(key)) keys.set(key, line);
        } catch {
          // Not a valid string: JSON.parse reports it.
        }
      }
      at = close;
    } else if (char === "{" || char === "[") {
      if (++depth > SOURCE_LIMITS.yamlDepth) return { kind: "too-deep", line };
    } else if (char === "}" || char === "]") {
      if (--depth === 0) return { kind: "closed", end: at, line, keys };
    }
  }
  return { kind: "open" };
}

/** The index of the quote that closes the JSON string opening at `from`, or -1 (a string ends on its line). */
function stringEnd(text: string, from: number): number {
  for (let at = from + 1; at < text.length; at++) {
    const char = text[at];
    if (char === "\\") at++;
    else if (char === '"') return at;
    else if (char === "\n") return -1;
  }
  return -1;
}
