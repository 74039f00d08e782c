import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { knowledgeStamp, loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const CONTENT = join(import.meta.dirname, "../../../content");
const RULES = join(CONTENT, "rules");

function contentWith(files: Record<string, string>): string {
  const dir = scratchDir("packs");
  cpSync(RULES, join(dir, "rules"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("actor packs", () => {
  it("loads people and agencies from every folder of content/packs like content/actors", () => {
    const dir = contentWith({
      "actors/agencies/service-x.yml": "name: Service X\ncountry: FR\n",
      "packs/ma-redaction/agencies/tribunal-y.yml": "name: Tribunal Y\ncategory: justice\ncountry: BE\nparent: service-x\n",
      "packs/ma-redaction/people/jeanne-dupont.yml": "name: Jeanne Dupont\ncountry: BE\nroles:\n  - title: Présidente\n    agency: tribunal-y\n    from: \"2020\"\n",
      "packs/autre/people/paul-martin.yml": "name: Paul Martin\n",
    });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics, []);
    assert.equal(kb.agencies.get("tribunal-y")?.file, "packs/ma-redaction/agencies/tribunal-y.yml");
    assert.equal(kb.people.get("jeanne-dupont")?.roles[0]?.agency, "tribunal-y");
    assert.ok(kb.people.has("paul-martin"));
  });

  it("validates pack files with the same schema and names the pack file", () => {
    const dir = contentWith({ "packs/p/people/x.yml": "name: X Y\nrôles: []\n" });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.equal(kb.people.size, 0);
    assert.equal(diagnostics[0]?.file, "packs/p/people/x.yml");
    assert.match(diagnostics[0]?.message ?? "", /unknown key `rôles`/);
  });

  it("reports an id defined twice, in content/actors and a pack or in two packs, with both paths", () => {
    const dir = contentWith({
      "actors/agencies/onu.yml": "name: Organisation des Nations unies\nacronym: ONU\n",
      "packs/a/agencies/onu.yml": "name: Nations unies bis\n",
      "packs/a/people/jean-dupont.yml": "name: Jean Dupont\n",
      "packs/b/people/jean-dupont.yml": "name: Jean Dupont bis\n",
    });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    const duplicates = diagnostics.filter((d) => d.rule === "kb-duplicate-id").sort((a, b) => a.file.localeCompare(b.file));
    assert.equal(duplicates.length, 2);
    assert.equal(duplicates[0]?.file, "packs/a/agencies/onu.yml");
    assert.match(duplicates[0]?.message ?? "", /actors\/agencies\/onu\.yml/);
    assert.equal(duplicates[1]?.file, "packs/b/people/jean-dupont.yml");
    assert.match(duplicates[1]?.message ?? "", /packs\/a\/people\/jean-dupont\.yml/);
    assert.match(duplicates[1]?.fix ?? "", /packs\/a\/people\/jean-dupont\.yml.*packs\/b\/people\/jean-dupont\.yml/);
    // The first definition stays; the second is left out rather than silently replacing it.
    assert.equal(kb.agencies.get("onu")?.acronym, "ONU");
    assert.equal(kb.people.get("jean-dupont")?.name, "Jean Dupont");
  });

  it("reports a name two pack actors both claim", () => {
    const dir = contentWith({
      "actors/agencies/a.yml": "name: Agence A\naliases: [Maison commune]\n",
      "packs/p/agencies/b.yml": "name: Agence B\naliases: [Maison commune]\n",
    });
    const { diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.file]), [["kb-alias-conflict", "packs/p/agencies/b.yml"]]);
  });

  it("loads a pack's topics like content/topics, and reports a topic id defined twice", () => {
    const dir = contentWith({
      "topics/sport.yml": "name: Sport\nkeywords: [football]\n",
      "packs/ma-redaction/topics/peche.yml": "name: Pêche\nkeywords: [pêcheur*, chalutier*]\n",
      "packs/ma-redaction/topics/sport.yml": "name: Sports\nkeywords: [rugby]\n",
    });
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.equal(kb.topics.get("peche")?.name, "Pêche");
    assert.equal(kb.topics.get("sport")?.name, "Sport");
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.file]), [["kb-duplicate-id", "packs/ma-redaction/topics/sport.yml"]]);
    assert.match(diagnostics[0]?.message ?? "", /topic id `sport` is already defined in topics\/sport\.yml/);
    assert.match(diagnostics[0]?.fix ?? "", /keywords/);
  });

  it("reloads when a pack file is added", () => {
    const dir = contentWith({ "packs/p/people/a-b.yml": "name: A B\n", "packs/p/topics/peche.yml": "name: Pêche\nkeywords: [pêcheur*]\n" });
    const before = knowledgeStamp(dir);
    writeFileSync(join(dir, "packs/p/people/c-d.yml"), "name: C D\n");
    const withPerson = knowledgeStamp(dir);
    assert.notEqual(withPerson, before);
    writeFileSync(join(dir, "packs/p/topics/chasse.yml"), "name: Chasse\nkeywords: [chasseur*]\n");
    assert.notEqual(knowledgeStamp(dir), withPerson);
  });
});

describe("the bundled francophone pack", () => {
  const loaded = loadKnowledgeBase(CONTENT, CONTENT);
  const packFiles = (kind: string) =>
    readdirSync(join(CONTENT, "packs")).flatMap((pack) => (existsSync(join(CONTENT, "packs", pack, kind)) ? readdirSync(join(CONTENT, "packs", pack, kind)).map((name) => `packs/${pack}/${kind}/${name}`) : []));

  it("validates: every file loads, no id or name is claimed twice, every reference resolves", () => {
    assert.deepEqual(loaded.diagnostics, []);
    const people = new Set([...loaded.kb.people.values()].map((p) => p.file));
    const agencies = new Set([...loaded.kb.agencies.values()].map((a) => a.file));
    for (const file of packFiles("people")) assert.ok(people.has(file), `${file} did not load`);
    for (const file of packFiles("agencies")) assert.ok(agencies.has(file), `${file} did not load`);
    assert.ok(packFiles("agencies").length > 300 && packFiles("people").length > 150);
  });

  it("gives every national institution and person of the pack a country, and every role a known agency", () => {
    let checked = 0;
    for (const person of loaded.kb.people.values()) {
      if (!person.file.includes("packs")) continue;
      checked++;
      assert.ok(person.country, `${person.file} has no country`);
      for (const role of person.roles) assert.ok(role.agency && loaded.kb.agencies.has(role.agency), `${person.file}: ${role.title}`);
    }
    for (const agency of loaded.kb.agencies.values()) {
      if (agency.file.includes("packs") && agency.category !== "international") assert.ok(agency.country, `${agency.file} has no country`);
    }
    assert.equal(checked, packFiles("people").length);
  });

  it("keeps ambiguous short names shared: no bare « Parlement », « Sénat », « Cour suprême » as a plain alias", () => {
    const ambiguous = ["parlement", "senat", "cour supreme", "conseil constitutionnel", "cour constitutionnelle", "assemblee nationale", "ministere de l'interieur", "banque centrale", "gouvernement"];
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const packAgencies = [...loaded.kb.agencies.values()].filter((agency) => agency.file.includes("packs"));
    assert.equal(packAgencies.length, packFiles("agencies").length);
    for (const agency of packAgencies) {
      for (const alias of [agency.name, ...agency.aliases]) assert.ok(!ambiguous.includes(fold(alias)), `${agency.file}: « ${alias} » must be a shared alias`);
    }
  });
});
