import { spawn } from "node:child_process";
import { constants as osConstants, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { TYPESCRIPT_LOADER } from "../../src/pipeline/typescript-loader.ts";

/** What a build needs of V8's heap: the whole heap, in megabytes (`--max-old-space-size`). */
export interface HeapNeeds {
  megabytes: number;
}

/**
 * Gives the build the heap a large archive needs without asking the user for flags: when
 * the default heap is too small for what `needsOf` says, the script runs itself again with
 * a larger heap (at most three quarters of the machine's memory), through tsx as before,
 * passes the signals it gets on to that child (a dev server stopped with SIGTERM stops whole)
 * and exits with the child's status. Returns false when the heap is already right and this
 * process goes on; true when the child does the work (the caller then does nothing more).
 */
export function ensureHeap(needsOf: () => HeapNeeds): boolean {
  // The child, started with its flag: it need not work out its needs again (counting a large
  // archive's sources is a walk of its folders).
  if (process.env["REVUE_HEAP_FLAGS"]) return false;
  const current = getHeapStatistics().heap_size_limit / 1024 / 1024;
  const megabytes = Math.floor(Math.min(needsOf().megabytes, (totalmem() / 1024 / 1024) * 0.75));
  if (megabytes <= current) return false;
  const flag = `--max-old-space-size=${megabytes}`;
  // This process's own options come first (tsx's loader among them when the tsx command
  // started it: the same module, loaded once).
  const child = spawn(process.execPath, [...process.execArgv, flag, ...TYPESCRIPT_LOADER, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, REVUE_HEAP_FLAGS: flag },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.once("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1)));
  return true;
}

/**
 * Heap for a build of `sources` articles: records, site data and a run of rendered pages,
 * with some room to spare, not much more: V8 lets the heap grow towards its limit before it
 * collects in earnest, so a generous limit is memory the build takes from the machine.
 */
export function heapForArticles(sources: number): HeapNeeds {
  return { megabytes: 1024 + Math.ceil(sources * 0.035) };
}
