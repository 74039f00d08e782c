import { readFileSync } from "node:fs";
import type { ChunkOutcome, ChunkTask } from "../../src/pipeline/extract-pool.ts";
import type { Extracted } from "../../src/pipeline/extract-source.ts";
import { extractEachWithinTimeLimit, timedOutSource } from "../../src/pipeline/source-timeout.ts";

/**
 * A stand-in for the extraction worker (src/pipeline/extract-worker.ts), taking its chunks and
 * keeping its time limit, whose extraction is what the source file asks for: `loop` never ends
 * (as a pattern that backtracks forever would), `exit` kills the process (as running out of
 * memory would), and anything else is extracted at once. It tests the pool's handling of a
 * source that cannot be extracted, which the real worker no longer meets on any known input.
 */
export default function extractChunk(task: ChunkTask): ChunkOutcome {
  const extract = (job: ChunkTask["jobs"][number]): Extracted => {
    const asked = readFileSync(job.file, "utf8").trim();
    if (asked === "loop") for (;;);
    if (asked === "exit") process.exit(7);
    return { result: { path: job.display, diagnostics: [], record: null } };
  };
  return { results: extractEachWithinTimeLimit(task.jobs, extract, (job) => timedOutSource(job.display, task.timeLimitMs), task.timeLimitMs) };
}
