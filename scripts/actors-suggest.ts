/**
 * npm run actors:suggest [-- --limit N] [--accept NAME | --ignore NAME]
 *
 * Lists the names found in the articles that the knowledge base lacks — names a cue
 * established and that other articles repeat first — with the articles and sentences they
 * are in and the exact file to add for each. `--accept NAME` writes that file; `--ignore
 * NAME` dismisses the name (content/rules/ignored-names.yml).
 */
import { join, resolve } from "node:path";
import { buildArchive } from "../src/pipeline/build-archive.ts";
import { findSuggestion, suggestActors } from "../src/editor/suggest-actors.ts";
import { acceptSuggestion, ignoreName, knownActorFile } from "../src/editor/suggest-files.ts";
import { suggestMessages } from "../src/editor/suggest-messages.ts";
import { editorLanguage, parse, ROOT, run } from "./lib/cli.ts";

/** Articles shown under a name besides its example. */
const MORE_ARTICLES = 3;

run(async () => {
  // Arguments are read before the content folder tells the site's language: their errors are in French.
  const { values } = parse({ content: { type: "string" }, limit: { type: "string" }, accept: { type: "string" }, ignore: { type: "string" } }, suggestMessages("fr").usage);
  const contentDir = resolve(values.content ?? join(ROOT, "content"));
  const say = suggestMessages(editorLanguage(contentDir).lang);
  if (values.accept !== undefined && values.ignore !== undefined) throw new Error(say.usage);
  for (const option of ["accept", "ignore"] as const) if (values[option] !== undefined && values[option].trim() === "") throw new Error(say.needName(`--${option}`));

  const archive = await buildArchive({ contentDir });
  const suggestions = suggestActors(archive);

  if (values.ignore !== undefined) {
    const found = findSuggestion(suggestions, values.ignore);
    const name = "match" in found ? found.match.name : values.ignore.trim();
    const result = ignoreName(contentDir, name);
    process.stdout.write(`${result.status === "ignored" ? say.ignored(name, result.file) : say.alreadyIgnored(name, result.file)}\n`);
    return 0;
  }
  if (values.accept !== undefined) {
    const found = findSuggestion(suggestions, values.accept);
    if (!("match" in found)) {
      const known = knownActorFile(archive.kb, values.accept);
      throw new Error(known ? say.exists(known) : say.noMatch(values.accept, found.closest));
    }
    const result = acceptSuggestion(contentDir, found.match, archive.kb);
    if (result.status === "exists") throw new Error(say.exists(result.file));
    if (result.status === "invalid") throw new Error(say.invalid(result.file, result.problems));
    process.stdout.write(`${say.created(result.file)}\n`);
    return 0;
  }

  const shown = suggestions.slice(0, Number(values.limit ?? 50));
  if (shown.length === 0) {
    process.stdout.write(`${say.none}\n`);
    return 0;
  }
  for (const s of shown) {
    const [example, ...others] = s.evidence;
    process.stdout.write(`\n${say.heading({ name: s.name, kind: s.kind, mentions: s.count, articles: s.evidence.length, recognised: s.recognised, cue: s.cue, published: s.published })}\n`);
    if (example) process.stdout.write(`${say.example(example.sentence, example.path)}\n`);
    if (others.length) process.stdout.write(`${say.alsoIn(others.slice(0, MORE_ARTICLES).map((e) => e.path), others.length - MORE_ARTICLES)}\n`);
    process.stdout.write(`${say.toCreate(s.file)}\n`);
    process.stdout.write(s.yaml.replace(/^/gm, "    ").trimEnd() + "\n");
  }
  process.stdout.write(`${say.total(suggestions.length)}\n`);
  return 0;
});
