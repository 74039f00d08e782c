import { lineAt } from "./source-text.ts";

/**
 * The character encoding a source says it is written in, read from its bytes before they are
 * decoded: an XML declaration (`<?xml … encoding="…"?>`) at the start of the file, or, in a
 * saved HTML page, `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
 * charset=…">`. Both are ASCII in every encoding they can declare, so the bytes are read as
 * Latin-1 (one character per byte) to look for them.
 *
 * Browsers look in the first 1,024 bytes; a page saved from a browser keeps its
 * declaration there, but hand-made pages put a `<title>` or a comment first, so the whole
 * `<head>` is looked at, up to its end or HEAD_BYTES.
 */
export interface DeclaredCharset {
  /** The label as written (`Shift_JIS`, `iso-8859-1`). */
  label: string;
  /** 1-based line of the declaration. */
  line: number;
  /** Where it was read. */
  via: "xml" | "meta";
}

const HEAD_BYTES = 64 * 1024;
const XML_DECLARATION = /^<\?xml\s[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const META_TAG = /<meta\b[^>]{0,1000}>/gi;
const CHARSET_ATTRIBUTE = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?\s*content-type\b/i;
const CONTENT_ATTRIBUTE = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

export function declaredCharset(bytes: Uint8Array, format: "markdown" | "text" | "html"): DeclaredCharset | undefined {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString("latin1");
  const xml = XML_DECLARATION.exec(head);
  if (xml?.[1]) return { label: xml[1], line: 1, via: "xml" };
  if (format !== "html") return undefined;
  const end = head.search(/<\/head\s*>|<body\b/i);
  const searched = end === -1 ? head : head.slice(0, end);
  for (const tag of searched.matchAll(META_TAG)) {
    const label = labelOfMeta(tag[0]);
    if (label) return { label, line: lineAt(searched, tag.index ?? 0), via: "meta" };
  }
  return undefined;
}

/** `<meta charset=X>`, or `<meta http-equiv=content-type content="text/html; charset=X">`. */
function labelOfMeta(tag: string): string | undefined {
  if (HTTP_EQUIV.test(tag)) {
    const content = CONTENT_ATTRIBUTE.exec(tag);
    const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? "";
    return CHARSET_ATTRIBUTE.exec(value)?.[1];
  }
  // `charset` as an attribute of its own, not inside another attribute's value.
  const own = /\scharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i.exec(tag);
  return own?.[1];
}
