/**
 * npm run check [-- --content DIR]
 *
 * Validates all content — front matter (unknown keys, wrong types, impossible dates,
 * missing titles), the knowledge base (aliases claimed twice, references to unknown ids),
 * duplicate slugs and URLs — and prints each problem as `path:line: severity: message`
 * with its fix. Exits 1 when there are errors (warnings alone exit 0).
 */
import { join, resolve } from "node:path";
import { buildArchive } from "../src/build/build-archive.ts";
import { parse, printDiagnostics, ROOT, run } from "./lib/cli.ts";

const USAGE = "usage: npm run check -- [--content DIR] [--quiet]";

run(async () => {
  const { values } = parse({ content: { type: "string" }, quiet: { type: "boolean" } }, USAGE);
  const archive = await buildArchive({ contentDir: resolve(values.content ?? join(ROOT, "content")) });
  const diagnostics = values.quiet ? archive.diagnostics.filter((d) => d.severity === "error") : archive.diagnostics;
  printDiagnostics(diagnostics, process.stdout);
  const errors = archive.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = archive.diagnostics.filter((d) => d.severity === "warning").length;
  const { report } = archive;
  process.stdout.write(
    `\n${report.read} articles checked (${report.published.length} published, ${report.drafts.length} drafts, ${report.rejected.length} rejected, ${report.skipped.length} skipped), ` +
      `${archive.kb.people.size + archive.kb.agencies.size} actors, ${archive.kb.topics.size} topics: ${errors} errors, ${warnings} warnings\n`,
  );
  return errors > 0 ? 1 : 0;
});
