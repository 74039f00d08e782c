import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { walkFiles } from "./walk.ts";

/**
 * A hash of the code that turns sources into records (every module of src/ but the site
 * views): cached records made by other code are stale. Computed once per process.
 */
let version: string | undefined;

export function extractionCodeVersion(): string {
  if (version === undefined) {
    const src = join(import.meta.dirname, "..");
    const hash = createHash("sha256");
    for (const file of walkFiles(src).filter((f) => !f.includes(`${join(src, "site")}`) && /\.(ts|json|mjs)$/.test(f))) {
      hash.update(file.slice(src.length)).update("\0").update(readFileSync(file)).update("\0");
    }
    version = hash.digest("hex").slice(0, 16);
  }
  return version;
}
