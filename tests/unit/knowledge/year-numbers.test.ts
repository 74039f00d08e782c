import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { validateFrontMatter } from "../../../src/archive/front-matter.ts";
import { readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const RULES = join(import.meta.dirname, "../../../content/rules");

function contentWith(files: Record<string, string>): string {
  const dir = scratchDir("years");
  cpSync(RULES, join(dir, "rules"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// YAML reads `from: 2020` and `date: 2020` as numbers: an editor means a year.
describe("a year written as a number", () => {
  it("is a role's start and end in the knowledge base", () => {
    const dir = contentWith({
      "actors/people/jane-doe.yml": "name: Jane Doe\nroles:\n  - title: Directrice\n    agency: service-x\n    from: 2020\n    to: 2023\n",
      "actors/agencies/service-x.yml": "name: Service X\n",
    });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(kb.people.get("jane-doe")?.roles[0], { title: "Directrice", agency: "service-x", from: "2020", to: "2023" });
  });

  it("is still checked: a role cannot end before it starts, and a number is no year unless it has four digits", () => {
    const dir = contentWith({
      "actors/people/jane-doe.yml": "name: Jane Doe\nroles:\n  - title: Directrice\n    from: 2021\n    to: 2019\n",
      "actors/people/john-doe.yml": "name: John Doe\nroles:\n  - title: Directeur\n    from: 20\n",
    });
    const { diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line ?? ""}:${d.rule}`),
      ["actors/people/john-doe.yml:4:schema-minimum", "actors/people/jane-doe.yml::kb-role-dates"],
    );
  });

  it("is an article's date in front matter, in YAML, TOML and JSON", () => {
    for (const text of ["---\ntitle: T\ndate: 2020\n---\n\nTexte.\n", "+++\ntitle = \"T\"\ndate = 2020\n+++\n\nTexte.\n", '{"title": "T", "date": 2020}\n\nTexte.\n']) {
      const { doc, diagnostics: read } = readSource(text, "articles/a.md", "markdown");
      assert.deepEqual(read, []);
      const { frontMatter, diagnostics } = validateFrontMatter(doc, new Date("2026-11-23T00:00:00Z"));
      assert.deepEqual(diagnostics, [], text);
      assert.equal(frontMatter.date, "2020", text);
    }
  });

  it("is checked as a year: 1650 is no plausible publication date", () => {
    const { doc } = readSource("---\ntitle: T\ndate: 1650\n---\n\nTexte.\n", "articles/a.md", "markdown");
    const { diagnostics } = validateFrontMatter(doc, new Date("2026-11-23T00:00:00Z"));
    assert.deepEqual(diagnostics.map((d) => `${d.line}:${d.rule}:${d.message}`), ["3:front-matter-date:`date` 1650 is not a plausible publication date"]);
  });
});
