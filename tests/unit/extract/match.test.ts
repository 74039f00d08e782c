import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildNameMatcher, findNames, type NameEntry } from "../../../src/extract/match.ts";
import { tokenize } from "../../../src/text/tokenize.ts";

const entry = (id: string, alias: string, kind: NameEntry["kind"] = "agency", shared = false): NameEntry => ({ kind, id, alias, shared });

function names(text: string, entries: NameEntry[]) {
  return findNames(tokenize(text), text, buildNameMatcher(entries)).map((m) => [m.surface, m.entries.map((e) => e.id).join("+")]);
}

describe("findNames", () => {
  it("prefers the longest alias at a position", () => {
    const entries = [entry("dgsn", "Direction générale de la sûreté nationale"), entry("dgsn", "sûreté nationale"), entry("surete", "sûreté", "topic")];
    assert.deepEqual(names("la Direction générale de la Sûreté nationale et la sûreté nationale", entries), [
      ["Direction générale de la Sûreté nationale", "dgsn"],
      ["sûreté nationale", "dgsn"],
    ]);
  });

  it("treats des, du and d' alike and skips articles", () => {
    const entries = [entry("bcij", "Bureau central d'investigations judiciaires")];
    assert.deepEqual(names("le Bureau central des investigations judiciaires", entries), [["Bureau central des investigations judiciaires", "bcij"]]);
  });

  it("matches acronyms only when written in capitals", () => {
    const entries = [entry("cia", "CIA")];
    assert.deepEqual(names("la CIA et la cia", entries), [["CIA", "cia"]]);
  });

  it("matches a one-word alias only when capitalised", () => {
    const entries = [entry("parlement", "Parlement")];
    assert.deepEqual(names("le parlement vote; le Parlement siège", entries), [["Parlement", "parlement"]]);
  });

  it("never runs a name across a sentence or a comma", () => {
    const entries = [entry("x", "Maroc Rabat", "place")];
    assert.deepEqual(names("au Maroc. Rabat", entries), []);
    assert.deepEqual(names("au Maroc, Rabat", entries), []);
  });

  it("accepts the punctuation an alias has", () => {
    const entries = [entry("ah", "A. Hammouchi", "person")];
    assert.deepEqual(names("Lors de cette visite, A. Hammouchi a tenu", entries), [["A. Hammouchi", "ah"]]);
  });

  it("skips an acronym in parentheses inside a name", () => {
    const entries = [entry("bcn", "Bureau central national d'Interpol à Paris")];
    assert.deepEqual(names("du Bureau central national (BCN) d'Interpol à Paris", entries), [["Bureau central national (BCN) d'Interpol à Paris", "bcn"]]);
  });

  it("returns every entity that shares an alias", () => {
    const entries = [entry("mi-ma", "ministère de l'Intérieur", "agency", true), entry("mi-es", "ministère de l'Intérieur", "agency", true)];
    assert.deepEqual(names("le ministère de l’Intérieur", entries), [["ministère de l’Intérieur", "mi-ma+mi-es"]]);
  });

  it("matches keyword prefixes written with a star", () => {
    const entries = [entry("terrorisme", "terroris*", "topic"), entry("terrorisme", "cellule terroriste", "topic")];
    assert.deepEqual(names("une cellule terroriste, des terroristes et le terrorisme", entries), [
      ["cellule terroriste", "terrorisme"],
      ["terroristes", "terrorisme"],
      ["terrorisme", "terrorisme"],
    ]);
  });

  it("takes time linear in the text for a large base", () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(`a${i}`, `Agence numéro ${i} de sécurité`));
    const matcher = buildNameMatcher(entries);
    const text = "L'Agence numéro 42 de sécurité a parlé. ".repeat(2000);
    const tokens = tokenize(text);
    const found = findNames(tokens, text, matcher);
    assert.equal(found.length, 2000);
    assert.ok(found.every((m) => m.entries[0]?.id === "a42"));
  });
});
