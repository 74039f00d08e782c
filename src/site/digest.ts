import { createHash } from "node:crypto";

/**
 * Digests of what the site's files are made from: a rebuild compares them with the previous
 * build's and makes only the files whose digest changed.
 */

/**
 * The hash of a value many pages list (an article's card, a feed entry), computed once and
 * kept under a symbol key (JSON.stringify and the templates never see it): a digest hashes
 * it in place of the value.
 */
export const DIGEST = Symbol("digest");

export function hash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/** Gives a value its own digest, for the digests of the pages that list it. */
export function withDigest<T extends object>(value: T): T {
  (value as { [DIGEST]?: string })[DIGEST] = hash(JSON.stringify(value));
  return value;
}

/** The digest of a value: its JSON, where each value with a digest of its own is stood for by it. */
export function digestOf(value: unknown): string {
  return hash(JSON.stringify(value, standIn));
}

function standIn(this: unknown, _key: string, value: unknown): unknown {
  return typeof value === "object" && value !== null && DIGEST in value ? (value as { [DIGEST]: string })[DIGEST] : value;
}
