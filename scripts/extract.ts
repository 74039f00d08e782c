/**
 * npm run --silent extract -- [--url URL] FILE…
 * npm run --silent extract -- --manifest M.json      (a JSON array of {"path", "url"})
 *
 * Prints the extracted records as JSON on stdout: one record for one file, an array for
 * several files or a manifest (in the manifest's order). Problems go to stderr.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildArticle } from "../src/archive/build-article.ts";
import { compileKnowledge } from "../src/extract/compile.ts";
import { loadReaders, readSourceFile } from "../src/ingest/read-source.ts";
import { SOURCE_LIMITS } from "../src/ingest/source-limits.ts";
import { extractEachWithinTimeLimit, timeoutDiagnostic } from "../src/pipeline/source-timeout.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { loadSiteConfig } from "../src/config.ts";
import type { ArticleRecord } from "../src/model/article.ts";
import { parse, printDiagnostics, ROOT, run } from "./lib/cli.ts";

const USAGE = "usage: npm run --silent extract -- [--url URL] [--content DIR] FILE…\n       npm run --silent extract -- --manifest M.json";

run(async () => {
  const { values, positionals } = parse(
    { url: { type: "string" }, manifest: { type: "string" }, content: { type: "string" }, verbose: { type: "boolean" } },
    USAGE,
  );
  const contentDir = values.content ?? join(ROOT, "content");
  const { kb, diagnostics } = loadKnowledgeBase(contentDir);
  if (values.verbose) printDiagnostics(diagnostics);
  const compiled = compileKnowledge(kb);
  const config = loadSiteConfig(contentDir);

  const jobs: { path: string; url?: string }[] = values.manifest
    ? (JSON.parse(readFileSync(values.manifest, "utf8")) as { path: string; url?: string | null }[]).map((item) => ({ path: item.path, ...(item.url ? { url: item.url } : {}) }))
    : positionals.map((path) => ({ path, ...(values.url ? { url: values.url } : {}) }));
  if (jobs.length === 0) throw new Error(`no file given\n\n${USAGE}`);

  const today = new Date();
  await loadReaders(jobs.map((job) => job.path));
  // Each source under the time limit of a build's (src/pipeline/source-timeout.ts): one that takes longer is reported, not waited for.
  const limitMs = SOURCE_LIMITS.extractionSeconds * 1000;
  const timedOut = (job: { path: string }) => ({ sourcePath: job.path, error: timeoutDiagnostic(job.path, limitMs).message });
  const records = extractEachWithinTimeLimit(jobs, (job) => {
    const read = readSourceFile(job.path, job.path, { pageFurniture: kb.rules.pageFurniture, ...(job.url ? { url: job.url } : {}) });
    if (values.verbose) printDiagnostics(read.diagnostics);
    if (!read.doc) return { sourcePath: job.path, error: read.diagnostics.map((d) => d.message).join("; ") };
    const record = buildArticle(read.doc, compiled, { url: job.url, homeCountry: config.homeCountry, today, render: false });
    if (values.verbose) printDiagnostics(record.diagnostics);
    return forOutput(record);
  }, timedOut, limitMs);
  const output = values.manifest || records.length > 1 ? records : records[0];
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
});

/** The record as JSON, with the names found for each entity listed as aliases. */
function forOutput(record: ArticleRecord) {
  const { html: _html, ...rest } = record;
  const withAliases = <T extends { mentions: readonly string[] }>(refs: readonly T[]) => refs.map((ref) => ({ ...ref, aliases: ref.mentions }));
  return { ...rest, people: withAliases(record.people), agencies: withAliases(record.agencies) };
}
