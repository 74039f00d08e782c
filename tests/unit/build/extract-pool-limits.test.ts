import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ExtractionPool, type ExtractJob } from "../../../src/pipeline/extract-pool.ts";
import type { Extracted } from "../../../src/pipeline/extract-source.ts";
import type { KnowledgeBase } from "../../../src/model/knowledge.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const STAND_IN = new URL("../../helpers/stand-in-extract-worker.ts", import.meta.url);

/** Sources whose content tells the stand-in worker what to do (see its comment). */
function jobsOf(contents: string[]): ExtractJob[] {
  const dir = join(scratchDir("pool-limits"), "sources");
  mkdirSync(dir, { recursive: true });
  return contents.map((content, i) => {
    const file = join(dir, `source-${i}.md`);
    writeFileSync(file, content);
    return { file, display: `source-${i}.md` };
  });
}

const setup = { kb: {} as KnowledgeBase, homeCountry: "MA", today: new Date().toISOString() };
const extractHere = (job: ExtractJob): Extracted => ({ result: { path: job.display, diagnostics: [{ file: job.display, rule: "here", severity: "info", message: "extracted in this process" }], record: null } });

describe("the extraction pool under a source that cannot be extracted", () => {
  // A hang guard, not a timing claim: a pool that never stops the worker fails here instead of hanging the suite.
  it("stops a source in a worker after the time limit, rejects it with the reason and extracts every other one", { timeout: 120_000 }, async () => {
    // The workers take the first chunks (four of 40 sources) before this process takes its own: sources 45 and 130 go to them.
    const contents = Array.from({ length: 400 }, (_, i) => (i === 45 || i === 130 ? "loop" : "ordinary"));
    const jobs = jobsOf(contents);
    const pool = new ExtractionPool(3, { workerModule: STAND_IN, timeLimitMs: 1500 });
    pool.setUp(setup);
    try {
      const results = await pool.run(jobs, extractHere);
      assert.equal(results.length, jobs.length);
      for (const [i, extracted] of results.entries()) {
        assert.equal(extracted?.result.path, `source-${i}.md`);
        if (i === 45 || i === 130) {
          assert.equal(extracted.result.diagnostics[0]?.rule, "source-timeout", `source ${i}`);
          assert.match(extracted.result.diagnostics[0]?.message ?? "", /took longer than 1\.5 s/);
        } else assert.notEqual(extracted.result.diagnostics[0]?.rule, "source-timeout", `source ${i} is not rejected`);
      }
    } finally {
      pool.close();
    }
  });

  it("rejects the source a worker dies on and goes on with a new worker", async () => {
    const contents = Array.from({ length: 200 }, (_, i) => (i === 50 ? "exit" : "ordinary"));
    const jobs = jobsOf(contents);
    const pool = new ExtractionPool(2, { workerModule: STAND_IN, timeLimitMs: 30_000 });
    pool.setUp(setup);
    try {
      // The worker takes sources 0–79 first: source 50 is its.
      const results = await pool.run(jobs, extractHere);
      assert.equal(results[50]?.result.diagnostics[0]?.rule, "source-failed");
      assert.match(results[50]?.result.diagnostics[0]?.message ?? "", /stopped its worker process/);
      assert.equal(results.filter((r) => r?.result.record === null).length, 200);
      assert.equal(results.filter((r) => r?.result.diagnostics[0]?.rule === "source-failed").length, 1);
    } finally {
      pool.close();
    }
  });

  it("finishes when the source it stops was the last one", async () => {
    const jobs = jobsOf(Array.from({ length: 40 }, (_, i) => (i === 39 ? "loop" : "ordinary")));
    const pool = new ExtractionPool(2, { workerModule: STAND_IN, timeLimitMs: 1000 });
    pool.setUp(setup);
    try {
      const results = await pool.run(jobs, extractHere);
      assert.equal(results[39]?.result.diagnostics[0]?.rule, "source-timeout");
      assert.equal(results.filter((r) => r?.result.diagnostics.length === 0).length, 39, "the worker extracted the others");
    } finally {
      pool.close();
    }
  });
});
