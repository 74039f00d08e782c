import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from "yaml";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { yamlLimitProblem } from "./yaml-limits.ts";

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the value at `path` (or of its key, for a map entry), else of the closest parent. */
  lineOf(path: YamlPath): number;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML (the `yaml` package's document, with the position of every node) so that
 * every later error can name its line. `firstLine` is the line of the file where this YAML
 * starts (front matter starts at 2). Syntax errors become diagnostics; the data is then
 * `undefined`. A text over the limits of nesting or size (./yaml-limits.ts) is refused
 * before the parser runs, with a `yaml-limit` error: the parser recurses once per level.
 * Aliases are expanded at most `MAX_ALIASES` times (an alias bomb is refused, not built).
 * A key written twice in a map keeps its later value, as Hugo and Jekyll read it (the YAML
 * spec forbids it, yet their archives hold such files), with a warning at that line.
 */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  return overLimits(text, file, firstLine) ?? parseWithinLimits(text, file, firstLine);
}

/** How many times a document may expand its `*alias`es: far more than a front matter or a knowledge-base file needs, far fewer than a bomb's millions. */
const MAX_ALIASES = 100;

/** The refusal of a text over the limits, or undefined when it is within them. */
function overLimits(text: string, file: string, firstLine: number): ParsedYaml | undefined {
  const problem = yamlLimitProblem(text, firstLine);
  if (!problem) return undefined;
  const { line, ...refusal } = problem;
  const diagnostic: Diagnostic = { file, line, rule: "yaml-limit", severity: "error", ...refusal };
  return { data: undefined, diagnostics: [diagnostic], lineOf: () => problem.line };
}

function parseWithinLimits(text: string, file: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const offset = firstLine - 1;
  const lineAt = (pos: number | undefined): number => (pos === undefined ? firstLine : lineCounter.linePos(pos).line + offset);
  const diagnostics: Diagnostic[] = doc.errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    rule: "yaml-syntax",
    severity: "error",
    ...described("yaml-syntax", { detail: error.message.split("\n")[0] ?? "" }),
  }));
  if (diagnostics.length === 0) diagnostics.push(...duplicateKeys(doc, file, lineAt));
  let data: unknown;
  if (diagnostics.every((diagnostic) => diagnostic.severity !== "error")) {
    try {
      data = toPlainData(doc);
    } catch (error) {
      // An alias to no anchor, or too many aliases: the document parses, its data cannot be made.
      diagnostics.push(aliasProblem(doc, file, lineAt, error as Error));
    }
  }
  return { data, diagnostics, lineOf: (path) => lineAt(positionOf(doc, path)) };
}

/** Plain data with no prototype tricks: `__proto__` and friends become ordinary keys. */
function toPlainData(doc: Document): unknown {
  return sanitize(doc.toJS({ maxAliasCount: MAX_ALIASES }));
}

/** Why the aliases of a document that parsed could not be expanded, at the line of its first alias. */
function aliasProblem(doc: Document, file: string, lineAt: (pos: number | undefined) => number, error: Error): Diagnostic {
  let first: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      first = alias.range?.[0];
      return visit.BREAK;
    },
  });
  const line = lineAt(first);
  if (/excessive alias count/i.test(error.message)) {
    return {
      file,
      line,
      rule: "yaml-limit",
      severity: "error",
      ...described("yaml-aliases", { max: MAX_ALIASES }),
    };
  }
  return { file, line, rule: "yaml-syntax", severity: "error", ...described("yaml-alias", { detail: error.message }) };
}

/** A warning for each key a map repeats, at the repeated key's line, in the order of the lines. */
function duplicateKeys(doc: Document, file: string, lineAt: (pos: number | undefined) => number): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const line = lineAt(pair.key.range?.[0]);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, line);
        else found.push({ file, line, rule: "yaml-duplicate-key", severity: "warning", ...described("yaml-duplicate-key", { key, firstLine: earlier }) });
      }
    },
  });
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
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
      // A repeated key's value is its last one.
      const pair = node.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
