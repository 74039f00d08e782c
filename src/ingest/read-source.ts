import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { SourceFormat } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import type { PageFurnitureRules } from "../model/knowledge.ts";
import { removeControlCharacters } from "../text/control-characters.ts";
import { decodeSource } from "./decode.ts";
import { readMarkdown } from "./markdown.ts";
import { lineAt, withoutControlCharacters } from "./source-text.ts";
import type { SourceDoc } from "./source-doc.ts";
import { readText } from "./text.ts";

/** File extension → format. A new input format is one reader and one line here. */
export const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
};

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/**
 * What reading a source may need besides its text: the address it was saved from, and the
 * knowledge base's furniture vocabulary (`kb.rules.pageFurniture`), which a saved HTML page
 * cannot be read without.
 */
export interface ReadOptions {
  url?: string;
  /** The format to read, whatever the file's extension says (a site's `.mkd` post, or its HTML post after front matter, is read as Markdown). */
  format?: SourceFormat;
  pageFurniture?: PageFurnitureRules;
}

/** A source read: its document, or none when it cannot be read; `bytes` are the file's content as read, when it could be. */
export type ReadResult = ({ doc: SourceDoc; diagnostics: Diagnostic[] } | { doc: null; diagnostics: Diagnostic[] }) & { bytes?: Buffer };

export function formatOf(path: string): SourceFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * The HTML reader is loaded when a source needs it: its libraries (linkedom, Readability,
 * rehype) are slow to load, a cost most builds (Markdown only), every extraction worker and
 * every dev-server start would otherwise pay. Reading HTML before loading it is a bug.
 */
let htmlReader: typeof import("./html.ts") | undefined;

/** Loads the readers these sources need (all of them when none are given); call before reading them. */
export async function loadReaders(paths?: Iterable<string>): Promise<void> {
  if (htmlReader) return;
  const needed = paths === undefined || [...paths].some((path) => formatOf(path) === "html");
  if (needed) htmlReader = await import("./html.ts");
}

/** Reads a source file from disk, whatever its bytes: a file that cannot be read is rejected with its reason. */
export function readSourceFile(path: string, display = path, options: ReadOptions = {}): ReadResult {
  const reject = (text: ReturnType<typeof described>): ReadResult => ({
    doc: null,
    diagnostics: [{ file: display, rule: "source-unreadable", severity: "error", ...text }],
  });
  const format = options.format ?? formatOf(path);
  if (!format) return reject(described("source-unsupported-type", { extension: extname(path), extensions: Object.keys(FORMATS) }));
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_SOURCE_BYTES) return reject(described("source-too-large", { megabytes: MAX_SOURCE_BYTES / 1024 / 1024 }));
    bytes = readFileSync(path);
  } catch (error) {
    return reject(described("source-cannot-read", { reason: (error as Error).message }));
  }
  const decoded = decodeSource(bytes, format, display);
  if (decoded.binary) return { doc: null, diagnostics: [decoded.diagnostic], bytes };
  const result = readSource(decoded.text, display, format, options);
  return { doc: result.doc, diagnostics: [...decoded.diagnostics, ...result.diagnostics], bytes };
}

/**
 * Reads a source's text in a given format. Control characters and noncharacters are taken
 * out here, once for every format: from the text as written, and from what the reader
 * decoded from escapes (YAML `"\x07"`, HTML `&#27;`), each time with a warning.
 */
export function readSource(text: string, path: string, format: SourceFormat, options: ReadOptions = {}): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const written = removeControlCharacters(normalized);
  const result = readFormat(written.text, path, format, options);
  const decoded = withoutControlCharacters(result.doc, normalized);
  const diagnostics = [...result.diagnostics];
  if (written.count > 0) diagnostics.unshift(controlCharacterWarning(path, lineAt(normalized, written.first), written.count, written.firstCodePoint));
  if (decoded.count > 0) diagnostics.push(controlCharacterWarning(path, decoded.line, decoded.count, decoded.firstCodePoint, "escape"));
  return { doc: decoded.doc, diagnostics };
}

function readFormat(clean: string, path: string, format: SourceFormat, options: ReadOptions): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  switch (format) {
    case "markdown":
      return readMarkdown(clean, path);
    case "html":
      if (!htmlReader) throw new Error(`reading ${path}: the HTML reader is not loaded (await loadReaders() first)`);
      // Without the vocabulary, a page would keep its teasers and share bars without a word said: a caller's bug, as above.
      if (!options.pageFurniture) throw new Error(`reading ${path}: a saved page needs the furniture rules (pass \`pageFurniture: kb.rules.pageFurniture\`)`);
      return { doc: htmlReader.readHtml(clean, path, options.pageFurniture, options.url ? { url: options.url } : {}), diagnostics: [] };
    case "text":
      return { doc: readText(clean, path), diagnostics: [] };
  }
}

function controlCharacterWarning(file: string, line: number | undefined, count: number, first: string | undefined, via?: "escape"): Diagnostic {
  return {
    file,
    ...(line !== undefined ? { line } : {}),
    rule: "source-control-characters",
    severity: "warning",
    ...described("source-control-characters", { count, first: String(first), escape: via === "escape" ? 1 : 0 }),
  };
}
