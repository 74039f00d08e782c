import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from "yaml";
import type { Diagnostic } from "../records/diagnostic.ts";
import { readSimpleYaml } from "./yaml-block.ts";
import { yamlLimitProblem } from "./yaml-limits.ts";

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
 * Syntax errors become diagnostics; the data is then `undefined`. A text over the limits of
 * nesting or size (./yaml-limits.ts) is refused before either reader runs, with a `yaml-limit`
 * error. The simple YAML most files hold is read directly (yaml-block.ts), the rest by the
 * YAML parser.
 */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  return overLimits(text, file, firstLine) ?? readSimpleYaml(text, firstLine) ?? parseWithinLimits(text, file, firstLine);
}

/** The YAML parser itself: a document with the position of every node (within the limits, as parseYaml). */
export function parseYamlDocument(text: string, file: string, firstLine = 1): ParsedYaml {
  return overLimits(text, file, firstLine) ?? parseWithinLimits(text, file, firstLine);
}

/** The refusal of a text over the limits, or undefined when it is within them. */
function overLimits(text: string, file: string, firstLine: number): ParsedYaml | undefined {
  const problem = yamlLimitProblem(text, firstLine);
  if (!problem) return undefined;
  const diagnostic: Diagnostic = { file, line: problem.line, rule: "yaml-limit", severity: "error", message: problem.message, fix: problem.fix };
  return { data: undefined, diagnostics: [diagnostic], lineOf: () => problem.line };
}

function parseWithinLimits(text: string, file: string, firstLine: number): ParsedYaml {
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
