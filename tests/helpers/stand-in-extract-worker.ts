import { readFileSync } from "node:fs";
import type { FromWorker, ToWorker } from "../../src/build/extract-pool.ts";

/**
 * A stand-in for the extraction worker (src/build/extract-worker.ts), speaking its protocol,
 * whose extraction is what the source file asks for: `loop` never ends (as a pattern that
 * backtracks forever would), `exit` kills the process (as running out of memory would), and
 * anything else is extracted at once. It tests the pool's handling of a source that cannot be
 * extracted, which the real worker no longer meets on any known input.
 */
const reply = (message: FromWorker) => process.send?.(message);
// Chunks are handled in turn, as the real worker does.
let queue = Promise.resolve();
process.on("message", (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  if ("setup" in message) reply({ ready: true });
  else if ("jobs" in message) {
    for (let i = 0; i < message.jobs.length; i++) {
      const job = message.jobs[i] as (typeof message.jobs)[number];
      const asked = readFileSync(job.file, "utf8").trim();
      if (asked === "loop") for (;;);
      if (asked === "exit") process.exit(7);
      reply({ from: message.from + i, results: [{ result: { path: job.display, diagnostics: [], record: null } }] });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else process.disconnect();
}
