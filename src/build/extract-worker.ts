import { compileKnowledge, type CompiledKnowledge } from "../extract/compile.ts";
import { loadReaders } from "../ingest/read-source.ts";
import { extractSource, type ExtractOptions } from "./extract-source.ts";
import type { FromWorker, ToWorker } from "./extract-pool.ts";

/** A worker process of the extraction pool: compiles the knowledge base it is given, then extracts the chunks of sources it is sent. */
let compiled: CompiledKnowledge | undefined;
let options: ExtractOptions | undefined;
const reply = (message: FromWorker) => process.send?.(message);

// Chunks are handled in turn: one that loads a reader finishes before the next starts.
let queue = Promise.resolve();
process.on("message", (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  try {
    if ("setup" in message) {
      compiled = compileKnowledge(message.setup.kb);
      options = { homeCountry: message.setup.homeCountry, today: new Date(message.setup.today) };
      reply({ ready: true });
    } else if ("jobs" in message) {
      if (!compiled || !options) throw new Error("a chunk came before the setup");
      const [knowledge, settings] = [compiled, options];
      await loadReaders(message.jobs.map((job) => job.file));
      // One reply per source, each sent before the next starts: the pool times each source by them (./extract-pool.ts).
      for (let i = 0; i < message.jobs.length; i++) {
        const job = message.jobs[i] as (typeof message.jobs)[number];
        reply({ from: message.from + i, results: [extractSource(job.file, job.display, knowledge, settings)] });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      process.disconnect();
    }
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker, () => process.exit(1));
  }
}
