import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { extractSource } from "../../../src/pipeline/extract-source.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { fixtureContent } from "../../helpers/content.ts";

const ALIASES = join(import.meta.dirname, "../../fixtures/hostile/articles/yaml-aliases");
const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const options = { homeCountry: "MA", today: new Date("2026-11-23T00:00:00Z") };

/** What a build makes of one source: its record, and its problems as `file:line: rule`. */
function extracted(file: string): { record: unknown; problems: string[] } {
  const { result } = extractSource(join(ALIASES, file), file, compiled, options);
  const record = result.record;
  const problems = [...result.diagnostics, ...(record?.diagnostics ?? [])].filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}: ${d.rule}`);
  return { record, problems };
}

describe("hostile YAML aliases in front matter", () => {
  it("rejects an alias bomb before expanding it, naming the line of its first alias", () => {
    const { record, problems } = extracted("alias-bomb.md");
    assert.equal(record, null);
    assert.deepEqual(problems, ["alias-bomb.md:5: yaml-limit"]);
  });

  it("reports an alias to no anchor at its line", () => {
    // The front matter is not read at all: the article is missing its title too, and is rejected for both.
    assert.deepEqual(extracted("unresolved-alias.md").problems, ["unresolved-alias.md:4: yaml-syntax", "unresolved-alias.md:1: title-missing"]);
  });
});
