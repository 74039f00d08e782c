import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { compileKnowledge, type CompiledKnowledge } from "../extract/compile.ts";
import { loadReaders } from "../ingest/read-source.ts";
import type { ChunkOutcome, ChunkTask, WorkerSetup } from "./extract-pool.ts";
import { extractSource, type ExtractOptions } from "./extract-source.ts";
import { extractEachWithinTimeLimit, timedOutSource } from "./source-timeout.ts";

/**
 * The extraction pool's worker (./extract-pool.ts): a child process that Tinypool gives chunks
 * of sources. Each source is under the time limit here, as in the build process
 * (./source-timeout.ts): one that runs past it is stopped and rejected, and the chunk goes on.
 */
let knowledge: { setup: string; compiled: CompiledKnowledge; options: ExtractOptions } | undefined;

/** The setup a chunk names, read and compiled once per worker. */
function setUp(file: string) {
  if (knowledge?.setup !== file) {
    const setup = deserialize(readFileSync(file)) as WorkerSetup;
    knowledge = { setup: file, compiled: compileKnowledge(setup.kb), options: { homeCountry: setup.homeCountry, today: new Date(setup.today) } };
  }
  return knowledge;
}

export default async function extractChunk(task: ChunkTask): Promise<ChunkOutcome> {
  try {
    const { compiled, options } = setUp(task.setup);
    await loadReaders(task.jobs.map((job) => job.file));
    return {
      results: extractEachWithinTimeLimit(
        task.jobs,
        (job) => extractSource(job.file, job.display, compiled, options),
        (job) => timedOutSource(job.display, task.timeLimitMs),
        task.timeLimitMs,
      ),
    };
  } catch (error) {
    // Not a source's problem (each source's own failures are its rejection): the build stops with it.
    return { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
