import { spawn } from "node:child_process";
import { constants as osConstants, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { v8PoolSizeOption } from "../../src/build/v8-threads.ts";
import { LARGE_YOUNG_GENERATION_MB } from "../../src/build/young-generation.ts";

/** What a build needs of V8's heap. */
export interface HeapNeeds {
  /** The whole heap, in megabytes (`--max-old-space-size`). */
  megabytes: number;
  /**
   * Each half of the young generation, in megabytes (`--max-semi-space-size`), when the
   * default (16) is too small: a large build allocates gigabytes of short-lived strings and
   * objects, and a young generation four times larger collects them with a third of the
   * scavenges.
   */
  semiSpaceMegabytes?: number;
}

/**
 * Gives the build the heap a large archive needs without asking the user for flags: when
 * the default heap is too small for what `needsOf` says, the script runs itself again with
 * the flags it needs (a heap of at most three quarters of the machine's memory), passes the signals it
 * gets on to that child (a dev server stopped with SIGTERM stops whole) and exits with the
 * child's status. Returns false when the heap is already right and this process goes on;
 * true when the child does the work (the caller then does nothing more).
 */
export function ensureHeap(needsOf: () => HeapNeeds): boolean {
  // The child, started with its flags: it need not work out its needs again (counting a large
  // archive's sources is a walk of its folders).
  if (process.env["REVUE_HEAP_FLAGS"]) return false;
  const needs = needsOf();
  const flags: string[] = [];
  const current = getHeapStatistics().heap_size_limit / 1024 / 1024;
  const megabytes = Math.floor(Math.min(needs.megabytes, (totalmem() / 1024 / 1024) * 0.75));
  if (megabytes > current) flags.push(`--max-old-space-size=${megabytes}`);
  const isSet = (option: string) => [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((arg) => arg.includes(option));
  if (needs.semiSpaceMegabytes && !isSet("--max-semi-space-size")) flags.push(`--max-semi-space-size=${needs.semiSpaceMegabytes}`);
  if (flags.length === 0) return false;
  // Not a reason to start again on its own (a rebuild does not), but the child gets it.
  if (!isSet("--v8-pool-size")) flags.push(v8PoolSizeOption());
  const child = spawn(process.execPath, [...process.execArgv, ...flags, ...scriptCommand(), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, REVUE_HEAP_FLAGS: flags.join(" ") },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.once("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1)));
  return true;
}

/** How this script was started: its path (under tsx), or the launcher and its name (precompiled, see scripts/run.mjs). */
function scriptCommand(): string[] {
  // Set by the launcher in this process only: child processes do not inherit it.
  const relaunch = (globalThis as Record<symbol, unknown>)[Symbol.for("revue.relaunch")];
  return Array.isArray(relaunch) ? (relaunch as string[]) : [process.argv[1] as string];
}

/** From this many articles, a full build gets a larger young generation (src/build/young-generation.ts). */
const LARGE_BUILD = 2000;

/**
 * Heap for a build of `sources` articles: records, site data and rendered pages, with room
 * to spare. A rebuild (`rebuild`: a previous build's site is there) renders only what
 * changed: the larger young generation costs it time instead (128 MB of fresh memory to
 * fault in, and the cached records it copies as they survive), and so does the relaunch it
 * takes. At 10,000 articles a rebuild after one edit took 5.1 s with both, 4.2-4.4 s
 * without. A rebuild of most of the archive (a new version of the templates, say) is then
 * slower, not wrong.
 */
export function heapForArticles(sources: number, { rebuild = false } = {}): HeapNeeds {
  const largeYoungGeneration = sources >= LARGE_BUILD && !rebuild;
  return { megabytes: 1024 + Math.ceil(sources * 0.06), ...(largeYoungGeneration ? { semiSpaceMegabytes: LARGE_YOUNG_GENERATION_MB } : {}) };
}
