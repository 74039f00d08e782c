import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import Tinypool from "tinypool";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { SOURCE_LIMITS } from "../ingest/source-limits.ts";
import { stepsWithinTimeLimit, timedOutSource } from "./source-timeout.ts";
import type { Extracted } from "./extract-source.ts";
import { RUNS_COMPILED, TYPESCRIPT_LOADER } from "./typescript-loader.ts";

/**
 * Extraction on every core: this process and a Tinypool of worker processes, one per other
 * core, take the sources a chunk at a time, so a worker that started late or runs on a busier
 * core takes fewer; results are put back in the sources' order.
 *
 * Worker processes, not threads: a worker that runs out of memory on a source takes only its
 * own process down, and the pool replaces it. They start when the pool is made, so that
 * loading their code overlaps this process's reading of the knowledge base or hashing of the
 * sources. Every source is under the time limit wherever it is extracted (./source-timeout.ts).
 */
export interface ExtractJob {
  file: string;
  display: string;
}

/** What the workers extract with. */
export interface WorkerSetup {
  kb: KnowledgeBase;
  homeCountry: string;
  /** ISO timestamp. */
  today: string;
}

/** One chunk of sources for a worker. */
export interface ChunkTask {
  /** File of the setup (V8's structured-clone format): written once, read once by each worker. */
  setup: string;
  jobs: ExtractJob[];
  timeLimitMs: number;
}

/** A chunk's results, in its order; or why the worker could not extract at all (its setup failed, say). */
export type ChunkOutcome = { results: Extracted[] } | { failure: string };

/**
 * Below this many sources, starting workers costs more than it saves: a worker process loads
 * its code and compiles the knowledge base before it takes its first chunk, on the core that
 * the search indexers and this process's own work would have had, and by then this process
 * has extracted most of a small archive (docs/performance.md has the measurements).
 */
export const PARALLEL_THRESHOLD = 3000;
/** Jobs per chunk: about a twentieth of a second of work, so the shares even out. */
const CHUNK = 40;
/** Chunks a worker holds at once: it starts the next while its last results travel. */
const IN_FLIGHT = 2;
/** Longest stretch this process extracts without reading the workers' messages. */
const TURN_MS = 3;

/** Cores to extract `sources` sources on: all of them (at most 8) when there are enough. */
export function workerCount(sources: number): number {
  return sources >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(availableParallelism(), 8)) : 1;
}

export interface PoolOptions {
  /** The worker module (tests give a stand-in). */
  workerModule?: URL;
  /** Longest one source may take before it is stopped and rejected. */
  timeLimitMs?: number;
}

/** The workers' module: its source, or its compiled module beside this one's in dist/. */
const WORKER_MODULE = new URL(RUNS_COMPILED ? "./extract-worker.mjs" : "./extract-worker.ts", import.meta.url);

export class ExtractionPool {
  private readonly workers: number;
  private readonly pool: Tinypool | undefined;
  private readonly timeLimitMs: number;
  private setupFolder: string | undefined;
  private closed = false;

  /** Starts `cores - 1` workers (this process is the last core). */
  constructor(cores: number, options: PoolOptions = {}) {
    this.workers = Math.max(0, cores - 1);
    this.timeLimitMs = options.timeLimitMs ?? SOURCE_LIMITS.extractionSeconds * 1000;
    this.pool =
      this.workers > 0
        ? new Tinypool({
            filename: (options.workerModule ?? WORKER_MODULE).href,
            runtime: "child_process",
            minThreads: this.workers,
            maxThreads: this.workers,
            concurrentTasksPerWorker: IN_FLIGHT,
            execArgv: [...TYPESCRIPT_LOADER],
            // Tinypool's worker processes get only the environment given here.
            env: { ...process.env } as Record<string, string>,
            // Structured clone: records cross as they are, with no JSON round trip.
            serialization: "advanced",
          })
        : undefined;
  }

  /** Gives the workers what they extract with; before `run`. */
  setUp(setup: WorkerSetup): void {
    this.setupFolder ??= mkdtempSync(join(tmpdir(), "revue-extract-"));
    writeFileSync(join(this.setupFolder, "setup"), serialize(setup));
  }

  /**
   * Extracts `jobs`, this process taking chunks with `extractHere` too. A worker that dies on a
   * chunk (out of memory, say) is replaced by the pool; the chunk's sources are then extracted
   * again one by one, so that only the source it dies on is rejected, with the reason.
   */
  async run(jobs: readonly ExtractJob[], extractHere: (job: ExtractJob) => Extracted): Promise<Extracted[]> {
    const results: Extracted[] = new Array(jobs.length);
    let next = 0;
    const takeChunk = (): { from: number; jobs: ExtractJob[] } | undefined => {
      if (next >= jobs.length) return undefined;
      const from = next;
      next = Math.min(jobs.length, from + CHUNK);
      return { from, jobs: jobs.slice(from, next) };
    };
    const lane = async () => {
      for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
        const { from } = chunk;
        (await this.inWorker(chunk.jobs)).forEach((result, i) => (results[from + i] = result));
      }
    };
    const lanes = this.pool ? Array.from({ length: this.workers * IN_FLIGHT }, lane) : [];
    // A lane that fails while this process extracts is reported after its own chunks, not as an unhandled rejection.
    for (const running of lanes) running.catch(() => {});
    try {
      // This process takes chunks too, and gives the workers' messages a turn every few
      // milliseconds: their results come through a pipe that is read only on such a turn.
      for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
        const { from, jobs: own } = chunk;
        for (let i = 0; i < own.length; ) {
          i = stepsWithinTimeLimit(
            i,
            own.length,
            (at) => (results[from + at] = extractHere(own[at] as ExtractJob)),
            (at) => (results[from + at] = timedOutSource((own[at] as ExtractJob).display, this.timeLimitMs)),
            { limitMs: this.timeLimitMs, sliceMs: TURN_MS },
          );
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await Promise.all(lanes);
    } catch (error) {
      this.close();
      await Promise.allSettled(lanes);
      throw error;
    }
    return results;
  }

  /** Stops the workers and removes the setup file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.pool?.destroy();
    if (this.setupFolder) rmSync(this.setupFolder, { recursive: true, force: true });
  }

  private async inWorker(jobs: ExtractJob[]): Promise<Extracted[]> {
    if (!this.pool || !this.setupFolder) throw new Error("the extraction pool was not set up");
    let outcome: ChunkOutcome;
    try {
      outcome = (await this.pool.run({ setup: join(this.setupFolder, "setup"), jobs, timeLimitMs: this.timeLimitMs } satisfies ChunkTask)) as ChunkOutcome;
    } catch (error) {
      if (this.closed) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (jobs.length === 1) return [workerLost((jobs[0] as ExtractJob).display, reason)];
      // Which of the chunk's sources the worker died on is not known: each goes again, alone.
      return (await Promise.all(jobs.map((job) => this.inWorker([job])))).flat();
    }
    if ("failure" in outcome) throw new Error(`extraction failed: ${outcome.failure}`);
    return outcome.results;
  }
}

/** A source whose worker died while it extracted that source alone: rejected with the reason, and never cached. */
function workerLost(display: string, reason: string): Extracted {
  const diagnostic: Diagnostic = {
    file: display,
    rule: "source-failed",
    severity: "error",
    ...described("source-worker-lost", { reason }),
  };
  return { result: { path: display, diagnostics: [diagnostic], record: null } };
}
