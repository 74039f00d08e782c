import { createHash } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * What a build leaves for the next one, in the `.cache/` folder beside its output folder:
 * the records extracted from a content folder, and, for that content built into that
 * output, the site's manifest (the digest of every file written), planning memo and the
 * pieces of a large archive's search index. The
 * report of the last build is there too, and what a build of that output owns while it
 * runs: its lock and its work folder (the new site being made, the previous one being
 * deleted), on the output's file system so that moving the new site into place is a rename.
 * A module of its own, light to load: the build script asks whether there was a previous
 * build before it loads the build.
 */
export interface BuildFiles {
  /** Revue's cache folder, beside the output. */
  cache: string;
  records: string;
  manifest: string;
  memo: string;
  report: string;
  /** Held while a build writes this output (build-lock.ts). */
  lock: string;
  /** This output's temporary and previous sites, and nothing else: a build removes what an interrupted one left there. */
  work: string;
}

export function buildFiles(content: string, output: string): BuildFiles {
  const site = resolve(output);
  const cache = join(dirname(site), ".cache");
  return {
    cache,
    records: join(cache, `records-${contentKey(content)}`),
    manifest: join(cache, `pages-${contentKey(content, site)}.json`),
    memo: join(cache, `site-memo-${contentKey(content, site)}.bin`),
    report: join(cache, "build-report.json"),
    lock: join(cache, `output-${outputKey(site)}.lock`),
    work: join(cache, `output-${outputKey(site)}`),
  };
}

/**
 * The output folder as the file system knows it: absolute, with symbolic links resolved in
 * the part that exists (`--output link-to-content` is the content folder, and the new site
 * must be made on the file system the output is on).
 */
export function realOutputPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realOutputPath(parent), basename(absolute));
  }
}

/** A short key for what a build of one output folder owns, whatever the content. */
function outputKey(output: string): string {
  return createHash("sha1").update(output).digest("hex").slice(0, 8);
}

/** A short key for cache files: one per content folder (and output folder, when given). */
function contentKey(content: string, output?: string): string {
  return createHash("sha1").update(resolve(content)).update(output ? `\0${output}` : "").digest("hex").slice(0, 8);
}
