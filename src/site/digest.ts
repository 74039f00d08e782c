import { sha1 } from "../text/sha1.ts";

/**
 * Digests of what the site's files are made from: a rebuild compares them with the previous
 * build's and makes only the files whose digest changed.
 */

/**
 * The hash of a value many pages list (an article's card, a feed entry), computed once and
 * kept under a symbol key (JSON.stringify and the templates never see it): a digest takes
 * it in place of the value.
 */
export const DIGEST = Symbol("digest");

type Digested = { [DIGEST]: string };

export function hash(text: string): string {
  return sha1(text, "base64url");
}

/** Gives a value its own digest (by default its JSON's), for the digests of the pages that list it. */
export function withDigest<T extends object>(value: T, digest = hash(JSON.stringify(value))): T {
  (value as T & Partial<Digested>)[DIGEST] = digest;
  return value;
}

/** The digest `withDigest` gave a value. */
export function ownDigest(value: object): string {
  const digest = (value as Partial<Digested>)[DIGEST];
  if (digest === undefined) throw new Error("this value has no digest of its own (withDigest)");
  return digest;
}

/**
 * The digest of plain data: its JSON. Where it lists values with digests of their own, the
 * caller puts their `ownDigest` in it (a JSON replacer would be called for every value of
 * every page).
 */
export function digestOf(value: unknown): string {
  return hash(JSON.stringify(value));
}

/** The digest of a whole view (a page made at once): each value with a digest of its own in it is stood for by that digest. */
export function digestOfView(value: unknown): string {
  return hash(JSON.stringify(value, standIn));
}

function standIn(this: unknown, _key: string, value: unknown): unknown {
  return typeof value === "object" && value !== null && DIGEST in value ? (value as Digested)[DIGEST] : value;
}
