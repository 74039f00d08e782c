import { described, type Described } from "../messages/diagnostics.ts";
import { SOURCE_LIMITS } from "./source-limits.ts";

/** Why a YAML text is refused before it is parsed: the line (of the file) and the diagnostic's text. */
export type YamlLimitProblem = { line: number } & Described;

/**
 * Checks a YAML text against the limits (./source-limits.ts) in one pass over its lines,
 * without parsing it: both YAML readers recurse once per level and read a long line with
 * patterns that can exhaust the stack, so a map nested far deeper than any front matter or a
 * value of megabytes must be refused before they run. The nesting is measured as the YAML parser will see it, closely enough:
 * the indentation levels open at a line, the `- ` items that open on it, and the flow
 * brackets (`[`, `{`) open around it; text in quotes, comments and block scalars (`|`, `>`)
 * opens nothing.
 */
export function yamlLimitProblem(text: string, firstLine: number): YamlLimitProblem | undefined {
  if (text.length > SOURCE_LIMITS.yamlChars) {
    return { line: firstLine, ...described("yaml-too-long", { size: kilobytes(text.length), limit: kilobytes(SOURCE_LIMITS.yamlChars) }) };
  }
  const scanner = new NestingScanner();
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    const end = text.indexOf("\n", start);
    const row = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length + 1 : end + 1;
    const line = firstLine + index;
    if (row.length > SOURCE_LIMITS.yamlLineChars) {
      return { line, ...described("yaml-line-too-long", { size: kilobytes(row.length), limit: kilobytes(SOURCE_LIMITS.yamlLineChars) }) };
    }
    const depth = scanner.line(row);
    if (depth > SOURCE_LIMITS.yamlDepth) {
      return { line, ...described("yaml-too-deep", { depth, limit: SOURCE_LIMITS.yamlDepth }) };
    }
  }
  return undefined;
}

const kilobytes = (chars: number) => Math.ceil(chars / 1024);

/** The nesting open at each line of a YAML text, fed one line at a time. */
class NestingScanner {
  /** Indentations of the block collections open. */
  private readonly indents: number[] = [];
  /** Flow brackets open (a flow collection may span lines). */
  private flow = 0;
  /** The quote a quoted scalar that spans lines is still inside. */
  private quote: '"' | "'" | undefined;
  /** Inside a block scalar: the indentation of the line that opened it (its text is more indented). */
  private blockScalarParent: number | undefined;

  /** The nesting depth of this line. */
  line(row: string): number {
    const indent = row.length - row.trimStart().length;
    const content = row.slice(indent);
    if (this.blockScalarParent !== undefined) {
      if (content === "" || indent > this.blockScalarParent) return this.depth(0);
      this.blockScalarParent = undefined;
    }
    if (this.quote === undefined && this.flow === 0) {
      if (content === "" || content.startsWith("#")) return this.depth(0);
      while (this.indents.length > 0 && (this.indents.at(-1) as number) > indent) this.indents.pop();
      if (this.indents.length === 0 || (this.indents.at(-1) as number) < indent) this.indents.push(indent);
    }
    let deepest = this.depth(0);
    let items = 0;
    let at = indent;
    while (at < row.length) {
      if (this.quote) {
        at = this.closeQuote(row, at);
        continue;
      }
      const char = row[at] as string;
      const next = row[at + 1];
      const spaceAfter = next === undefined || next === " ";
      if (char === " ") at++;
      else if (char === "#") break;
      else if (char === "[" || char === "{") {
        this.flow++;
        deepest = Math.max(deepest, this.depth(items));
        at++;
      } else if (char === "]" || char === "}") {
        if (this.flow > 0) this.flow--;
        at++;
      } else if (char === ",") at++;
      else if ((char === "-" || char === "?") && spaceAfter && this.flow === 0) {
        items++;
        deepest = Math.max(deepest, this.depth(items - 1));
        at++;
      } else if (char === ":" && spaceAfter) at++;
      else if (char === '"' || char === "'") {
        this.quote = char;
        at = this.closeQuote(row, at + 1);
      } else if ((char === "|" || char === ">") && this.flow === 0) {
        this.blockScalarParent = indent;
        break;
      } else at = this.plainEnd(row, at);
    }
    return deepest;
  }

  private depth(items: number): number {
    return this.indents.length + items + this.flow;
  }

  /** Past the closing quote on this line, or the line's end (the quote stays open). */
  private closeQuote(row: string, from: number): number {
    const quote = this.quote as string;
    for (let at = from; at < row.length; at++) {
      if (quote === '"' && row[at] === "\\") at++;
      else if (row[at] === quote) {
        if (quote === "'" && row[at + 1] === "'") at++;
        else {
          this.quote = undefined;
          return at + 1;
        }
      }
    }
    return row.length;
  }

  /** The end of a plain scalar (or key, tag, anchor) starting at `from`: before `: `, ` #`, or, in a flow collection, its punctuation. */
  private plainEnd(row: string, from: number): number {
    for (let at = from + 1; at < row.length; at++) {
      const char = row[at];
      if (char === ":" && (row[at + 1] === undefined || row[at + 1] === " ")) return at;
      if (char === "#" && row[at - 1] === " ") return at;
      if (this.flow > 0 && (char === "," || char === "[" || char === "]" || char === "{" || char === "}")) return at;
    }
    return row.length;
  }
}
