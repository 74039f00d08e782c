/**
 * npm run bench:search [-- --n 3000 --size 300 --size 1500 --size 3000]
 *
 * The search index's cost by shard size: generates a deterministic archive of N articles
 * (as `npm run bench` does), makes their search records, then indexes them in shards of each
 * size as the build does (scripts/lib/search-index.ts, through Pagefind's Node API), and
 * prints the processor time of the indexers and of the Pagefind processes they start, per
 * article: what the shard size (search_shard_size) trades against the count of bundles.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./bench/generate-corpus.ts";
import { buildArchive } from "../src/pipeline/build-archive.ts";
import { searchRecords } from "../src/search/records.ts";
import { parse, run } from "./lib/cli.ts";
import { listProcesses, processTree } from "./lib/process-tree.ts";
import { writeSearchIndex } from "./lib/search-index.ts";
import { formatTable } from "./lib/table.ts";

const USAGE = "usage: npm run bench:search -- [--n 3000] [--size 300] [--size 1500] [--size 3000]";

/**
 * Processor time of the processes this one starts while `work` runs, Pagefind's included:
 * Pagefind's processes are not waited for by the indexers that start them, so the kernel's
 * count of waited-for children misses them. /proc is read
 * every 20 ms, and each process found below this one is followed to its end (by then it
 * may belong to another parent). Milliseconds; the last 20 ms of a process can be missed.
 */
async function treeCpuMs(work: () => Promise<unknown>): Promise<number> {
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    const processes = listProcesses();
    const below = new Set(processTree(process.pid, processes).map((p) => p.pid));
    below.delete(process.pid);
    for (const p of processes) if (cpuByPid.has(p.pid) || below.has(p.pid)) cpuByPid.set(p.pid, p.cpuMs);
  };
  const timer = setInterval(sample, 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return [...cpuByPid.values()].reduce((sum, ms) => sum + ms, 0);
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
      const cpu = await treeCpuMs(() => writeSearchIndex(shards, join(root, `site-${size}`)));
      const wall = performance.now() - started;
      rows.push([String(size), String(shards.length), (cpu / 1000).toFixed(1), (cpu / records.length).toFixed(2), (wall / 1000).toFixed(1)]);
    }
    const header = ["shard size", "shards", "CPU s (indexers and Pagefind)", "CPU ms/article", "wall s"];
    process.stdout.write(`${records.length} articles\n${formatTable(header, rows)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
