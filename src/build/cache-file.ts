import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

/**
 * Files of the cache folder (record buckets, the parsed knowledge base, the planning memo):
 * V8's structured-clone format, so maps, sets and patterns come back as they were and text
 * is copied back, not parsed.
 */

/** The value a cache file holds; undefined when there is none or it is damaged (the cache is then rebuilt). */
export function readCacheFile<T>(file: string): T | undefined {
  try {
    return deserialize(readFileSync(file)) as T;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically (a temporary file renamed over it): a reader never sees half of it. */
export function writeCacheFile(file: string, value: unknown): void {
  writeCacheBytes(file, serialize(value));
}

/** Writes bytes to a file of the cache folder, atomically as writeCacheFile does. */
export function writeCacheBytes(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
