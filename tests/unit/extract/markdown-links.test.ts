import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { compileKnowledge, type CompiledKnowledge } from "../../../src/extract/compile.ts";
import { readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";

const ROOT = join(import.meta.dirname, "../../..");
const today = new Date("2026-12-07T00:00:00Z");
let compiled: CompiledKnowledge;

const recordOf = (markdown: string) => buildArticle(readSource(markdown, "article.md", "markdown").doc, compiled, { today });

describe("a Markdown body's links and images", () => {
  before(() => {
    compiled = compileKnowledge(loadKnowledgeBase(join(ROOT, "content")).kb);
  });

  it("give extraction their words, never their addresses: no person, place or institution from a URL or a file name", () => {
    const record = recordOf(
      [
        "---",
        "title: Le cache du navigateur",
        "date: 2021-03-01",
        "---",
        "Le navigateur garde une copie des pages dans son [cache](https://fr.wikipedia.org/wiki/M%C3%A9moire_cache) pour les afficher plus vite.",
        "",
        "![Le port à l’aube](/images/tanger-med-Rabat.jpg)",
        "",
        "La [Direction générale de la sûreté nationale](https://www.dgsn.ma/) a publié son rapport.",
      ].join("\n"),
    );
    assert.deepEqual(record.people.map((ref) => ref.name), [], "M%C3%A9moire is no « M. » and a name");
    assert.deepEqual(record.places.map((ref) => ref.name), [], "an image's file name names no place");
    assert.deepEqual(record.agencies.map((ref) => ref.id), ["dgsn"], "a link's words are read");
    assert.match(record.body, /\[cache\]\(https:\/\/fr\.wikipedia\.org\/wiki\/M%C3%A9moire_cache\)/, "the body keeps its Markdown");
  });
});
