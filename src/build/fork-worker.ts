import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * A worker process of the build (extraction, search indexing): messages in V8's
 * structured-clone format (maps, sets and patterns cross as they are, with no JSON round
 * trip), none of this process's Node options (no tsx loader: an entry that needs it
 * registers it), and its output on the build's.
 */
export function forkWorker(entry: URL): ChildProcess {
  return fork(fileURLToPath(entry), [], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}
