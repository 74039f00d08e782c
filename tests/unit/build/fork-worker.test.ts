import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { forkWorker } from "../../../src/build/fork-worker.ts";
import { v8PoolSizeOption } from "../../../src/build/v8-threads.ts";
import { scratchDir } from "../../helpers/scratch.ts";

/** Where scripts/run.mjs says which workers were compiled with the script. */
const COMPILED = Symbol.for("revue.workers");

function firstMessage(child: ChildProcess): Promise<{ kind: string; execArgv?: string[] }> {
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message as { kind: string; execArgv?: string[] }));
    child.once("exit", (code) => reject(new Error(`the worker stopped (code ${code}) before its message`)));
  });
}

describe("forkWorker", () => {
  const dir = scratchDir("fork");
  // ES modules, as the project's are.
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const source = join(dir, "worker.ts");
  writeFileSync(source, 'const kind: string = "typescript";\nprocess.send?.({ kind }, () => process.disconnect());\n');
  const compiled = join(dir, "compiled-worker.mjs");
  writeFileSync(compiled, 'process.send({ kind: "compiled" }, () => process.disconnect());\n');
  const options = join(dir, "options-worker.mjs");
  writeFileSync(options, 'process.send({ kind: "options", execArgv: process.execArgv }, () => process.disconnect());\n');

  it("runs a worker's TypeScript through tsx when the script was not compiled", async () => {
    assert.equal((await firstMessage(forkWorker(pathToFileURL(source)))).kind, "typescript");
  });

  it("runs the worker's compiled module when the script was compiled with it (scripts/run.mjs)", async () => {
    const globals = globalThis as Record<symbol, unknown>;
    globals[COMPILED] = { [source]: compiled };
    try {
      assert.equal((await firstMessage(forkWorker(pathToFileURL(source)))).kind, "compiled");
    } finally {
      delete globals[COMPILED];
    }
  });

  it("starts a worker with the Node options it is given and the build's V8 threads, and none of this process's otherwise", async () => {
    assert.deepEqual((await firstMessage(forkWorker(pathToFileURL(options), ["--max-semi-space-size=64"]))).execArgv, [v8PoolSizeOption(), "--max-semi-space-size=64"]);
    assert.deepEqual((await firstMessage(forkWorker(pathToFileURL(options)))).execArgv, [v8PoolSizeOption()]);
  });
});
