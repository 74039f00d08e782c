import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { KnowledgeBase } from "../records/knowledge.ts";
import { forkWorker } from "./fork-worker.ts";
import { LARGE_YOUNG_GENERATION_MB } from "./young-generation.ts";
import type { Extracted } from "./extract-source.ts";

/**
 * Extraction on every core. This process and one worker process per other core take the
 * sources a chunk at a time, so a worker that started late or runs on a busier core takes
 * fewer; results are put back in the sources' order.
 *
 * Workers are child processes given the knowledge base already loaded (structured clone:
 * maps, sets and patterns cross as they are), not worker threads: extraction allocates a
 * great deal, and here two isolates in one process ran each about 40 % slower than alone.
 * They are started before they are set up, so that loading their code (a fifth of a second
 * compiled with the script, 0.7 s through tsx) overlaps this process's reading of the
 * knowledge base or hashing of the sources.
 */
export interface ExtractJob {
  file: string;
  display: string;
}

/** What a worker is given once, before its first chunk. */
export interface WorkerSetup {
  kb: KnowledgeBase;
  homeCountry: string;
  /** ISO timestamp: dates cross processes as text. */
  today: string;
}

/** Parent → worker: the setup, then chunks of jobs, then the end. */
export type ToWorker = { setup: WorkerSetup } | { from: number; jobs: ExtractJob[] } | { done: true };
/** Worker → parent: the results of a chunk, or why it failed. */
export type FromWorker = { from: number; results: Extracted[] } | { error: string };

/** Below this many sources, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
/** Jobs per chunk: about a twentieth of a second of work, so the shares even out. */
const CHUNK = 40;
/** Chunks a worker holds at once: it starts the next while its last results travel. */
const IN_FLIGHT = 2;
/** Longest stretch this process extracts without reading the workers' messages. */
const TURN_MS = 3;

/** Workers extract with the larger young generation, as the build process does. */
const WORKER_NODE_OPTIONS = [`--max-semi-space-size=${LARGE_YOUNG_GENERATION_MB}`];

/** Cores to extract `sources` sources on: all of them (at most 8) when there are enough. */
export function workerCount(sources: number): number {
  return sources >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(availableParallelism(), 8)) : 1;
}

interface Chunk {
  from: number;
  jobs: ExtractJob[];
}

export class ExtractionPool {
  private readonly children: ChildProcess[];

  /** Starts `cores - 1` workers (this process is the last core). */
  constructor(cores: number) {
    this.children = Array.from({ length: Math.max(0, cores - 1) }, () => {
      const child = forkWorker(new URL("./extract-worker.ts", import.meta.url), WORKER_NODE_OPTIONS);
      // Errors (a failed start, a send to a worker that died) are reported by `run`; until then they must not go unhandled.
      child.on("error", () => {});
      return child;
    });
  }

  /** Gives the workers what they extract with; before `run`. */
  setUp(setup: WorkerSetup): void {
    for (const child of this.children) child.send({ setup } satisfies ToWorker);
  }

  /** Extracts `jobs`, this process taking chunks with `extractHere` too; then the workers stop. */
  async run(jobs: readonly ExtractJob[], extractHere: (job: ExtractJob) => Extracted): Promise<Extracted[]> {
    const results: Extracted[] = new Array(jobs.length);
    let next = 0;
    const takeChunk = (): Chunk | undefined => {
      if (next >= jobs.length) return undefined;
      const from = next;
      next = Math.min(jobs.length, from + CHUNK);
      return { from, jobs: jobs.slice(from, next) };
    };
    const finished = this.children.map((child) => feed(child, takeChunk, results));
    // A worker that fails while this process extracts is reported after its own chunks, not as an unhandled rejection.
    for (const worker of finished) worker.catch(() => {});
    try {
      // This process takes chunks too, and gives the workers' messages a turn every few
      // milliseconds: a chunk's results (half a megabyte) come through a pipe that holds 64 KB
      // and is read only on such a turn. Turns only between chunks left a worker idle half the
      // time, waiting for its results to be read and its next chunk to be sent.
      let turn = performance.now();
      for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
        for (let i = 0; i < chunk.jobs.length; i++) {
          results[chunk.from + i] = extractHere(chunk.jobs[i] as ExtractJob);
          if (performance.now() - turn < TURN_MS) continue;
          await new Promise((resolve) => setImmediate(resolve));
          turn = performance.now();
        }
      }
      await Promise.all(finished);
    } catch (error) {
      this.close();
      await Promise.allSettled(finished);
      throw error;
    }
    return results;
  }

  /** Stops the workers (when there turned out to be too little to extract for them). */
  close(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill();
  }
}

/** Gives a worker chunks until there are none left, then tells it to stop; settles when it has exited. */
function feed(child: ChildProcess, takeChunk: () => Chunk | undefined, results: Extracted[]): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      reject(new Error(`an extraction worker stopped before its first chunk (${child.signalCode ?? `code ${child.exitCode}`})`));
      return;
    }
    let pending = 0;
    let failure: Error | undefined;
    const give = () => {
      const chunk = takeChunk();
      if (chunk) {
        pending++;
        child.send(chunk satisfies ToWorker);
      } else if (pending === 0) child.send({ done: true } satisfies ToWorker);
    };
    child.on("message", (message: FromWorker) => {
      if ("error" in message) {
        failure = new Error(`extraction failed: ${message.error}`);
        return;
      }
      message.results.forEach((result, i) => (results[message.from + i] = result));
      pending--;
      give();
    });
    child.once("error", (error) => (failure ??= error));
    child.once("exit", (code, signal) => {
      if (!failure && code === 0 && pending === 0) resolve();
      else reject(failure ?? new Error(`an extraction worker stopped with ${signal ?? `code ${code}`}`));
    });
    for (let i = 0; i < IN_FLIGHT; i++) give();
  });
}
