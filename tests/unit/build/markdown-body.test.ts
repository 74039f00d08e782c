import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderMarkdown } from "../../../src/archive/render-markdown.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";
import { extractSource } from "../../../src/pipeline/extract-source.ts";
import { fixtureContent } from "../../helpers/content.ts";

const ARTICLE = `---
title: Installer le poste de formation
date: 2024-03-12
---

Les stagiaires suivent trois étapes.

1. Télécharger le schéma du formulaire

   - <https://example.org/schemas/formulaire.xsd>
   - vérifié avec les versions 2010 et 2016

2. Ouvrir le fichier

       formulaire --valider entree.xml

La session se termine par un contrôle.
`;

describe("a Markdown article's body", () => {
  it("keeps the indentation Markdown reads: a list inside a list item, a code block after a blank line", () => {
    const content = fixtureContent();
    const file = join(content, "articles", "poste.md");
    writeFileSync(file, ARTICLE);
    const compiled = compileKnowledge(loadKnowledgeBase(content).kb);
    const record = extractSource(file, "articles/poste.md", compiled, { homeCountry: "FR", today: new Date("2024-06-01") }).result.record as ArticleRecord;
    assert.match(record.body, /^1\. Télécharger le schéma du formulaire\n\n {3}- <https:\/\/example\.org\/schemas\/formulaire\.xsd>\n {3}- vérifié/m, record.body);
    const html = renderMarkdown(record.body);
    assert.match(html, /<li>\s*<p>Télécharger le schéma du formulaire<\/p>\s*<ul>\s*<li><a href="https:\/\/example\.org\/schemas\/formulaire\.xsd">/, html);
    assert.match(html, /<li>\s*<p>Ouvrir le fichier<\/p>\s*<pre><code>formulaire --valider entree\.xml\n<\/code><\/pre>\s*<\/li>\s*<\/ol>/, html);
  });
});
