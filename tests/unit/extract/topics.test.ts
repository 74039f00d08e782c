import assert from "node:assert/strict";
import { join } from "node:path";
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

  it("does not count a keyword that names a minister's portfolio", () => {
    assert.deepEqual(topics("", "Le ministre de la Diplomatie a parlé. Le portefeuille de la Diplomatie change de mains."), []);
    assert.deepEqual(topics("", "Le ministre de la Diplomatie a parlé d'une crise diplomatique avec l'ambassade."), ["diplomatie"]);
  });
});

describe("the bundled general-news pack", () => {
  const bundled = compileKnowledge(loadKnowledgeBase(join(import.meta.dirname, "../../../content")).kb);
  const bundledTopics = (body: string) => extractTopics(tokenize(body), body, 0, bundled).map((t) => t.id);

  it("gives articles beyond the bundled beat their topics", () => {
    assert.deepEqual(bundledTopics("Le sélectionneur a dévoilé sa liste avant le match. Le championnat reprend samedi."), ["sport"]);
    assert.deepEqual(bundledTopics("Le second tour de la présidentielle aura lieu dimanche ; le taux de participation inquiète."), ["elections"]);
    assert.deepEqual(bundledTopics("Le séisme a fait des centaines de morts ; le tremblement de terre a détruit la ville."), ["catastrophes"]);
  });

  it("does not read a figure of speech or a minister's title as a topic", () => {
    assert.deepEqual(bundledTopics("Le climat social est tendu. Le ministre de l'Agriculture et le ministre de la Santé ont parlé."), []);
    assert.deepEqual(bundledTopics("Le ministre de l'Habitat, de l'Urbanisme et du Logement était présent, avec le ministre de la Culture et du Patrimoine."), []);
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
