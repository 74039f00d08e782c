import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { latinSkeleton, lookAlikeWords } from "../../../src/text/confusables.ts";
import { slugify } from "../../../src/text/slug.ts";

describe("look-alike titles", () => {
  it("give the slug of the title they imitate", () => {
    // Greek Eta, Cyrillic а, Greek omicron, Cyrillic с and і among Latin letters.
    assert.equal(slugify("\u0397\u0430mm\u03bfu\u0441h\u0456 à Rabat"), slugify("Hammouchi à Rabat"));
    // Fullwidth forms were dropped whole, leaving nothing of the title.
    assert.equal(slugify("\uff28\uff41\uff4d\uff4d\uff4f\uff55\uff43\uff48\uff49"), "hammouchi");
  });

  it("normalise a decomposed title (NFC) to the slug of the composed one", () => {
    assert.equal(slugify("Su\u0302rete\u0301 nationale"), "surete-nationale");
  });

  it("leave words wholly in another alphabet to be transliterated as they read", () => {
    assert.equal(slugify("Абдельлатиф Хаммуши"), "abdellatif-hammushi");
    assert.equal(latinSkeleton("Россия и Марокко"), "Россия и Марокко");
    assert.deepEqual(lookAlikeWords("Россия и Марокко"), []);
  });

  it("are the words that mix Latin letters with look-alikes of another alphabet, or hold fullwidth ones", () => {
    assert.deepEqual(lookAlikeWords("Abdellatif H\u0430mmouchi reçoit"), [{ word: "H\u0430mmouchi", scripts: ["Latin", "Cyrillic"], reads: "Hammouchi" }]);
    assert.deepEqual(lookAlikeWords("\uff28ammouchi").map((found) => found.reads), ["Hammouchi"]);
    // Genuine text: accents, Greek prefixes split off by a hyphen, a Greek letter that imitates no Latin one.
    for (const text of ["L’État et la Sûreté nationale", "La α-synucléine", "Le facteur Aβ", "Straße", "Москва"]) assert.deepEqual(lookAlikeWords(text), [], text);
  });
});
