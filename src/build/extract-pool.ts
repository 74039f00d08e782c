import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SourceResult } from "./record-cache.ts";

/**
 * Extraction on every core: the sources are split into one contiguous share per worker
 * thread (each loads the knowledge base once); results come back in the sources' order.
 */
export interface WorkerTask {
  contentDir: string;
  cwd: string;
  homeCountry: string;
  /** ISO timestamp: dates cross threads as text. */
  today: string;
  jobs: { file: string; display: string }[];
}

/** Below this many sources, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

export function threadCount(sources: number): number {
  return sources >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(availableParallelism(), 8)) : 1;
}

export async function extractInParallel(task: Omit<WorkerTask, "jobs">, jobs: WorkerTask["jobs"], threads: number): Promise<SourceResult[]> {
  const size = Math.ceil(jobs.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size)).filter((share) => share.length > 0);
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<SourceResult[]>((resolve, reject) => {
          const worker = new Worker(new URL("./extract-worker-entry.mjs", import.meta.url), { workerData: { ...task, jobs: share } satisfies WorkerTask });
          worker.once("message", (results: SourceResult[]) => {
            resolve(results);
            void worker.terminate();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`an extraction worker stopped with code ${code}`));
          });
        }),
    ),
  );
  return parts.flat();
}
