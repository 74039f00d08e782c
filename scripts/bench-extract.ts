/**
 * npm run bench:extract [-- --n 2000 --actors 1200]
 *
 * Extraction speed on one core: generates a deterministic corpus of ~5 KB French articles
 * and a knowledge base of at least 1,000 actors, reads the sources into memory, then times
 * reading + extraction of every article (front matter, segmentation, dates, outlet, people,
 * agencies, places, topics). Rendering the body to HTML is a site step, timed apart.
 * Prints articles per second.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./bench/generate-corpus.ts";
import { buildArticle } from "../src/archive/build-article.ts";
import { renderMarkdown } from "../src/archive/render-markdown.ts";
import { walkFiles } from "../src/pipeline/walk.ts";
import { compileKnowledge } from "../src/extract/compile.ts";
import { readSource } from "../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { parse, run } from "./lib/cli.ts";

const USAGE = "usage: npm run bench:extract -- [--n 2000] [--actors 1200] [--rounds 3]";

run(() => {
  const { values } = parse({ n: { type: "string" }, actors: { type: "string" }, rounds: { type: "string" } }, USAGE);
  const n = Number(values.n ?? 2000);
  const actors = Number(values.actors ?? 1200);
  const rounds = Number(values.rounds ?? 3);
  const dir = join(mkdtempSync(join(tmpdir(), "revue-bench-extract-")), "content");
  try {
    const summary = generateCorpus(dir, { articles: n, actors, bytesPerArticle: 5 * 1024 });
    const { kb } = loadKnowledgeBase(dir);
    const started = performance.now();
    const compiled = compileKnowledge(kb);
    const compileMs = performance.now() - started;
    const sources = walkFiles(join(dir, "articles")).map((path) => ({ path, text: readFileSync(path, "utf8") }));
    const bytes = sources.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);
    const today = new Date("2026-01-01T00:00:00Z");
    let found = 0;
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (const source of sources) {
        const { doc } = readSource(source.text, source.path, "markdown");
        const record = buildArticle(doc, compiled, { today, homeCountry: "MA", render: false });
        found += record.people.length + record.agencies.length;
      }
      times.push(performance.now() - start);
    }
    const best = Math.min(...times);
    const renderStart = performance.now();
    for (const source of sources) renderMarkdown(readSource(source.text, source.path, "markdown").doc.text);
    const renderMs = performance.now() - renderStart;
    const perSecond = (sources.length / best) * 1000;
    const table = [
      ["articles", String(sources.length)],
      ["average article", `${(bytes / sources.length / 1024).toFixed(1)} KB`],
      ["knowledge base", `${summary.people} people + ${summary.agencies} agencies = ${summary.people + summary.agencies} actors, ${compiled.names.size} names in one automaton`],
      ["automaton build", `${compileMs.toFixed(0)} ms`],
      ["actors found per article", (found / rounds / sources.length).toFixed(1)],
      ["extraction (best of rounds)", `${best.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(" / ")})`],
      ["per article", `${((best / sources.length) * 1000).toFixed(0)} µs`],
      ["throughput (one core)", `${perSecond.toFixed(0)} articles/s`],
      ["(site step) Markdown → HTML", `${((renderMs / sources.length) * 1000).toFixed(0)} µs per article`],
    ];
    const width = Math.max(...table.map(([k]) => (k as string).length));
    for (const [key, value] of table) process.stdout.write(`${(key as string).padEnd(width)}  ${value}\n`);
  } finally {
    rmSync(join(dir, ".."), { recursive: true, force: true });
  }
});
