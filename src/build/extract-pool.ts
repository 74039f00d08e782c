import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { KnowledgeBase } from "../records/knowledge.ts";
import { forkWorker } from "./fork-worker.ts";
import { LARGE_YOUNG_GENERATION_MB } from "./young-generation.ts";
import type { Diagnostic } from "../records/diagnostic.ts";
import { SOURCE_LIMITS } from "../ingest/source-limits.ts";
import { stepsWithinTimeLimit, timedOutSource, timeoutDiagnostic } from "./source-timeout.ts";
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
/** Worker → parent: set up; the result of a source (`from` is its index, one result); or why it failed. */
export type FromWorker = { ready: true } | { from: number; results: Extracted[] } | { error: string };

/** Below this many sources, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
/** Jobs per chunk: about a twentieth of a second of work, so the shares even out. */
const CHUNK = 40;
/** Chunks a worker holds at once: it starts the next while its last results travel. */
const IN_FLIGHT = 2;
/** Longest stretch this process starts sources without reading the workers' messages. */
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

export interface PoolOptions {
  /** The worker module (tests give a stand-in). */
  workerModule?: URL;
  /** Longest a worker may spend on one source before it is stopped and the source rejected. */
  timeLimitMs?: number;
}

/** Where a chunk is: sent to a worker at `sentAt`, its first `answered` sources done. */
interface Sent extends Chunk {
  sentAt: number;
  answered: number;
}

/**
 * A worker in its slot of the pool. The source it works on is the first unanswered one of the
 * oldest chunk it holds (it extracts in order); that source started when the worker answered
 * the one before, or received the chunk, or became ready, whichever was last.
 */
interface Slot {
  child: ChildProcess;
  readyAt?: number;
  answeredAt: number;
  sent: Sent[];
  failure?: Error;
  /** Stops this worker and ends its slot's feeding with `reason` for the source it was on. */
  stop?: ((reason: Diagnostic) => void) | undefined;
}

export class ExtractionPool {
  private readonly slots: Slot[];
  private readonly workerModule: URL;
  private readonly timeLimitMs: number;
  private setup: WorkerSetup | undefined;
  private closed = false;

  /** Starts `cores - 1` workers (this process is the last core). */
  constructor(cores: number, options: PoolOptions = {}) {
    this.workerModule = options.workerModule ?? new URL("./extract-worker.ts", import.meta.url);
    this.timeLimitMs = options.timeLimitMs ?? SOURCE_LIMITS.extractionSeconds * 1000;
    this.slots = Array.from({ length: Math.max(0, cores - 1) }, () => this.startWorker());
  }

  private startWorker(): Slot {
    const child = forkWorker(this.workerModule, WORKER_NODE_OPTIONS);
    // Errors (a failed start, a send to a worker that died) are reported by `run`; until then they must not go unhandled.
    child.on("error", () => {});
    const slot: Slot = { child, answeredAt: 0, sent: [] };
    child.on("message", (message: FromWorker) => {
      if ("ready" in message) slot.readyAt = performance.now();
      // A failed setup is reported before `run` listens: kept for it.
      else if ("error" in message) slot.failure ??= new Error(`extraction failed: ${message.error}`);
    });
    if (this.setup) child.send({ setup: this.setup } satisfies ToWorker);
    return slot;
  }

  /** Gives the workers what they extract with; before `run`. */
  setUp(setup: WorkerSetup): void {
    this.setup = setup;
    for (const { child } of this.slots) child.send({ setup } satisfies ToWorker);
  }

  /**
   * Extracts `jobs`, this process taking chunks with `extractHere` too; then the workers stop.
   * A worker that spends longer than the time limit on one source is stopped: that source is
   * rejected, the rest of its chunks go back to the queue, and a new worker takes its place.
   * A source this process spends longer on is stopped and rejected the same way (./source-timeout.ts).
   * A worker that dies on a source (out of memory, say) is replaced the same way.
   */
  async run(jobs: readonly ExtractJob[], extractHere: (job: ExtractJob) => Extracted): Promise<Extracted[]> {
    const results: Extracted[] = new Array(jobs.length);
    let next = 0;
    const returned: Chunk[] = [];
    const takeChunk = (): Chunk | undefined => {
      const again = returned.shift();
      if (again) return again;
      if (next >= jobs.length) return undefined;
      const from = next;
      next = Math.min(jobs.length, from + CHUNK);
      return { from, jobs: jobs.slice(from, next) };
    };
    const giveBack = (chunk: Chunk) => returned.push(chunk);
    const finished = this.slots.map((_, index) => this.feedSlot(index, takeChunk, giveBack, results));
    // A worker that fails while this process extracts is reported after its own chunks, not as an unhandled rejection.
    for (const worker of finished) worker.catch(() => {});
    const every = Math.min(1000, Math.max(50, this.timeLimitMs / 4));
    let tick = performance.now();
    const watchdog = setInterval(() => {
      // Late: this process was busy (its own share of the sources), and the workers' answers since are still unread.
      const late = performance.now() - tick > 2 * every;
      tick = performance.now();
      if (!late) this.stopSlowWorkers();
    }, every);
    try {
      // This process takes chunks too, and gives the workers' messages a turn every few
      // milliseconds: a chunk's results (half a megabyte) come through a pipe that holds 64 KB
      // and is read only on such a turn. Turns only between chunks left a worker idle half the
      // time, waiting for its results to be read and its next chunk to be sent.
      // Its sources are under the time limit too, a turn at a time (./source-timeout.ts).
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
      await Promise.all(finished);
    } catch (error) {
      this.close();
      await Promise.allSettled(finished);
      throw error;
    } finally {
      clearInterval(watchdog);
    }
    return results;
  }

  /** Stops the workers (when there turned out to be too little to extract for them). */
  close(): void {
    this.closed = true;
    for (const { child } of this.slots) if (child.exitCode === null && child.signalCode === null) child.kill();
  }

  private stopSlowWorkers(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      const chunk = slot.sent[0];
      if (!chunk || slot.readyAt === undefined || !slot.stop) continue;
      const since = Math.max(slot.readyAt, slot.answeredAt, chunk.sentAt);
      if (now - since <= this.timeLimitMs) continue;
      slot.stop(timeoutDiagnostic((chunk.jobs[chunk.answered] as ExtractJob).display, this.timeLimitMs));
    }
  }

  /**
   * Gives the worker of slot `index` chunks until there are none left, then tells it to stop;
   * settles when it has exited. A worker stopped on a source is replaced and the feeding goes on.
   */
  private async feedSlot(index: number, takeChunk: () => Chunk | undefined, giveBack: (chunk: Chunk) => void, results: Extracted[]): Promise<void> {
    for (;;) {
      const slot = this.slots[index] as Slot;
      const outcome = await feed(slot, takeChunk, results);
      if (outcome === "done" || this.closed) return;
      // The source it was on is rejected; the sources after it go back to the queue, for a new worker.
      const chunk = slot.sent.shift();
      if (!chunk) return;
      const at = chunk.from + chunk.answered;
      results[at] = { result: { path: (chunk.jobs[chunk.answered] as ExtractJob).display, diagnostics: [outcome], record: null } };
      if (chunk.answered + 1 < chunk.jobs.length) giveBack({ from: at + 1, jobs: chunk.jobs.slice(chunk.answered + 1) });
      for (const rest of slot.sent) giveBack({ from: rest.from + rest.answered, jobs: rest.jobs.slice(rest.answered) });
      this.slots[index] = this.startWorker();
    }
  }
}

/**
 * Feeds one worker until it has nothing left ("done", once it exited) or until it is stopped on
 * a source or dies while it holds one (the reason, for that source). Rejects when it cannot
 * work at all: it stopped before it was set up, or it reported a failure.
 */
function feed(slot: Slot, takeChunk: () => Chunk | undefined, results: Extracted[]): Promise<"done" | Diagnostic> {
  const { child } = slot;
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      reject(new Error(`an extraction worker stopped before its first chunk (${child.signalCode ?? `code ${child.exitCode}`})`));
      return;
    }
    let stoppedWith: Diagnostic | undefined;
    let told = false;
    const give = () => {
      if (told) return;
      const chunk = takeChunk();
      if (chunk) {
        slot.sent.push({ ...chunk, sentAt: performance.now(), answered: 0 });
        child.send(chunk satisfies ToWorker);
      } else if (slot.sent.length === 0) {
        // Once: a worker given nothing (a replacement, when the queue is empty) would be told twice.
        told = true;
        child.send({ done: true } satisfies ToWorker);
      }
    };
    slot.stop = (reason) => {
      stoppedWith = reason;
      child.kill("SIGKILL");
    };
    child.on("message", (message: FromWorker) => {
      if ("ready" in message || "error" in message) return;
      const chunk = slot.sent[0];
      if (!chunk) return;
      message.results.forEach((result, i) => (results[message.from + i] = result));
      chunk.answered += message.results.length;
      slot.answeredAt = performance.now();
      if (chunk.answered < chunk.jobs.length) return;
      slot.sent.shift();
      give();
    });
    child.once("error", (error) => (slot.failure ??= error));
    child.once("exit", (code, signal) => {
      slot.stop = undefined;
      if (stoppedWith) resolve(stoppedWith);
      else if (!slot.failure && code === 0 && slot.sent.length === 0) resolve("done");
      else if (!slot.failure && slot.readyAt !== undefined && slot.sent.length > 0) {
        const how = signal ?? `code ${code}`;
        resolve({
          file: (slot.sent[0] as Sent).jobs[(slot.sent[0] as Sent).answered]?.display ?? "",
          rule: "source-failed",
          severity: "error",
          message: `the extraction of the source stopped (${how}), probably out of memory`,
          fix: "Look for very large or deeply nested content in the file, and split or simplify it.",
        });
      } else reject(slot.failure ?? new Error(`an extraction worker stopped with ${signal ?? `code ${code}`}`));
    });
    for (let i = 0; i < IN_FLIGHT; i++) give();
  });
}
