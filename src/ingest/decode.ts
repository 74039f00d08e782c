import iconv from "iconv-lite";
import type { SourceFormat } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { declaredCharset } from "./declared-charset.ts";
import { lineAt } from "./source-text.ts";

/**
 * A source's bytes → its text, in this order:
 * 1. a byte-order mark says the encoding (UTF-8, UTF-16 LE or BE);
 * 2. else the encoding the source declares (XML declaration, HTML `<meta>`), when iconv-lite
 *    knows it; labels are resolved as browsers resolve them (WHATWG Encoding: `latin1`,
 *    `iso-8859-1` and `ascii` mean Windows-1252, `sjis` means Shift_JIS), and a page that
 *    declares a legacy encoding but is valid UTF-8 is read as UTF-8 (a page converted by a
 *    tool that left its old declaration; by chance, text in a legacy encoding is almost
 *    never valid UTF-8);
 * 3. else UTF-8, and when the bytes are not valid UTF-8, Windows-1252 (what "Latin-1"
 *    files mostly are: ’ — “ ” € œ are among its bytes 0x80–0x9F, which Node's own
 *    TextDecoder reads as control characters).
 *
 * A NUL character anywhere in the decoded text makes the file binary: no text editor or
 * browser writes one, a UTF-8 or Windows-1252 text has none, and stripping them would
 * publish the rest of a binary (or of a UTF-16 file without its byte-order mark) as text.
 * The whole text is looked at (a search for one code unit, at memory speed).
 */
export type Decoded =
  | { binary: false; text: string; encoding: string; diagnostics: Diagnostic[] }
  | { binary: true; diagnostic: Diagnostic };

export function decodeSource(bytes: Buffer, format: SourceFormat, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding: string;
  const bom = byteOrderMark(bytes);
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(bytes.subarray(bom.length), encoding, { stripBOM: false });
  } else {
    const declared = declaredCharset(bytes, format);
    const wanted = declared ? resolveLabel(declared.label) : undefined;
    const utf8 = decodeUtf8(bytes);
    if (declared && wanted === undefined) {
      diagnostics.push({
        file,
        line: declared.line,
        rule: "source-encoding",
        severity: "warning",
        ...described("source-encoding-unknown", { label: declared.label, readAs: utf8 === undefined ? "Windows-1252" : "UTF-8" }),
      });
    }
    if (wanted && wanted !== "utf-8" && utf8 === undefined) {
      encoding = wanted;
      text = iconv.decode(bytes, wanted, { stripBOM: false });
    } else if (utf8 !== undefined) {
      encoding = "utf-8";
      text = utf8;
      if (wanted && wanted !== "utf-8" && !isAscii(bytes)) {
        diagnostics.push({
          file,
          line: declared?.line ?? 1,
          rule: "source-encoding",
          severity: "warning",
          ...described("source-encoding-mismatch", { label: String(declared?.label) }),
        });
      }
    } else {
      encoding = "windows-1252";
      text = iconv.decode(bytes, encoding);
      diagnostics.push({ file, line: 1, rule: "source-encoding", severity: "warning", ...described("source-not-utf8", {}) });
    }
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    return {
      binary: true,
      diagnostic: {
        file,
        line: lineAt(text, nul),
        rule: "source-unreadable",
        severity: "error",
        ...described("source-binary", { line: lineAt(text, nul), format }),
      },
    };
  }
  return { binary: false, text, encoding, diagnostics };
}

function byteOrderMark(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * A declared label → the name iconv-lite decodes, or undefined when it cannot. The label is
 * first resolved as the WHATWG Encoding standard says (through TextDecoder, which knows its
 * table of labels), so that `iso-8859-1` is Windows-1252 as in every browser. A declared
 * UTF-16 without a byte-order mark cannot be: the declaration was read as ASCII, so the
 * file is read as UTF-8, as browsers do.
 */
export function resolveLabel(label: string): string | undefined {
  let name = label.trim().toLowerCase();
  try {
    name = new TextDecoder(name).encoding;
  } catch {
    // Not a WHATWG label (or this Node lacks it): iconv-lite may still know it.
  }
  if (name === "utf-16le" || name === "utf-16be" || name === "utf-16") return "utf-8";
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}
