import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { kindOfNewName, suggestNames } from "../../../src/archive/resolve-refs.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const RULES = join(import.meta.dirname, "../../../content/rules");

function knowledgeWith(files: Record<string, string>) {
  const dir = scratchDir("refs");
  cpSync(RULES, join(dir, "rules"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
  assert.deepEqual(diagnostics, []);
  return kb;
}

const kb = knowledgeWith({
  "actors/people/francisco-pardo-piqueras.yml": "name: Francisco Pardo Piqueras\ncountry: ES\n",
  "actors/people/abdellatif-hammouchi.yml": "name: Abdellatif Hammouchi\naliases: [Hammouchi]\ncountry: MA\n",
  "actors/people/jose-manuel-albares.yml": "name: José Manuel Albares\ncountry: ES\n",
  "actors/agencies/dgsn.yml": "name: Direction générale de la sûreté nationale\nacronym: DGSN\ncountry: MA\n",
  "actors/agencies/guardia-civil.yml": "name: Garde civile\naliases: [Guardia Civil]\ncountry: ES\n",
  "topics/terrorisme.yml": "name: Terrorisme\nkeywords: [terroris*]\n",
  "outlets/bladi.yml": "name: Bladi.net\ndomains: [bladi.net]\n",
});

describe("names suggested for a value the knowledge base does not know", () => {
  it("finds the known name that goes on after the value's words", () => {
    assert.deepEqual(suggestNames("Francisco Pardo", "person", kb), ["Francisco Pardo Piqueras"]);
    assert.deepEqual(suggestNames("Pardo Piqueras", "person", kb), ["Francisco Pardo Piqueras"]);
    assert.deepEqual(suggestNames("F. Pardo Piqueras", "person", kb), ["Francisco Pardo Piqueras"]);
  });

  it("ignores case and accents, and forgives a typing mistake or two", () => {
    assert.deepEqual(suggestNames("jose manuel albarez", "person", kb), ["José Manuel Albares"]);
    assert.deepEqual(suggestNames("Abdellatif Hamouchi", "person", kb), ["Abdellatif Hammouchi"]);
    assert.deepEqual(suggestNames("Guardia Civill", "agency", kb), ["Garde civile"]);
    assert.deepEqual(suggestNames("Terorisme", "topic", kb), ["Terrorisme"]);
    assert.deepEqual(suggestNames("Bladdi", "outlet", kb), ["Bladi.net"]);
  });

  it("answers an id with an id: a misspelt agency id, letters swapped", () => {
    assert.deepEqual(suggestNames("dgns", "agency", kb), ["dgsn"]);
    assert.deepEqual(suggestNames("dgsm", "agency", kb), ["dgsn"]);
  });

  it("suggests nothing for a name unlike any the base holds", () => {
    assert.deepEqual(suggestNames("Jeanne Vasseur-Lemaire", "person", kb), []);
    assert.deepEqual(suggestNames("Pedro Sánchez", "person", kb), []);
    assert.deepEqual(suggestNames("Diplomatie", "topic", kb), []);
  });

  it("looks in every kind for an `add:` entry", () => {
    assert.deepEqual(suggestNames("Guardia Civil española", "any", kb), ["Garde civile"]);
  });
});

describe("the kind of a name an editor adds", () => {
  it("is an institution when the name starts with an institution's head noun", () => {
    for (const name of ["Police nationale", "la Gendarmerie royale", "Conseil supérieur du pouvoir judiciaire", "Cour des comptes", "ministère de l'Intérieur", "Haute Autorité de santé"]) {
      assert.equal(kindOfNewName(name, kb), "agency", name);
    }
  });

  it("is an institution when the name is an acronym", () => {
    assert.equal(kindOfNewName("BCIJ", kb), "agency");
    assert.equal(kindOfNewName("OTAN", kb), "agency");
  });

  it("is a person otherwise", () => {
    for (const name of ["Francisco Pardo", "Jean-Marie Dupont", "Policarpo Díaz", "Conseiller Martin"]) assert.equal(kindOfNewName(name, kb), "person", name);
  });
});

describe("front matter naming what the knowledge base lacks", () => {
  const compiled = compileKnowledge(kb);
  const build = (frontMatter: string) => {
    const { doc } = readSource(`---\ntitle: Une visite\ndate: 2021-03-04\n${frontMatter}\n---\n\nUne visite de travail à Rabat.\n`, "articles/a.md", "markdown");
    return buildArticle(doc, compiled, { today: new Date("2026-11-23T00:00:00Z"), render: false }).diagnostics.filter((d) => d.rule === "unknown-reference");
  };

  it("warns on the field's line with the names it may have meant", () => {
    const [warning] = build("people: [Francisco Pardo]");
    assert.equal(warning?.line, 4);
    assert.equal(warning?.fix, 'Did you mean "Francisco Pardo Piqueras"? Write that name instead, or add content/actors/people/francisco-pardo.yml.');
  });

  it("proposes an institution's file for `add: [Police nationale]`, a person's for a person", () => {
    const warnings = build("add: [Police nationale, Jean Dupont]");
    assert.deepEqual(
      warnings.map((d) => d.fix),
      [
        "Check the spelling, or add content/actors/agencies/police-nationale.yml (an institution).",
        "Check the spelling, or add content/actors/people/jean-dupont.yml (a person).",
      ],
    );
  });

  it("warns of an outlet the base does not know, with the one it may have meant", () => {
    const [warning] = build("outlet: Bladdi");
    assert.equal(warning?.line, 4);
    assert.match(warning?.fix ?? "", /^Did you mean "Bladi\.net"\?.*content\/outlets\/bladdi\.yml/);
    assert.deepEqual(build("outlet: bladi.net"), []);
  });
});
