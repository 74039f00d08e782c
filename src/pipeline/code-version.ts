import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { walkFiles } from "./walk.ts";
import { PROJECT_ROOT } from "../project-root.ts";

/**
 * Hashes of the code that caches depend on, computed once per process, each from the layers
 * that code lives in (so editing the pipeline, the editor's commands or a page view leaves
 * cached records alone):
 * - records: reading sources, the knowledge base, extraction and the archive's rules
 *   (front matter over extraction); a record made by other code is stale;
 * - site: page views and the search index; pages and search shards fingerprinted by other
 *   code are stale.
 */
const SRC = join(PROJECT_ROOT, "src");
const RECORD_LAYERS = ["model", "text", "messages", "ingest", "knowledge", "extract", "archive", "config.ts"];
const SITE_LAYERS = ["site", "search"];
const versions = new Map<string, string>();

function versionOf(layers: readonly string[]): string {
  const key = layers.join(" ");
  let version = versions.get(key);
  if (version === undefined) {
    const hash = createHash("sha256");
    for (const file of filesOf(layers)) hash.update(file.slice(SRC.length)).update("\0").update(readFileSync(file)).update("\0");
    versions.set(key, (version = hash.digest("hex").slice(0, 16)));
  }
  return version;
}

function filesOf(layers: readonly string[]): string[] {
  return layers.flatMap((layer) => (layer.endsWith(".ts") ? [join(SRC, layer)] : walkFiles(join(SRC, layer)).filter((file) => /\.(ts|json|mjs)$/.test(file)))).sort();
}

export function extractionCodeVersion(): string {
  return versionOf(RECORD_LAYERS);
}

export function siteCodeVersion(): string {
  return versionOf(SITE_LAYERS);
}
