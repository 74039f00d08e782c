import * as crypto from "node:crypto";

/**
 * SHA-1 of a short text (keys, URLs, digests) or of bytes (the files a search index is named
 * by). Node 20.12 and later have the one-shot crypto.hash, half the time of createHash for
 * short texts; older Node 20 falls back to it.
 */
type OneShot = (algorithm: string, data: string | Buffer, encoding: "hex" | "base64url" | "buffer") => string | Buffer;
const oneShot = (crypto as { hash?: OneShot }).hash;

export function sha1(text: string | Buffer, encoding: "buffer"): Buffer;
export function sha1(text: string | Buffer, encoding: "hex" | "base64url"): string;
export function sha1(text: string | Buffer, encoding: "hex" | "base64url" | "buffer"): string | Buffer {
  if (oneShot) return oneShot("sha1", text, encoding);
  const hash = crypto.createHash("sha1").update(text);
  return encoding === "buffer" ? hash.digest() : hash.digest(encoding);
}
