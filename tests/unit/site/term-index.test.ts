import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleRecord, EntityRef } from "../../../src/model/article.ts";
import { companionsOf, referencesSignature, termIndex } from "../../../src/site/term-index.ts";

const ref = (id: string, name = id): EntityRef => ({ id, name, via: "text", mentions: [name] });

/** A record with what the index reads (its id and references) and a body it must ignore. */
function record(id: string, people: EntityRef[], body = "Texte."): ArticleRecord {
  return { id, body, people, agencies: [], topics: [ref("diplomatie")], places: [], outlet: null } as unknown as ArticleRecord;
}

describe("the term index", () => {
  it("has a signature that changes with the references, their names and the articles' order, not with the text", () => {
    const records = [record("a", [ref("hammouchi", "Abdellatif Hammouchi")]), record("b", [ref("mansouri", "Yassine Mansouri")])];
    const signature = referencesSignature(records);
    assert.equal(referencesSignature([record("a", [ref("hammouchi", "Abdellatif Hammouchi")], "Autre texte."), records[1] as ArticleRecord]), signature);
    assert.notEqual(referencesSignature([record("a", [ref("hammouchi", "A. Hammouchi")]), records[1] as ArticleRecord]), signature);
    assert.notEqual(referencesSignature([record("a", [ref("hammouchi", "Abdellatif Hammouchi"), ref("mansouri", "Yassine Mansouri")]), records[1] as ArticleRecord]), signature);
    assert.notEqual(referencesSignature([...records].reverse()), signature);
  });

  it("lists each term's articles by position, newest first, named as the newest article names it", () => {
    const records = [record("new", [ref("hammouchi", "Abdellatif Hammouchi")]), record("mid", [ref("mansouri")]), record("old", [ref("hammouchi", "A. Hammouchi"), ref("hammouchi", "A. Hammouchi")])];
    const index = termIndex(records);
    assert.deepEqual(index.terms.get("person")?.get("hammouchi"), { id: "hammouchi", name: "Abdellatif Hammouchi", positions: [0, 2] });
    assert.deepEqual(index.terms.get("topic")?.get("diplomatie")?.positions, [0, 1, 2]);
  });

  it("counts a term's companions: most frequent first, then by name, never the term itself", () => {
    const records = [
      record("1", [ref("a"), ref("zed"), ref("bob")]),
      record("2", [ref("a"), ref("zed")]),
      record("3", [ref("a"), ref("bob"), ref("carl")]),
      record("4", [ref("zed"), ref("carl")]),
    ];
    const index = termIndex(records);
    const term = index.terms.get("person")?.get("a");
    assert.ok(term);
    assert.deepEqual(
      companionsOf(index, "person", term, 2).map((link) => [link.name, link.count]),
      [["bob", 2], ["zed", 2]],
    );
    assert.deepEqual(companionsOf(index, "person", term, 5).at(-1)?.name, "carl");
  });
});
