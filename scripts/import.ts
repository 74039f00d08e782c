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
import { importSources } from "../src/editor/import.ts";
import { countOutcomes, importSummary } from "../src/editor/import-summary.ts";
import { editorLanguage, parse, ROOT, run } from "./lib/cli.ts";
import { progressReporter } from "./lib/progress.ts";

const USAGE = "usage: npm run import -- FILE|DIR… [--url URL] [--content DIR] [--dry-run]";

run(async () => {
  const { values, positionals } = parse({ url: { type: "string" }, content: { type: "string" }, "dry-run": { type: "boolean" } }, USAGE);
  const contentDir = resolve(values.content ?? join(ROOT, "content"));
  const { lang, say } = editorLanguage(contentDir);
  if (positionals.length === 0) throw new Error(`${say.import.needSource}\n\n${USAGE}`);
  if (values.url && positionals.length > 1) throw new Error(`${say.import.urlWithOneFile}\n\n${USAGE}`);
  const progress = progressReporter("import", process.env["CI"] === "true", say);
  const outcomes = await importSources({
    contentDir,
    sources: positionals.map((p) => resolve(p)),
    url: values.url,
    dryRun: values["dry-run"] === true,
    onProgress: progress.update,
  });
  progress.done();
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "imported") {
      process.stdout.write(`${say.import.imported(outcome.source, outcome.file)}\n`);
      for (const warning of outcome.warnings) process.stdout.write(`${say.import.toCheck(warning)}\n`);
    } else if (outcome.status === "duplicate") {
      process.stdout.write(`${say.import.duplicate(outcome.source, outcome.reason, outcome.existing)}\n`);
    } else if (outcome.status === "skipped") {
      process.stdout.write(`${say.import.skipped(outcome.source, outcome.reason)}\n`);
    } else {
      failed++;
      process.stdout.write(`${say.import.failed(outcome.source, outcome.reasons)}\n`);
    }
  }
  process.stdout.write(`\n${importSummary(countOutcomes(outcomes), values["dry-run"] === true, lang)}\n`);
  return failed > 0 ? 1 : 0;
});
