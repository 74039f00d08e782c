import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { fixtureContent } from "../../helpers/content.ts";

const BODY = `La police a interpellé mardi une suspecte, Leila B., âgée de 19 ans, selon le parquet. Le procureur Karim Ouazzani a détaillé l'enquête.`;

describe("a person named only by initials", () => {
  it("is reported by extraction but gets no public page; an editor's front matter still publishes it", async () => {
    const content = fixtureContent();
    writeFileSync(join(content, "articles", "2024-03-05-une-suspecte.md"), `---\ntitle: Une suspecte interpellée\ndate: 2024-03-05\n---\n\n${BODY}\n`);
    writeFileSync(join(content, "articles", "2024-03-06-la-suspecte-nommee.md"), `---\ntitle: La suspecte nommée\ndate: 2024-03-06\npeople: [Leila B.]\n---\n\n${BODY}\n`);
    const archive = await buildArchive({ contentDir: content, workers: 1 });
    const byTitle = (title: string) => archive.records.find((record) => record.title === title);
    const extracted = byTitle("Une suspecte interpellée");
    assert.ok(extracted, "the article is published");
    const names = extracted.people.map((ref) => ref.name);
    assert.ok(!names.some((name) => name.startsWith("Leila")), `no page for the initials: ${names.join(", ")}`);
    assert.ok(extracted.suggestions.some((suggestion) => suggestion.name === "Leila B."), "the editor still sees the name");
    const named = byTitle("La suspecte nommée");
    assert.ok(named?.people.some((ref) => ref.name === "Leila B."), "front matter wins");
  });
});
