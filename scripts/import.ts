/**
 * npm run import -- FILE|DIR… [--url URL] [--dry-run]
 *
 * Turns raw text, HTML or Markdown sources, WordPress exports (WXR), RSS or Atom feeds and
 * the posts of a Hugo, Jekyll or Eleventy site (its folder, known by its configuration file)
 * into content/articles/YYYY/YYYY-MM-DD-slug.md, front matter filled from the source and
 * extraction, with what to check as comments. Never overwrites; reports duplicates (same
 * URL or nearly the same text) with the existing file, and what an export holds besides
 * articles (pages, attachments…). Ends with one line of counts; `--dry-run` writes nothing.
 */
import { join, resolve } from "node:path";
import { importSources } from "../src/build/import.ts";
import { countOutcomes, importSummary } from "../src/build/import-summary.ts";
import { parse, ROOT, run } from "./lib/cli.ts";
import { progressReporter } from "./lib/progress.ts";

const USAGE = "usage: npm run import -- FILE|DIR… [--url URL] [--content DIR] [--dry-run]";

run(async () => {
  const { values, positionals } = parse({ url: { type: "string" }, content: { type: "string" }, "dry-run": { type: "boolean" } }, USAGE);
  if (positionals.length === 0) throw new Error(`give a file or a folder to import\n\n${USAGE}`);
  if (values.url && positionals.length > 1) throw new Error(`--url goes with a single file\n\n${USAGE}`);
  const progress = progressReporter("import", process.env["CI"] === "true");
  const outcomes = await importSources({
    contentDir: resolve(values.content ?? join(ROOT, "content")),
    sources: positionals.map((p) => resolve(p)),
    url: values.url,
    dryRun: values["dry-run"] === true,
    onProgress: progress.update,
  });
  progress.done();
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "imported") {
      process.stdout.write(`imported  ${outcome.source} → ${outcome.file}\n`);
      for (const warning of outcome.warnings) process.stdout.write(`          à vérifier : ${warning}\n`);
    } else if (outcome.status === "duplicate") {
      process.stdout.write(`duplicate ${outcome.source}: ${outcome.reason} as ${outcome.existing} (nothing written)\n`);
    } else if (outcome.status === "skipped") {
      process.stdout.write(`skipped   ${outcome.source}: ${outcome.reason}\n`);
    } else {
      failed++;
      process.stdout.write(`failed    ${outcome.source}: ${outcome.reasons.join("; ")}\n`);
    }
  }
  process.stdout.write(`\n${importSummary(countOutcomes(outcomes), values["dry-run"] === true)}\n`);
  return failed > 0 ? 1 : 0;
});
