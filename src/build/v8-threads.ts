import { availableParallelism } from "node:os";

/** How many background threads Node gives V8, whatever the machine. */
const NODE_DEFAULT_POOL = 4;

/**
 * The Node option (`--v8-pool-size`) that sets the number of V8's background threads in the
 * build's Node processes: the build process and its workers (extraction, search indexing).
 * V8 runs its parallel scavenges, concurrent marking and optimizing compilation on them, and
 * Node starts four per process. A build keeps every core busy with processes of its own, so
 * more threads only take turns with those processes: one per core beyond the first, at most
 * Node's four. Cold builds of 10,000 articles on 2 cores, alternating runs: 28.2-30.2 s and
 * 53.9-57.5 s of processor time with one thread per process (3 runs), 30.9-38.0 s and
 * 58.5-72.1 s with Node's four (6 runs, five of them at 30.9-31.9 s; `perf stat -e task-clock`).
 */
export function v8PoolSizeOption(cores = availableParallelism()): string {
  return `--v8-pool-size=${Math.min(NODE_DEFAULT_POOL, Math.max(1, cores - 1))}`;
}
