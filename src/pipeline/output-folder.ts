/**
 * The output folder as a build takes it: the facts about it that src/pipeline/output-policy.ts
 * judges, the check that Revue can write there, the lock, and the marker that tells the next
 * build this folder is Revue's. Refusals and file-system failures become one clear message
 * naming the folder and the fix.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { explainOutputFailure } from "./output-failure.ts";
import { isInside, judgeOutput, refusalMessage, type OutputFacts } from "./output-policy.ts";
import { isSiteMarker, SITE_MARKER, siteMarkerText } from "./site-marker.ts";
import { acquireOutputLock, type OutputLock } from "./build-lock.ts";
import { realOutputPath, type BuildFiles } from "./build-files.ts";
import { PROJECT_ROOT } from "../project-root.ts";

export interface ClaimOptions {
  content: string;
  /** Absolute, links resolved (realOutputPath). */
  output: string;
  files: BuildFiles;
  /** What this process is, for another build's message (`npm run build`, `npm start`). */
  command: string;
  /** How long to wait for another build of this output. */
  waitMs: number;
  log?: (line: string) => void;
  /** The process stops on signals through process.exit (the dev server). */
  exitsOnSignals?: boolean;
}

/** A build that wrote nothing because the output folder is not one Revue may replace. */
export class OutputRefused extends Error {
  override name = "OutputRefused";
}

/**
 * Makes sure the output is a folder Revue may replace and can write, then takes its lock.
 * Throws OutputRefused (nothing written) or an error that says what to do.
 */
export async function claimOutput(options: ClaimOptions): Promise<OutputLock> {
  const { output, files } = options;
  const verdict = judgeOutput(outputFacts(options.content, output, files));
  if (!verdict.use) throw new OutputRefused(refusalMessage(output, verdict));
  if (verdict.as === "earlier-build") options.log?.(`revue: ${output} was made by an earlier version of Revue: it gets the marker ${SITE_MARKER}`);
  try {
    // Asked of the nearest folder that exists first: a recursive mkdir on a read-only file system says ENOENT, not EROFS.
    accessSync(nearestExisting(files.cache), constants.W_OK);
    mkdirSync(files.cache, { recursive: true });
    // Where the build writes: its cache (the new site is made there), the folder the output is swapped in, the output (a rebuild moves files into it).
    for (const folder of [files.cache, dirname(output), ...(existsSync(output) ? [output] : [])]) accessSync(folder, constants.W_OK);
  } catch (error) {
    throw explainOutputError(error, output, files.cache);
  }
  return acquireOutputLock(files.lock, { command: options.command, waitMs: options.waitMs, output, exitsOnSignals: options.exitsOnSignals === true, ...(options.log ? { log: options.log } : {}) });
}

/** Marks a folder as a site Revue made. */
export function markSite(folder: string): void {
  const file = join(folder, SITE_MARKER);
  const text = siteMarkerText();
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}

/**
 * A file-system error met while writing the output or the cache, as a message that names the
 * output folder and the fix; any other error (a content file that cannot be read) unchanged.
 */
export function explainOutputError(error: unknown, output: string, cache: string): unknown {
  const { code, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  if (!code) return error;
  // The output, the cache, and the folder the output is swapped in; not a content file beside them.
  const concerns = (file: string | undefined) => file !== undefined && (file === dirname(output) || [output, cache].some((folder) => file === folder || isInside(file, folder)));
  if (!concerns(path) && !concerns(dest)) return error;
  const message = explainOutputFailure({ code, folder: output, cache });
  if (!message) return error;
  const where = path && path !== output ? ` (${(error as NodeJS.ErrnoException).syscall ?? "writing"} ${path})` : "";
  return new Error(`${message}${where}`, { cause: error });
}

/** What judgeOutput needs to know, read from the file system. */
export function outputFacts(content: string, output: string, files: BuildFiles): OutputFacts {
  const kind = kindOf(output);
  const entries = kind === "folder" ? readdirSync(output) : [];
  return {
    output,
    content: realOutputPath(content),
    // Revue's own folder: never an output.
    project: realOutputPath(PROJECT_ROOT),
    home: realOutputPath(homedir()),
    kind,
    entries,
    marked: entries.includes(SITE_MARKER) && isSiteMarker(readText(join(output, SITE_MARKER))),
    builtBefore: kind === "folder" && existsSync(files.manifest),
    mountPoint: kind === "folder" && isMountPoint(output),
    cache: files.cache,
  };
}

function nearestExisting(path: string): string {
  return existsSync(path) || dirname(path) === path ? path : nearestExisting(dirname(path));
}

function kindOf(path: string): OutputFacts["kind"] {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw error;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * Whether a folder is a mount point: on another device than its parent, or listed in the
 * kernel's mount table (a bind mount of a folder of the same file system is on the same device).
 */
export function isMountPoint(folder: string): boolean {
  const parent = dirname(folder);
  if (parent === folder) return true;
  if (statSync(folder).dev !== statSync(parent).dev) return true;
  return mountPoints().has(folder);
}

function mountPoints(): Set<string> {
  try {
    // /proc/self/mountinfo: the fifth field is the mount point, with space, tab, newline and backslash as octal escapes.
    const lines = readFileSync("/proc/self/mountinfo", "utf8").split("\n");
    return new Set(lines.map((line) => line.split(" ")[4] ?? "").filter(Boolean).map((path) => path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)))));
  } catch {
    return new Set();
  }
}
