/**
 * npm run bench:search [-- --n 3000 --size 300 --size 1500 --size 3000]
 *
 * The search index's cost by shard size: generates a deterministic archive of N articles
 * (as `npm run bench` does), makes their search records, then indexes them in shards of each
 * size as the build does (scripts/lib/search-index.ts, through Pagefind's Node API), and
 * prints the processor time of the indexing (of the indexers' threads in this process and of
 * the processes it starts, Pagefind's), per article: what the shard size (search_shard_size) trades against the count of bundles.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./bench/generate-corpus.ts";
import { buildArchive } from "../src/pipeline/build-archive.ts";
import { searchRecords } from "../src/search/records.ts";
import { parse, run } from "./lib/cli.ts";
import { listProcesses, processTree, readStat } from "./lib/process-tree.ts";
import { writeSearchIndex } from "./lib/search-index.ts";
import { formatTable } from "./lib/table.ts";

const USAGE = "usage: npm run bench:search -- [--n 3000] [--size 300] [--size 1500] [--size 3000]";

/**
 * Processor time of the processes this one starts while `work` runs, Pagefind's: the kernel
 * counts a child's time only once it has been waited for, and a process left to end after
 * its parent has gone is never counted. /proc is read
 * every 20 ms, and each process found below this one is followed to its end (by then it
 * may belong to another parent). Milliseconds; the last 20 ms of a process can be missed.
 */
async function treeCpuMs(work: () => Promise<unknown>): Promise<{ pagefind: number; others: number }> {
  const cpuByPid = new Map<number, number>();
  const pagefindPids = new Set<number>();
  // Processes already there (the archive's extraction workers) count only for what they do from now on.
  const before = new Map(listProcesses().map((p) => [p.pid, p.cpuMs]));
  const sample = () => {
    const processes = listProcesses();
    const below = new Set(processTree(process.pid, processes).map((p) => p.pid));
    below.delete(process.pid);
    for (const p of processes) {
      // Looked at while the process runs: a child is named after its parent until it starts its program.
      if (below.has(p.pid) && p.name.startsWith("pagefind")) pagefindPids.add(p.pid);
      if (cpuByPid.has(p.pid) || below.has(p.pid)) cpuByPid.set(p.pid, p.cpuMs);
    }
  };
  const timer = setInterval(sample, 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  const total = { pagefind: 0, others: 0 };
  for (const [pid, ms] of cpuByPid) total[pagefindPids.has(pid) ? "pagefind" : "others"] += ms - (before.get(pid) ?? 0);
  return total;
}

/** Processor time of this process's main thread, in ms. */
function mainThreadCpuMs(): number {
  return readStat(`/proc/self/task/${process.pid}/stat`).cpuMs;
}

run(async () => {
  const { values } = parse({ n: { type: "string" }, size: { type: "string", multiple: true } }, USAGE);
  const n = Number(values.n ?? 3000);
  const sizes = (values.size ?? ["300", "1500", "3000"]).map(Number);
  if (!Number.isInteger(n) || n < 1 || sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(USAGE);
  const root = mkdtempSync(join(tmpdir(), "revue-bench-search-"));
  try {
    process.stderr.write(`bench: generating ${n} articles…\n`);
    const content = join(root, "content");
    generateCorpus(content, { articles: n, actors: 1200 });
    const archive = await buildArchive({ contentDir: content, workers: "auto" });
    const records = searchRecords(archive);
    const rows: string[][] = [];
    for (const size of sizes) {
      process.stderr.write(`bench: indexing in shards of ${size}…\n`);
      const shards = Array.from({ length: Math.ceil(records.length / size) }, (_, shard) => ({ shard, primary: shard === 0, records: records.slice(shard * size, (shard + 1) * size) }));
      const started = performance.now();
      const ownBefore = process.cpuUsage();
      const mainBefore = mainThreadCpuMs();
      const { pagefind, others } = await treeCpuMs(() => writeSearchIndex(shards, join(root, `site-${size}`)));
      const ownUsage = process.cpuUsage(ownBefore);
      // The indexers: this process's threads but the main one (whose time is mostly the sampling
      // of /proc, shown apart), and the processes started but Pagefind's.
      const main = mainThreadCpuMs() - mainBefore;
      const threads = Math.max(0, (ownUsage.user + ownUsage.system) / 1000 - main);
      const wall = performance.now() - started;
      const indexers = threads + others;
      const cpu = indexers + pagefind;
      rows.push([String(size), String(shards.length), (indexers / 1000).toFixed(2), (pagefind / 1000).toFixed(1), (cpu / 1000).toFixed(1), (cpu / records.length).toFixed(2), (main / 1000).toFixed(2), (wall / 1000).toFixed(1)]);
    }
    const header = ["shard size", "shards", "CPU s (indexers)", "CPU s (Pagefind)", "CPU s (both)", "CPU ms/article", "CPU s (main thread, sampling included)", "wall s"];
    process.stdout.write(`${records.length} articles\n${formatTable(header, rows)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
