import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { v8PoolSizeOption } from "./v8-threads.ts";

/**
 * Worker modules compiled with the running script: their source path → the compiled module
 * (set by scripts/run.mjs). Through tsx, loading a worker's TypeScript took 0.7 s and a second
 * of processor time at its start; compiled, a fifth of that.
 */
const PRECOMPILED_WORKERS = Symbol.for("revue.workers");

/** Starts TypeScript workers that were not compiled: registers tsx, then runs the module. */
const TYPESCRIPT_WORKER = fileURLToPath(new URL("./typescript-worker.mjs", import.meta.url));

/**
 * A worker process of the build (extraction, search indexing), running the module `entry`:
 * compiled with the script when it was, else TypeScript through tsx, or plain JavaScript.
 * Messages in V8's structured-clone format (maps, sets and patterns cross as they are, with
 * no JSON round trip), none of this process's Node options but `nodeOptions` (V8's heap
 * settings, say) and the build's number of V8 threads (./v8-threads.ts), and its output on
 * the build's.
 */
export function forkWorker(entry: URL, nodeOptions: readonly string[] = []): ChildProcess {
  const source = fileURLToPath(entry);
  const compiled = (globalThis as Record<symbol, Record<string, string> | undefined>)[PRECOMPILED_WORKERS]?.[source];
  const [module, args] = compiled ? [compiled, []] : source.endsWith(".ts") ? [TYPESCRIPT_WORKER, [source]] : [source, []];
  return fork(module, args, { serialization: "advanced", execArgv: [v8PoolSizeOption(), ...nodeOptions], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}
