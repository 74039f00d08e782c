import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { extractTopics, resolveTags } from "../../../src/extract/topics.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { tokenize } from "../../../src/text/tokenize.ts";
import { fixtureContent } from "../../helpers/content.ts";

const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const topics = (title: string, body: string) => {
  const text = `${title}\n${body}`;
  return extractTopics(tokenize(text), text, title.length, compiled).map((t) => t.id);
};

describe("extractTopics", () => {
  it("tags a topic once its keywords, in any French form, occur often enough", () => {
    assert.deepEqual(topics("", "Une rencontre diplomatique, puis un geste de la diplomatie et une ambassade."), ["diplomatie"]);
    assert.deepEqual(topics("", "Une seule mention diplomatique."), []);
  });

  it("counts a keyword in the headline twice", () => {
    assert.deepEqual(topics("La diplomatie marocaine", "Rien d'autre."), ["diplomatie"]);
  });
});

describe("resolveTags", () => {
  it("maps a tag line's terms to topics, actors and places, and keeps unknown terms as topics", () => {
    const resolved = resolveTags(["États-Unis", "Diplomatie", "Abdellatif Hammouchi", "Direction générale de la surveillance du territoire (DGST)", "Sécurité routière"], compiled);
    assert.deepEqual(resolved.topics.map((t) => t.id), ["diplomatie", "securite-routiere"]);
    assert.deepEqual(resolved.entities.map((e) => `${e.kind}:${e.id}`), ["place:etats-unis", "person:abdellatif-hammouchi", "agency:dgst"]);
  });

  it("only takes known terms from a page's keywords", () => {
    assert.deepEqual(resolveTags(["Diplomatie", "Sécurité routière"], compiled, { knownOnly: true }).topics.map((t) => t.id), ["diplomatie"]);
  });
});
