import { tokenize } from "../text/tokenize.ts";

/** The key two names share when the matcher would treat them as the same name. */
export function aliasKey(name: string): string {
  return tokenize(name)
    .map((token) => token.key)
    .filter(Boolean)
    .join(" ");
}
