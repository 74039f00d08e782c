import { described, type Described } from "../messages/diagnostics.ts";
import { SOURCE_LIMITS } from "./source-limits.ts";

/** Why a Markdown text is refused before it is parsed: the line and the diagnostic's text. */
export type MarkdownLimitProblem = { line: number } & Described;

/**
 * The first line nested deeper than the limit in block quotes and list items, before remark
 * reads the text: remark and the conversion to HTML recurse once per level, and a few
 * kilobytes of `>` on one line exhaust the stack. A line's depth is the list items still open around
 * it (known by their content's indentation) and the `>` and list markers it starts with;
 * fenced code and thematic breaks (`- - -`) open nothing.
 */
export function markdownNestingProblem(text: string, firstLine = 1): MarkdownLimitProblem | undefined {
  const itemColumns: number[] = [];
  let fence: string | undefined;
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    const end = text.indexOf("\n", start);
    const row = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length + 1 : end + 1;
    const fenceMark = FENCE.exec(row)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (row.trim() === "" || THEMATIC_BREAK.test(row)) continue;
    const indent = columnOf(row, row.length - row.trimStart().length);
    while (itemColumns.length > 0 && (itemColumns.at(-1) as number) > indent) itemColumns.pop();
    let depth = itemColumns.length;
    let at = 0;
    for (;;) {
      while (row[at] === " " || row[at] === "\t") at++;
      if (row[at] === ">") {
        depth++;
        at++;
        continue;
      }
      const marker = LIST_MARKER.exec(row.slice(at, at + 12));
      if (!marker) break;
      depth++;
      at += marker[0].length;
      itemColumns.push(columnOf(row, at));
      if (depth > SOURCE_LIMITS.markdownDepth) break;
    }
    if (depth > SOURCE_LIMITS.markdownDepth) {
      return {
        line: firstLine + index,
        ...described("markdown-too-deep", { depth, limit: SOURCE_LIMITS.markdownDepth }),
      };
    }
  }
  return undefined;
}

/**
 * The paragraphs (blocks between blank lines) too long for the inline parser (more than
 * SOURCE_LIMITS.inlineChars characters or SOURCE_LIMITS.inlineDelimiters delimiters), with
 * where each starts in `markdown`.
 */
export function oversizeParagraphs(markdown: string): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  if (markdown.length <= SOURCE_LIMITS.inlineDelimiters) return found;
  let block: number | undefined;
  const close = (end: number) => {
    if (block !== undefined && tooLong(markdown.slice(block, end))) found.push({ offset: block, text: markdown.slice(block, end) });
    block = undefined;
  };
  for (let start = 0; start <= markdown.length; ) {
    const newline = markdown.indexOf("\n", start);
    const end = newline === -1 ? markdown.length : newline;
    if (markdown.slice(start, end).trim() === "") close(start === 0 ? 0 : start - 1);
    else block ??= start;
    start = end + 1;
  }
  close(markdown.length);
  return found;
}

function tooLong(paragraph: string): boolean {
  if (paragraph.length > SOURCE_LIMITS.inlineChars) return true;
  if (paragraph.length <= SOURCE_LIMITS.inlineDelimiters) return false;
  let delimiters = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    // * [ ] _
    if (code === 42 || code === 91 || code === 93 || code === 95) delimiters++;
  }
  return delimiters > SOURCE_LIMITS.inlineDelimiters;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A list marker and the spaces after it (or the line's end). */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** The column of `at` in `row`, a tab stopping at the next multiple of 4 as in CommonMark. */
function columnOf(row: string, at: number): number {
  let column = 0;
  for (let i = 0; i < at; i++) column = row[i] === "\t" ? column + 4 - (column % 4) : column + 1;
  return column;
}
