import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { heapForArticles } from "../../scripts/lib/heap.ts";
import { v8PoolSizeOption } from "../../src/build/v8-threads.ts";
import { scratchDir } from "../helpers/scratch.ts";

const HEAP = pathToFileURL(join(import.meta.dirname, "..", "..", "scripts", "lib", "heap.ts")).href;
const scripts = scratchDir("heap");
let scriptCount = 0;

/**
 * Runs a script that asks `ensureHeap` for `needs`: the process that does the work prints its
 * flags and exits with 3, the code the launching process must pass on.
 */
function runWithNeeds(needs: object, nodeFlags: string[] = []) {
  const script = join(scripts, `needs-${++scriptCount}.ts`);
  writeFileSync(
    script,
    `import { ensureHeap } from ${JSON.stringify(HEAP)};
if (!ensureHeap(() => (${JSON.stringify(needs)}))) {
  console.log(JSON.stringify({ flags: process.execArgv, relaunched: Boolean(process.env["REVUE_HEAP_FLAGS"]) }));
  process.exit(3);
}
`,
  );
  const env = { ...process.env };
  delete env["REVUE_HEAP_FLAGS"];
  const run = spawnSync(process.execPath, [...nodeFlags, "--import", "tsx", script], { encoding: "utf8", env });
  return { status: run.status, ...(JSON.parse(run.stdout) as { flags: string[]; relaunched: boolean }) };
}

describe("the build's heap", () => {
  it("gives large builds a larger young generation, small ones and rebuilds Node's defaults", () => {
    assert.equal(heapForArticles(100).semiSpaceMegabytes, undefined);
    assert.equal(heapForArticles(10_000).semiSpaceMegabytes, 64);
    assert.equal(heapForArticles(10_000, { rebuild: true }).semiSpaceMegabytes, undefined);
    assert.ok(heapForArticles(100_000).megabytes > heapForArticles(10_000).megabytes);
    // A rebuild still holds every record: it gets the heap a build gets.
    assert.equal(heapForArticles(100_000, { rebuild: true }).megabytes, heapForArticles(100_000).megabytes);
  });

  it("runs the script again with the flags it lacks, and exits with the child's code", () => {
    const run = runWithNeeds({ megabytes: 64, semiSpaceMegabytes: 32 });
    assert.equal(run.status, 3);
    assert.ok(run.relaunched);
    assert.ok(run.flags.includes("--max-semi-space-size=32"), run.flags.join(" "));
    assert.ok(run.flags.includes(v8PoolSizeOption()), run.flags.join(" "));
    // Node's default heap is larger than 64 MB: no heap flag is added.
    assert.ok(!run.flags.some((flag) => flag.startsWith("--max-old-space-size")), run.flags.join(" "));
  });

  it("gives each process of the build one V8 thread per core beyond the first, at most Node's four", () => {
    assert.equal(v8PoolSizeOption(1), "--v8-pool-size=1");
    assert.equal(v8PoolSizeOption(2), "--v8-pool-size=1");
    assert.equal(v8PoolSizeOption(4), "--v8-pool-size=3");
    assert.equal(v8PoolSizeOption(64), "--v8-pool-size=4");
  });

  it("leaves a process alone that already has what it needs", () => {
    const run = runWithNeeds({ megabytes: 64, semiSpaceMegabytes: 32 }, ["--max-semi-space-size=16"]);
    assert.equal(run.status, 3);
    assert.ok(!run.relaunched);
  });

  it("asks for a larger heap when the default one is too small", () => {
    const run = runWithNeeds({ megabytes: 300 }, ["--max-old-space-size=100"]);
    assert.equal(run.status, 3);
    assert.ok(run.flags.includes("--max-old-space-size=300"), run.flags.join(" "));
  });
});
