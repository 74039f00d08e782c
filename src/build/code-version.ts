import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { walkFiles } from "./walk.ts";

/**
 * Hashes of the code that caches depend on, computed once per process:
 * - extraction (every module of src/ but the site views): cached records made by other code are stale;
 * - site views (src/site/): pages and search shards fingerprinted by other code are stale.
 */
const SRC = join(import.meta.dirname, "..");
const SITE = join(SRC, "site");
const versions = new Map<string, string>();

function versionOf(name: string, files: () => string[]): string {
  let version = versions.get(name);
  if (version === undefined) {
    const hash = createHash("sha256");
    for (const file of files()) hash.update(file.slice(SRC.length)).update("\0").update(readFileSync(file)).update("\0");
    versions.set(name, (version = hash.digest("hex").slice(0, 16)));
  }
  return version;
}

const modules = () => walkFiles(SRC).filter((file) => /\.(ts|json|mjs)$/.test(file));

export function extractionCodeVersion(): string {
  return versionOf("extraction", () => modules().filter((file) => !file.startsWith(`${SITE}/`)));
}

export function siteCodeVersion(): string {
  return versionOf("site", () => modules().filter((file) => file.startsWith(`${SITE}/`)));
}
