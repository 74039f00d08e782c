import type { ParsedYaml, YamlPath } from "./yaml.ts";

/**
 * The YAML editors write most, read directly: block maps and block sequences of text,
 * whole numbers and true/false, with comment lines and blank lines between them. That is
 * every front matter of `key: text` lines, and every knowledge-base file (a name, aliases
 * as a list, roles as a list of maps). Read here, they are ten times faster than through
 * a YAML document: a knowledge base of 1,200 actors took 0.7 s before the extraction of a
 * large archive could start, and a front matter 0.1 ms an article.
 *
 * Anything else goes to the YAML parser, and `undefined` says so: flow collections, block
 * and quoted scalars with escapes, multi-line text, anchors, tags, empty values (null),
 * other numbers, trailing comments, tabs, repeated keys, or a value that starts with a YAML
 * indicator or holds `: ` or `#`. What is read here is what the YAML parser reads, and each
 * path has the same line (tests/unit/ingest/yaml.test.ts compares them on random documents).
 */
export function readSimpleYaml(text: string, firstLine: number): ParsedYaml | undefined {
  const lines = linesOf(text, firstLine);
  if (!lines || lines.length === 0 || (lines[0] as Line).indent !== 0) return undefined;
  const reader = new BlockReader(lines);
  const root = reader.node();
  if (!root || reader.at !== lines.length) return undefined;
  const [data, position] = root;
  return { data, diagnostics: [], lineOf: (path) => lineOf(position, path) };
}

/** A line that holds something: a map entry (`key: value`, `key:`), or a sequence item (`- value`, `- key: value`). */
interface Line {
  line: number;
  indent: number;
  item: boolean;
  /** The key of a map entry, or of the first entry of a map that a sequence item opens. */
  key?: string;
  /** The text after `key: ` or `- `; absent after `key:` (a nested block follows). */
  value?: string;
  /** The column of the key an item's map starts at (its later entries are indented so). */
  keyIndent?: number;
}

/** Where a node is: its line, and its children's (by key for a map, by index for a sequence). */
interface Position {
  line: number;
  children?: Map<string, Position> | Position[];
}

const SKIPPED = /^ *(?:#.*)?$/;
const ENTRY = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S.*))?$/;
const ITEM = /^( *)-( +)(\S.*)$/;
const ITEM_ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S.*))?$/;

/** The lines that hold something, read as entries and items; `undefined` at the first other one. */
function linesOf(text: string, firstLine: number): Line[] | undefined {
  // Tabs and carriage returns have rules of their own in YAML.
  if (text.includes("\t") || text.includes("\r")) return undefined;
  const lines: Line[] = [];
  const rows = text.split("\n");
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (SKIPPED.test(row)) continue;
    const line = i + firstLine;
    const entry = ENTRY.exec(row);
    if (entry) {
      lines.push({ line, indent: (entry[1] as string).length, item: false, key: entry[2] as string, ...(entry[3] === undefined ? {} : { value: entry[3] }) });
      continue;
    }
    const item = ITEM.exec(row);
    if (!item) return undefined;
    const [, dashIndent, gap, rest] = item as unknown as [string, string, string, string];
    const itemEntry = ITEM_ENTRY.exec(rest);
    if (itemEntry) {
      const keyIndent = dashIndent.length + 1 + gap.length;
      lines.push({ line, indent: dashIndent.length, item: true, key: itemEntry[1] as string, keyIndent, ...(itemEntry[2] === undefined ? {} : { value: itemEntry[2] }) });
    } else lines.push({ line, indent: dashIndent.length, item: true, value: rest });
  }
  return lines;
}

type Node = [unknown, Position];

/** Reads the lines as nested blocks; every method returns `undefined` at the first thing it does not read. */
class BlockReader {
  at = 0;
  constructor(private readonly lines: readonly Line[]) {}

  /** The block that starts at the current line. */
  node(): Node | undefined {
    const first = this.lines[this.at] as Line;
    if (first.item) return this.sequence(first.indent);
    this.at++;
    return this.map(first.indent, first);
  }

  /** A map whose first entry is `first` (already read) and whose entries are indented `indent`. */
  private map(indent: number, first: Line): Node | undefined {
    const data: Record<string, unknown> = Object.create(null);
    const children = new Map<string, Position>();
    for (let entry = first; ; ) {
      const key = entry.key as string;
      if (children.has(key) || CORE_NOT_TEXT.test(key)) return undefined;
      const value = this.value(entry, indent);
      if (!value) return undefined;
      data[key] = value[0];
      children.set(key, value[1]);
      const next = this.lines[this.at];
      if (!next || next.indent < indent) break;
      if (next.indent > indent || next.item) return undefined;
      entry = next;
      this.at++;
    }
    return [data, { line: first.line, children }];
  }

  /** Items indented `indent`, from the current line. */
  private sequence(indent: number): Node | undefined {
    const data: unknown[] = [];
    const children: Position[] = [];
    const firstLine = (this.lines[this.at] as Line).line;
    for (;;) {
      const item = this.lines[this.at++] as Line;
      const node = item.key === undefined ? this.scalarAt(item.value as string, item.line) : this.map(item.keyIndent as number, item);
      if (!node) return undefined;
      data.push(node[0]);
      children.push(node[1]);
      const next = this.lines[this.at];
      if (!next || next.indent < indent || (next.indent === indent && !next.item)) break;
      if (next.indent > indent) return undefined;
    }
    return [data, { line: firstLine, children }];
  }

  /** The value of a map entry indented `indent`: text on its line, or the block below it. */
  private value(entry: Line, indent: number): Node | undefined {
    if (entry.value !== undefined) return this.scalarAt(entry.value, entry.line);
    const next = this.lines[this.at];
    // `key:` then nothing more indented is null; a sequence may sit at the key's own indentation.
    if (!next || next.indent < indent || (next.indent === indent && !next.item)) return undefined;
    const block = this.node();
    return block && [block[0], { line: entry.line, ...(block[1].children ? { children: block[1].children } : {}) }];
  }

  /** A scalar on one line (a more indented line after it, multi-line text, is refused by the block that holds it). */
  private scalarAt(raw: string, line: number): Node | undefined {
    const value = scalar(raw);
    return value === undefined ? undefined : [value, { line }];
  }
}

function lineOf(root: Position, path: YamlPath): number {
  let position = root;
  for (const segment of path) {
    const { children } = position;
    const next = children instanceof Map ? children.get(String(segment)) : Array.isArray(children) && typeof segment === "number" ? children[segment] : undefined;
    if (!next) break;
    position = next;
  }
  return position.line;
}

// Quoted text without escapes; no control character, nor one some YAML readers take for a line break.
const DOUBLE_QUOTED = /^"([^"\\\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*)"$/;
const SINGLE_QUOTED = /^'([^'\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*)'$/;
// A plain scalar that is text: no indicator first, no `: `, `#`, such characters or trailing space.
const PLAIN_TEXT = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:\x00-\x1f\x7f\x85\u2028\u2029\ufeff]|:(?=\S))*(?<![\s:])$/;
// What YAML 1.2's core schema reads as something else than text (the `yaml` package's patterns).
const CORE_NOT_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
// Whole numbers written plainly, small enough to be exact.
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;

/** What a one-line value stands for, or `undefined` when only the YAML parser can say. */
function scalar(value: string): unknown {
  const first = value[0];
  if (first === '"') return DOUBLE_QUOTED.exec(value)?.[1];
  if (first === "'") return SINGLE_QUOTED.exec(value)?.[1];
  if (!CORE_NOT_TEXT.test(value)) return PLAIN_TEXT.test(value) ? value : undefined;
  if (WHOLE_NUMBER.test(value)) return Number(value);
  return value === "true" ? true : value === "false" ? false : undefined;
}
