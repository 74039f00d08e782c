/**
 * npm run check [-- --content DIR]
 *
 * Validates all content — front matter (unknown keys, wrong types, impossible dates,
 * missing titles), the knowledge base (aliases claimed twice, references to unknown ids),
 * duplicate slugs and URLs — and prints each problem as `path:line: severity: message`
 * with its fix, in the site's language (French unless content/site.yml says `lang: en`).
 * Exits 1 when there are errors (warnings alone exit 0).
 */
import { join, resolve } from "node:path";
import { buildArchive } from "../src/pipeline/build-archive.ts";
import { editorLanguage, parse, printDiagnostics, ROOT, run } from "./lib/cli.ts";

const USAGE = "usage: npm run check -- [--content DIR] [--quiet]";

run(async () => {
  const { values } = parse({ content: { type: "string" }, quiet: { type: "boolean" } }, USAGE);
  const contentDir = resolve(values.content ?? join(ROOT, "content"));
  const { lang, say } = editorLanguage(contentDir);
  const archive = await buildArchive({ contentDir });
  const diagnostics = values.quiet ? archive.diagnostics.filter((d) => d.severity === "error") : archive.diagnostics;
  printDiagnostics(diagnostics, process.stdout, lang);
  const errors = archive.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = archive.diagnostics.filter((d) => d.severity === "warning").length;
  const { report } = archive;
  const summary = say.check.summary({
    read: report.read,
    published: report.published.length,
    drafts: report.drafts.length,
    rejected: report.rejected.length,
    skipped: report.skipped.length,
    actors: archive.kb.people.size + archive.kb.agencies.size,
    topics: archive.kb.topics.size,
    errors,
    warnings,
  });
  process.stdout.write(`\n${summary}\n`);
  return errors > 0 ? 1 : 0;
});
