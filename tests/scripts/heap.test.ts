import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { heapForArticles } from "../../scripts/lib/heap.ts";
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
  it("gives a build a heap that grows with its articles", () => {
    assert.ok(heapForArticles(100_000).megabytes > heapForArticles(10_000).megabytes);
    assert.ok(heapForArticles(100).megabytes >= 1024);
  });

  it("leaves a process alone whose heap is already large enough", () => {
    const run = runWithNeeds({ megabytes: 64 });
    assert.equal(run.status, 3);
    assert.ok(!run.relaunched);
  });

  it("asks for a larger heap when the default one is too small", () => {
    const run = runWithNeeds({ megabytes: 300 }, ["--max-old-space-size=100"]);
    assert.equal(run.status, 3);
    assert.ok(run.relaunched);
    assert.ok(run.flags.includes("--max-old-space-size=300"), run.flags.join(" "));
    // No other V8 flag is added.
    assert.deepEqual(run.flags.filter((flag) => flag.startsWith("--") && !flag.startsWith("--max-old-space-size") && flag !== "--import"), []);
  });
});
