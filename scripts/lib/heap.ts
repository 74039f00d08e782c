import { spawn } from "node:child_process";
import { constants as osConstants, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

/**
 * Gives the build the heap a large archive needs without asking the user for flags: when
 * the default heap is too small for `needMegabytes`, the script runs itself again with
 * --max-old-space-size (at most three quarters of the machine's memory), passes the signals
 * it gets on to that child (a dev server stopped with SIGTERM stops whole) and exits with the
 * child's status. Returns false when the heap is already large enough and this process goes
 * on; true when the child does the work (the caller then does nothing more).
 */
export function ensureHeap(needMegabytes: number): boolean {
  const current = getHeapStatistics().heap_size_limit / 1024 / 1024;
  if (current >= needMegabytes || process.env["REVUE_HEAP_MB"]) return false;
  const megabytes = Math.floor(Math.min(needMegabytes, (totalmem() / 1024 / 1024) * 0.75));
  if (megabytes <= current) return false;
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${megabytes}`, ...scriptCommand(), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, REVUE_HEAP_MB: String(megabytes) },
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

/** Heap for a build of `sources` articles: records, site data and rendered pages, with room to spare. */
export function heapForArticles(sources: number): number {
  return 1024 + Math.ceil(sources * 0.06);
}
