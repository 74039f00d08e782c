/**
 * The one gate for addresses taken from a source (front matter, a saved page's canonical or
 * `og:url`, a capture's text, the import's `--url`): only an absolute http(s) address
 * reaches a record, written as the WHATWG URL parser normalises it (what browsers read).
 * Anything else is refused: another scheme (`javascript:`, `data:`, `vbscript:`, `file:`),
 * a relative or malformed address, or one carrying a user name or password
 * (`https://bank.example@evil.example/` shows one host and opens another).
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "" || text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username !== "" || url.password !== "" || url.hostname === "") return null;
  return url.href;
}

/** Longer than any page address a browser keeps in its bar; a longer one is noise or an attack. */
const MAX_URL_LENGTH = 8192;
