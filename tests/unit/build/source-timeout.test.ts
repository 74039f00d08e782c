import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ExtractionPool, type ExtractJob } from "../../../src/pipeline/extract-pool.ts";
import type { Extracted } from "../../../src/pipeline/extract-source.ts";
import { extractEachWithinTimeLimit, stepsWithinTimeLimit, timedOutSource } from "../../../src/pipeline/source-timeout.ts";
import type { KnowledgeBase } from "../../../src/model/knowledge.ts";
import { scratchDir } from "../../helpers/scratch.ts";

/**
 * A job that runs far longer than the limit (ten times) and then returns: with no time limit
 * it ends with its own result, which the assertions tell apart from a rejection, instead of
 * hanging the test process.
 */
function runFor(ms: number): string {
  const until = performance.now() + ms;
  while (performance.now() < until);
  return "finished on its own";
}

describe("extraction under a time limit in this process", () => {
  it("stops a job that runs past the limit, hands it over as stopped, and runs every other job in order", () => {
    const limitMs = 200;
    const results = extractEachWithinTimeLimit(
      ["a", "slow", "b", "slow", "c"],
      (job) => (job === "slow" ? runFor(limitMs * 10) : job.toUpperCase()),
      (job) => `stopped ${job}`,
      limitMs,
    );
    // A slow job not cut short would have returned "finished on its own".
    assert.deepEqual(results, ["A", "stopped slow", "B", "stopped slow", "C"]);
  });

  it("stops a regular expression that backtracks without end, which a catch inside the job cannot swallow", () => {
    const [result] = extractEachWithinTimeLimit(
      ["a".repeat(64) + "!"],
      (text) => {
        try {
          return String(/^(a+)+$/.test(text));
        } catch {
          return "caught";
        }
      },
      () => "stopped",
      200,
    );
    assert.equal(result, "stopped");
  });

  it("gives each job at least the limit, however long the jobs before it in the same slice took", () => {
    // Three jobs of 60 ms, then one of 290 ms that starts 180 ms into the same slice (200 ms): it ends 470 ms after the slice began, and is under its limit (300 ms).
    const lengths = [60, 60, 60, 290];
    const results: string[] = [];
    for (let i = 0; i < lengths.length; ) {
      i = stepsWithinTimeLimit(
        i,
        lengths.length,
        (at) => (runFor(lengths[at] as number), results.push(`ran ${lengths[at]}`)),
        (at) => results.push(`stopped ${lengths[at]}`),
        { limitMs: 300, sliceMs: 200 },
      );
    }
    assert.deepEqual(results, ["ran 60", "ran 60", "ran 60", "ran 290"]);
  });

  it("lets an error of a job through rather than taking it for the time limit", () => {
    assert.throws(
      () =>
        stepsWithinTimeLimit(
          0,
          1,
          () => {
            throw new Error("a bug");
          },
          () => {},
          { limitMs: 1000 },
        ),
      /a bug/,
    );
  });

  it("returns the results a plain loop returns when no job is stopped", () => {
    const jobs = Array.from({ length: 500 }, (_, i) => i);
    assert.deepEqual(
      extractEachWithinTimeLimit(jobs, (i) => i * i, () => -1, 1000),
      jobs.map((i) => i * i),
    );
  });
});

describe("the extraction pool's own share of the sources", () => {
  it("rejects a source this process spends longer than the limit on, and extracts every other one", async () => {
    const dir = join(scratchDir("pool-own-share"), "sources");
    mkdirSync(dir, { recursive: true });
    const jobs: ExtractJob[] = Array.from({ length: 200 }, (_, i) => {
      const file = join(dir, `source-${i}.md`);
      writeFileSync(file, "ordinary");
      return { file, display: `source-${i}.md` };
    });
    const limitMs = 500;
    // The worker takes the first two chunks of 40 (sources 0–79) before this process takes its first: source 100 is this process's.
    const pool = new ExtractionPool(2, { workerModule: new URL("../../helpers/stand-in-extract-worker.ts", import.meta.url), timeLimitMs: limitMs });
    pool.setUp({ kb: {} as KnowledgeBase, homeCountry: "MA", today: new Date().toISOString() });
    const here = new Set<number>();
    const extractHere = (job: ExtractJob): Extracted => {
      const index = Number(/\d+/.exec(job.display)?.[0]);
      here.add(index);
      const note = index === 100 ? runFor(limitMs * 10) : "extracted in this process";
      return { result: { path: job.display, diagnostics: [{ file: job.display, rule: "here", severity: "info", message: note }], record: null } };
    };
    try {
      const results = await pool.run(jobs, extractHere);
      assert.ok(here.has(100), "this process took source 100");
      assert.deepEqual(results[100], timedOutSource("source-100.md", limitMs));
      assert.match(results[100]?.result.diagnostics[0]?.message ?? "", /took longer than 0\.5 s/);
      for (const [i, extracted] of results.entries()) {
        assert.equal(extracted?.result.path, `source-${i}.md`);
        if (i !== 100) assert.notEqual(extracted.result.diagnostics[0]?.rule, "source-timeout", `source ${i}`);
        if (i !== 100 && here.has(i)) assert.equal(extracted.result.diagnostics[0]?.message, "extracted in this process");
      }
    } finally {
      pool.close();
    }
  });
});
