import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { isAtom, isRdfFeed, isRss, readAtom, readRdfFeed, readRss } from "./import-feed.ts";
import type { ArchiveEntry } from "./import-item.ts";
import { isWordPressExport, readWordPressExport } from "./import-wxr.ts";
import type { ImportNotes } from "../messages/import-notes.ts";
import { parseXml, type XmlElement } from "./xml-tree.ts";

/**
 * Files that hold many articles: a WordPress export, an RSS or an Atom feed. Which one a
 * file is comes from its root element and namespaces, whatever its name; the extensions
 * below only say which files of a folder to open to find out.
 */
export const ARCHIVE_EXTENSIONS: ReadonlySet<string> = new Set([".xml", ".rss", ".atom"]);

const ARCHIVE_READERS: readonly { name: string; is: (root: XmlElement) => boolean; read: (root: XmlElement, file: string, say: ImportNotes) => ArchiveEntry[] }[] = [
  // First: a WordPress export is an RSS document too.
  { name: "export WordPress", is: isWordPressExport, read: readWordPressExport },
  { name: "flux RSS", is: isRss, read: readRss },
  { name: "flux Atom", is: isAtom, read: readAtom },
  { name: "flux RSS 1.0", is: isRdfFeed, read: readRdfFeed },
];

/** An export keeps a whole site: larger than a single source may be. */
export const MAX_ARCHIVE_BYTES = 512 * 1024 * 1024;

export type ArchiveFile =
  /** An export or a feed, and what it holds. */
  | { kind: string; entries: ArchiveEntry[] }
  /** XML, but not a kind the import knows, or not well-formed: the reason, in the site's language. */
  | { error: string }
  /** Not XML: a single source for the usual readers. */
  | undefined;

/** Reads a file as an export or a feed when it is one; `display` names it in items' sources, `say` gives the reasons. */
export function readArchiveFile(path: string, display: string, say: ImportNotes): ArchiveFile {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_ARCHIVE_BYTES) return ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase()) ? { error: say.archiveTooLarge(MAX_ARCHIVE_BYTES / 1024 / 1024) } : undefined;
    bytes = readFileSync(path);
  } catch (error) {
    return ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase()) ? { error: say.archiveUnreadable((error as Error).message) } : undefined;
  }
  const decoded = decode(bytes).replace(/^\uFEFF/, "");
  // XML allows nothing before its declaration, yet feeds made by templates start with blank lines, which no reader minds.
  const text = decoded.trimStart();
  const linesTrimmed = decoded.slice(0, decoded.length - text.length).split("\n").length - 1;
  const named = ARCHIVE_EXTENSIONS.has(extname(path).toLowerCase());
  // Only XML is worth parsing: a saved HTML page or a text capture goes to its own reader.
  if (!named && !/^<(?:\?xml|rss[\s>]|feed[\s>]|rdf:RDF[\s>])/.test(text)) return undefined;
  const parsed = parseXml(text);
  if ("error" in parsed) return named ? { error: say.xmlMalformed(parsed.error.line + linesTrimmed, parsed.error.message) } : undefined;
  const reader = ARCHIVE_READERS.find((candidate) => candidate.is(parsed.root));
  if (reader) return { kind: reader.name, entries: reader.read(parsed.root, display, say) };
  return named ? { error: say.notAnArchive(parsed.root.name) } : undefined;
}

/** Exports are UTF-8 unless the site's charset was not; Windows-1252 then, as for single sources. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
