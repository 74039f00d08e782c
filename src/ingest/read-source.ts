import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { SourceFormat } from "../records/article.ts";
import type { Diagnostic } from "../records/diagnostic.ts";
import { readMarkdown } from "./markdown.ts";
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

/** A source read: its document, or none when it cannot be read; `bytes` are the file's content as read, when it could be. */
export type ReadResult = ({ doc: SourceDoc; diagnostics: Diagnostic[] } | { doc: null; diagnostics: Diagnostic[] }) & { bytes?: Buffer };

export function formatOf(path: string): SourceFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * The HTML reader is loaded when a source needs it: its libraries (linkedom, Readability,
 * rehype) take 0.7 s to load, which most builds (Markdown only), every extraction worker and
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
export function readSourceFile(path: string, display = path, options: { url?: string } = {}): ReadResult {
  const reject = (message: string, fix?: string): ReadResult => ({
    doc: null,
    diagnostics: [{ file: display, rule: "source-unreadable", severity: "error", message, ...(fix ? { fix } : {}) }],
  });
  const format = formatOf(path);
  if (!format) return reject(`unsupported file type \`${extname(path) || "(none)"}\``, `Use one of ${Object.keys(FORMATS).join(", ")}.`);
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_SOURCE_BYTES) return reject(`file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`, "Split it or remove embedded data.");
    bytes = readFileSync(path);
  } catch (error) {
    return reject(`cannot read the file: ${(error as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if (decoded.binary) return { ...reject("the file is binary, not text", `Remove it, or export it as ${format === "markdown" ? "Markdown" : format} text.`), bytes };
  const diagnostics: Diagnostic[] = [];
  if (decoded.encoding !== "utf-8") {
    diagnostics.push({ file: display, line: 1, rule: "source-encoding", severity: "warning", message: "the file is not UTF-8; it was read as Windows-1252", fix: "Save the file as UTF-8." });
  }
  const result = readSource(decoded.text, display, format, options);
  return { doc: result.doc, diagnostics: [...diagnostics, ...result.diagnostics], bytes };
}

/** Reads a source's text in a given format. */
export function readSource(text: string, path: string, format: SourceFormat, options: { url?: string } = {}): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  switch (format) {
    case "markdown":
      return readMarkdown(clean, path);
    case "html":
      if (!htmlReader) throw new Error(`reading ${path}: the HTML reader is not loaded (await loadReaders() first)`);
      return { doc: htmlReader.readHtml(clean, path, options.url ? { url: options.url } : {}), diagnostics: [] };
    case "text":
      return { doc: readText(clean, path), diagnostics: [] };
  }
}

function decodeText(bytes: Buffer): { text: string; encoding: "utf-8" | "windows-1252"; binary: boolean } {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { text: "", encoding: "utf-8", binary: true };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", binary: false };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252", binary: false };
  }
}
