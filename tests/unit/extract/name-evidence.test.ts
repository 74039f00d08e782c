import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { extractEntities } from "../../../src/extract/entities.ts";
import { isFullPersonName, isHashtagLike, isInitialsName, isStrongCue } from "../../../src/extract/name-evidence.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { fixtureContent } from "../../helpers/content.ts";

describe("name evidence", () => {
  it("tells initials from names with a surname", () => {
    for (const name of ["Leila B.", "Leila B", "Y.M", "Y. M.", "A. B."]) assert.equal(isInitialsName(name), true, name);
    for (const name of ["A. Hammouchi", "Zorglub Ouhbi", "Jean-Yves Le Drian"]) assert.equal(isInitialsName(name), false, name);
  });

  it("tells hashtags, handles and glued hashtag words from names", () => {
    for (const name of ["#SaharaOccidental", "PreguntasParlamentarias", "@interiorgob"]) assert.equal(isHashtagLike(name), true, name);
    for (const name of ["McDonald", "DiCaprio", "Jean-Pierre Raffarin", "MacArthur"]) assert.equal(isHashtagLike(name), false, name);
  });

  it("takes a given name alone for weak evidence and single words for no person's full name", () => {
    assert.equal(isStrongCue("prénom"), false);
    assert.equal(isStrongCue(""), false);
    assert.equal(isStrongCue("le ministre"), true);
    assert.equal(isFullPersonName("Juriste"), false);
    assert.equal(isFullPersonName("Al-Dohr"), false);
    assert.equal(isFullPersonName("Zorglub Ouhbi"), true);
  });

  it("never reads a hashtag or a handle into a person's name", () => {
    const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
    const found = extractEntities("Le ministre #ZorglubOuhbi Tazmarti a répondu. Selon @Karim Bennani, rien n'a changé.", compiled, { homeCountry: "MA" });
    const names = [...found.people.map((p) => p.name), ...found.suggestions.map((s) => s.name)];
    assert.ok(names.every((name) => !/Zorglub|Karim/.test(name)), JSON.stringify(names));
  });
});
