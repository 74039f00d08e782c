/**
 * npm run build [-- --content DIR --output DIR --timings FILE]
 *
 * Builds the archive's records from content/, reports what became of every source, then
 * renders the site with Eleventy into a temporary folder that replaces the output only
 * when everything succeeded (src/pipeline/build-site.ts). The output must be a folder Revue
 * made, an empty one or a new one (src/pipeline/output-policy.ts); one build at a time writes
 * it, a second waits up to a minute. Under CI=true any content error
 * stops the build. `--timings FILE` writes the phases' times, the processor time and the
 * peak memory of the build process as JSON (`npm run bench` reads it).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { articleSources } from "../src/pipeline/article-sources.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";

const USAGE = "usage: npm run build -- [--content DIR] [--output DIR] [--timings FILE]";

run(async () => {
  const { values } = parse({ content: { type: "string" }, output: { type: "string" }, timings: { type: "string" } }, USAGE);
  const content = resolve(values.content ?? join(ROOT, "content"));
  const output = resolve(values.output ?? join(ROOT, "_site"));
  // Run again with a larger heap: the child does the build.
  if (ensureHeap(() => heapForArticles(articleSources(content).length))) return new Promise<never>(() => {});
  // The build is loaded only now: a process that starts its child with a larger heap has no
  // use for it.
  const { build } = await import("./lib/build.ts");
  const result = await build({ content, output, ci: process.env["CI"] === "true", command: "npm run build" });
  if (values.timings) {
    const cpu = process.cpuUsage();
    const usage = { ...result.timings, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, extracted: result.archive.extracted, cached: result.archive.cacheHits };
    writeFileSync(values.timings, JSON.stringify(usage));
  }
});
