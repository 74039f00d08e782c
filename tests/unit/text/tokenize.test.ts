import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldText, foldWord } from "../../../src/text/fold.ts";
import { tokenize } from "../../../src/text/tokenize.ts";

describe("foldWord", () => {
  it("removes case, accents and ligatures", () => {
    assert.equal(foldWord("Sûreté"), "surete");
    assert.equal(foldWord("ŒUVRE"), "oeuvre");
    assert.equal(foldWord("Iñarritu"), "inarritu");
  });
});

describe("foldText", () => {
  it("unifies apostrophes and dashes", () => {
    assert.equal(foldText("l’Intérieur — Grande-Marlaska"), "l'interieur grande marlaska");
  });
});

describe("tokenize", () => {
  it("keeps offsets into the original text", () => {
    const text = "La DGST (BCIJ) à Rabat";
    for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
  });

  it("marks acronyms, capitals and parenthesised acronyms", () => {
    const [la, dgst, bcij] = tokenize("La DGST (BCIJ)");
    assert.equal(la?.isUpper, false);
    assert.equal(la?.isCapitalized, true);
    assert.equal(dgst?.isUpper, true);
    assert.equal(dgst?.inParentheses, false);
    assert.equal(bcij?.inParentheses, true);
  });

  it("gives articles an empty key and the preposition one key", () => {
    const keys = tokenize("Bureau central des investigations, du Bureau, d'investigations, la le l'").map((t) => t.key);
    assert.deepEqual(keys, ["bureau", "central", "de", "investigations", "de", "bureau", "de", "investigations", "", "", ""]);
  });

  it("keeps one-letter initials: 'L. Akhannouch' is not an article", () => {
    assert.deepEqual(tokenize("L. Akhannouch et D. Fournier, l'État").map((t) => t.key), ["l", "akhannouch", "et", "d", "fournier", "", "etat"]);
  });
});
