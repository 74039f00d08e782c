import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../../src/editor/import.ts";
import { parseYaml } from "../../../src/ingest/yaml.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const today = new Date("2026-11-23T12:00:00Z");

/** Imports one raw capture and gives the `people:` its front matter lists. */
async function importedPeople(text: string): Promise<unknown> {
  const content = fixtureContent();
  const source = join(scratchDir("import-people"), "capture.txt");
  writeFileSync(source, text);
  const [outcome] = await importSources({ contentDir: content, sources: [source], cwd: content, today });
  assert.ok(outcome?.status === "imported", JSON.stringify(outcome));
  const markdown = readFileSync(join(content, outcome.file), "utf8");
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? "";
  return (parseYaml(frontMatter, "front matter").data as Record<string, unknown>)["people"];
}

describe("imported front matter's people", () => {
  it("lists the base's people and names a role announced, never initials nor a given name alone", async () => {
    const people = await importedPeople(
      [
        "Le port de Tanger reçoit une délégation",
        "",
        "Le ministre de l'Industrie Yacoubi Tazmarti a reçu Abdellatif Hammouchi au port. Karim Tazmouti était présent.",
        "Selon Leila B., la visite a duré deux heures. Y.M a confirmé la date.",
        "",
      ].join("\n"),
    );
    assert.deepEqual(people, ["Yacoubi Tazmarti", "abdellatif-hammouchi"]);
  });
});
