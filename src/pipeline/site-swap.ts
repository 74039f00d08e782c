/**
 * How a build's new site takes the old one's place. The new site is made in a work folder of
 * Revue's own, in its cache beside the output (the same file system, so each move is a
 * rename): a full build swaps the two folders, a rebuild moves its changed files into the
 * site one by one (each file is old or new, never half-written). Nothing outside that work
 * folder and the output is ever moved or removed.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { walkFiles } from "./walk.ts";
import { searchBundlePath } from "../search/shards.ts";

/** Pagefind bundles of the search shards: `pagefind`, `pagefind-1`… */
export const SEARCH_FOLDER = /^pagefind(-\d+)?$/;
export const searchBundleFolder = (shard: number) => searchBundlePath(shard).replace(/\//g, "");

/**
 * A new folder for the site being made, in the output's work folder. What an interrupted
 * build left there is removed first (in the background): the caller holds the output's lock,
 * so no other build is using it.
 */
export function newWorkFolder(work: string): string {
  mkdirSync(work, { recursive: true });
  for (const name of readdirSync(work)) removeInBackground(join(work, name));
  const folder = workFolderName(work, "new");
  mkdirSync(folder);
  return folder;
}

/** A name in the work folder that no other build has used: `new-…` or `old-…` with a random part. */
export function workFolderName(work: string, kind: "new" | "old"): string {
  return join(work, `${kind}-${randomBytes(6).toString("hex")}`);
}

/**
 * A full build's swap: the new site `made` takes the output's place, with the folders named
 * in `kept` (the search bundles that did not change) carried over from the previous site. The
 * previous site goes to `old` and is deleted in the background. If the new site cannot be put
 * in place (the output is busy, on another file system), the previous one is put back whole.
 */
export function replaceSite(made: string, output: string, old: string, kept: readonly string[]): void {
  for (const name of kept) renameSync(join(output, name), join(made, name));
  const previous = existsSync(output);
  try {
    if (previous) renameSync(output, old);
    renameSync(made, output);
  } catch (error) {
    if (previous && !existsSync(output)) renameSync(old, output);
    for (const name of kept) if (existsSync(join(made, name))) renameSync(join(made, name), join(output, name));
    throw error;
  }
  removeInBackground(old);
}

/**
 * The previous site is already out of the way: deleting its thousands of files need not
 * hold up the build. A detached `rm` does it; leftovers of an interrupted one are removed
 * by the next build.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  if (process.platform === "win32") {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", "--", folder], { detached: true, stdio: "ignore" }).unref();
}

/** Removes a file of the site, and the folders it leaves empty. */
export function removeFile(site: string, path: string): void {
  rmSync(join(site, path), { force: true });
  for (let folder = dirname(join(site, path)); folder.startsWith(`${site}/`) && readdirSync(folder).length === 0; folder = dirname(folder)) rmSync(folder, { recursive: true });
}

/** Moves the pages a rebuild made into the site, file by file (a rename replaces a file at once); search bundles stay. */
export function movePagesInto(from: string, to: string): void {
  for (const file of walkFiles(from)) {
    const path = relative(from, file);
    if (SEARCH_FOLDER.test(path.split("/")[0] as string)) continue;
    const target = join(to, path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(file, target);
  }
}

/** Moves the search bundles a rebuild made into the site, each as a whole folder (the old one out first). */
export function moveSearchBundlesInto(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    if (!SEARCH_FOLDER.test(name)) continue;
    rmSync(join(to, name), { recursive: true, force: true });
    renameSync(join(from, name), join(to, name));
  }
}
