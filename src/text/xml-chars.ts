/**
 * Characters XML 1.0 forbids (its `Char` production): C0 controls but tab, line feed and
 * carriage return; U+FFFE and U+FFFF; UTF-16 surrogates that are not part of a pair. One of
 * them anywhere makes a whole feed ill-formed, and feed readers then drop every entry.
 */
// With the `u` flag, the surrogate range matches only a surrogate that is not half of a pair.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** `text` without the characters XML 1.0 forbids: what an XML writer may print. */
export function withoutNonXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}
