import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import { sha1 } from "../text/sha1.ts";

/**
 * Files of the cache folder (record buckets, the parsed knowledge base, the planning memo):
 * V8's structured-clone format, so maps, sets and patterns come back as they were and text
 * is copied back, not parsed. Each starts with the SHA-1 of the rest: flipped bytes (a bad
 * disk, a copy cut short) that would still deserialize, as a changed letter of a title
 * does, are found, and the file counts as absent.
 */
const CHECKSUM_BYTES = 20;

/** The value a cache file holds; undefined when there is none or it is damaged (the cache is then rebuilt). */
export function readCacheFile<T>(file: string): T | undefined {
  try {
    const bytes = readFileSync(file);
    const payload = bytes.subarray(CHECKSUM_BYTES);
    if (bytes.length < CHECKSUM_BYTES || !sha1(payload, "buffer").equals(bytes.subarray(0, CHECKSUM_BYTES))) return undefined;
    return deserialize(payload) as T;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically (a temporary file renamed over it): a reader never sees half of it. */
export function writeCacheFile(file: string, value: unknown): void {
  const payload = serialize(value);
  writeCacheBytes(file, Buffer.concat([sha1(payload, "buffer"), payload]));
}

/** Writes bytes to a file of the cache folder, atomically as writeCacheFile does. */
export function writeCacheBytes(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
