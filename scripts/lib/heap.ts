import { spawnSync } from "node:child_process";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

/**
 * Gives the build the heap a large archive needs without asking the user for flags: when
 * the default heap is too small for `needMegabytes`, the script runs itself again with
 * --max-old-space-size (at most three quarters of the machine's memory) and exits with the
 * child's status. Returns normally when the heap is already large enough.
 */
export function ensureHeap(needMegabytes: number): void {
  const current = getHeapStatistics().heap_size_limit / 1024 / 1024;
  if (current >= needMegabytes || process.env["REVUE_HEAP_MB"]) return;
  const megabytes = Math.floor(Math.min(needMegabytes, (totalmem() / 1024 / 1024) * 0.75));
  if (megabytes <= current) return;
  const result = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${megabytes}`, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, REVUE_HEAP_MB: String(megabytes) },
  });
  process.exit(result.status ?? 1);
}

/** Heap for a build of `sources` articles: records, site data and rendered pages, with room to spare. */
export function heapForArticles(sources: number): number {
  return 1024 + Math.ceil(sources * 0.06);
}
