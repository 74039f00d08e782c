import { safeHttpUrl } from "../text/safe-url.ts";

/**
 * Where a link of a saved page may lead in the archive: an absolute http(s) address, a
 * relative one resolved against the page's own address, normalised and checked by the one
 * URL gate (no other scheme, no user name in it). Anything else gives undefined and the
 * link is read as its text: `javascript:`, `data:`, `mailto:`, a relative address when the
 * page's address is unknown, and an in-page `#anchor` (the part of the page it names is
 * not in the archive).
 */
export function linkTarget(href: unknown, base: string | undefined): string | undefined {
  if (typeof href !== "string") return undefined;
  const value = href.trim();
  if (value === "" || value.startsWith("#")) return undefined;
  let absolute: string;
  try {
    absolute = new URL(value, base === undefined ? undefined : safeHttpUrl(base) ?? undefined).href;
  } catch {
    return undefined;
  }
  return safeHttpUrl(absolute) ?? undefined;
}
