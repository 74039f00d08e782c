import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const RULES = join(import.meta.dirname, "../../../content/rules");

function contentWith(files: Record<string, string>): string {
  const dir = scratchDir("kb");
  cpSync(RULES, join(dir, "rules"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("loadKnowledgeBase", () => {
  it("reads people, agencies, topics, places and outlets", () => {
    const dir = contentWith({
      "actors/people/jane-doe.yml": "name: Jane Doe\naliases: [J. Doe]\ncountry: FR\nroles:\n  - title: Directrice\n    agency: service-x\n    from: 2019-05\n",
      "actors/agencies/service-x.yml": "name: Service X\nacronym: SX\ncategory: renseignement\ncountry: FR\n",
      "topics/espionnage.yml": "name: Espionnage\nkeywords: [espion*]\n",
      "places/france.yml": "- name: France\n  category: pays\n  country: FR\n  demonyms: [français]\n- name: Lyon\n  category: ville\n  country: FR\n",
      "outlets/le-journal.yml": "name: Le Journal\ndomains: [lejournal.fr]\n",
    });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics, []);
    assert.equal(kb.people.get("jane-doe")?.roles[0]?.agency, "service-x");
    assert.equal(kb.agencies.get("service-x")?.acronym, "SX");
    assert.equal(kb.topics.get("espionnage")?.minMentions, 2);
    assert.deepEqual([...kb.places.keys()], ["france", "lyon"]);
    assert.deepEqual(kb.outlets.get("le-journal")?.domains, ["lejournal.fr"]);
    assert.ok(Object.isFrozen(kb.people.get("jane-doe")));
  });

  it("names the file, the line and the fix for a schema error", () => {
    const dir = contentWith({ "actors/people/x.yml": "name: X Y\nrôles:\n  - title: A\n" });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.equal(kb.people.size, 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.file, "actors/people/x.yml");
    assert.equal(diagnostics[0]?.line, 2);
    assert.match(diagnostics[0]?.message ?? "", /unknown key `rôles`/);
    assert.match(diagnostics[0]?.fix ?? "", /Did you mean `roles`/);
  });

  it("reports YAML syntax errors with their line and keeps loading the rest", () => {
    const dir = contentWith({ "actors/people/bad.yml": "name: [unclosed\n", "actors/people/good.yml": "name: Good Person\n" });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual([...kb.people.keys()], ["good"]);
    assert.equal(diagnostics[0]?.rule, "yaml-syntax");
    assert.equal(diagnostics[0]?.file, "actors/people/bad.yml");
  });

  it("keeps an actor whose file writes a key twice, with its later value and a warning at its line", () => {
    const dir = contentWith({ "actors/people/jane-doe.yml": "name: Jane Doe\naliases: [J. D.]\ncountry: FR\naliases: [J. Doe]\n" });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(kb.people.get("jane-doe")?.aliases, ["J. Doe"]);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.rule, d.severity]), [["actors/people/jane-doe.yml", 4, "yaml-duplicate-key", "warning"]]);
  });

  it("refuses an alias two actors claim, but allows shared aliases", () => {
    const dir = contentWith({
      "actors/agencies/a.yml": "name: Agence A\naliases: [La Maison]\nshared_aliases: [le Service]\n",
      "actors/agencies/b.yml": "name: Agence B\naliases: [la maison]\nshared_aliases: [le Service]\n",
    });
    const { diagnostics } = loadKnowledgeBase(dir, dir);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.rule, "kb-alias-conflict");
    assert.match(diagnostics[0]?.message ?? "", /claimed by two actors: b and a/);
  });

  it("reports references to agencies that do not exist", () => {
    const dir = contentWith({ "actors/people/p.yml": "name: P Q\nroles:\n  - title: Chef\n    agency: nowhere\n" });
    const { diagnostics } = loadKnowledgeBase(dir, dir);
    assert.equal(diagnostics[0]?.rule, "kb-unknown-reference");
    assert.match(diagnostics[0]?.fix ?? "", /content\/actors\/agencies\/nowhere\.yml/);
  });

  it("changes its version when a file changes", () => {
    const dir = contentWith({ "topics/t.yml": "name: T\nkeywords: [aa]\n" });
    const one = loadKnowledgeBase(dir, dir).kb.version;
    assert.equal(loadKnowledgeBase(dir, dir).kb.version, one);
    writeFileSync(join(dir, "topics/t.yml"), "name: T\nkeywords: [ab]\n");
    assert.notEqual(loadKnowledgeBase(dir, dir).kb.version, one);
  });
});
