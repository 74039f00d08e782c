import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * What a build leaves for the next one, in the `.cache/` folder beside its output folder:
 * the records extracted from a content folder, and, for that content built into that
 * output, the site's manifest (the digest of every file written), planning memo and the
 * pieces of a large archive's search index. The
 * report of the last build is there too. A module of its own, light to load: the build
 * script asks whether there was a previous build before it loads the build.
 */
export interface BuildFiles {
  records: string;
  manifest: string;
  memo: string;
  report: string;
  /** The pieces of the search index of this content built into this output, when its shards are made of several (see search-shards.ts). */
  searchPieces: string;
}

export function buildFiles(content: string, output: string): BuildFiles {
  const site = resolve(output);
  const cache = join(dirname(site), ".cache");
  return {
    records: join(cache, `records-${contentKey(content)}`),
    manifest: join(cache, `pages-${contentKey(content, site)}.json`),
    memo: join(cache, `site-memo-${contentKey(content, site)}.bin`),
    report: join(cache, "build-report.json"),
    searchPieces: join(cache, `search-pieces-${contentKey(content, site)}`),
  };
}

/** Whether a build of this content into this output finished before: the next one then renders only what changed. */
export function hasPreviousBuild(content: string, output: string): boolean {
  return existsSync(output) && existsSync(buildFiles(content, output).manifest);
}

/** A short key for cache files: one per content folder (and output folder, when given). */
function contentKey(content: string, output?: string): string {
  return createHash("sha1").update(resolve(content)).update(output ? `\0${output}` : "").digest("hex").slice(0, 8);
}
