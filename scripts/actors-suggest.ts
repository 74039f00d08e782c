/**
 * npm run actors:suggest [-- --limit N]
 *
 * Lists the names found in the articles that the knowledge base lacks, most frequent
 * first, with an example sentence and the exact file to add for each.
 */
import { join, resolve } from "node:path";
import { buildArchive } from "../src/build/build-archive.ts";
import { suggestActors } from "../src/build/suggest-actors.ts";
import { parse, ROOT, run } from "./lib/cli.ts";

const USAGE = "usage: npm run actors:suggest -- [--content DIR] [--limit N]";

run(async () => {
  const { values } = parse({ content: { type: "string" }, limit: { type: "string" } }, USAGE);
  const archive = await buildArchive({ contentDir: resolve(values.content ?? join(ROOT, "content")) });
  const suggestions = suggestActors(archive).slice(0, Number(values.limit ?? 50));
  if (suggestions.length === 0) {
    process.stdout.write("Every name found in the articles is in the knowledge base.\n");
    return;
  }
  for (const s of suggestions) {
    process.stdout.write(`\n${s.name} — ${s.kind === "person" ? "personne" : "institution"}, ${s.count} mention${s.count > 1 ? "s" : ""} dans ${s.articles.length} article${s.articles.length > 1 ? "s" : ""}${s.published ? " (déjà publiée comme acteur)" : " (pas encore publiée : aucun indice de fonction)"}\n`);
    process.stdout.write(`  exemple : « ${s.example} »\n`);
    process.stdout.write(`  à créer : ${s.file}\n`);
    process.stdout.write(s.yaml.replace(/^/gm, "    ").trimEnd() + "\n");
  }
  process.stdout.write(`\n${suggestions.length} names to review.\n`);
});
