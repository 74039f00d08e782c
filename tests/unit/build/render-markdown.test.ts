import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { remark } from "remark";
import remarkHtml from "remark-html";
import { renderMarkdown, renderPlainParagraphs } from "../../../src/archive/render-markdown.ts";

const reference = remark().use(remarkHtml, { sanitize: true });
const remarkOutput = (markdown: string) => String(reference.processSync(markdown)).trim();

describe("renderMarkdown", () => {
  it("writes plain paragraphs exactly as remark-html does", () => {
    const words = fc.constantFrom("Le", "directeur", "général", "«", "»", "l’État", "(DGST)", "12,5", "%", "—", "…", ":", ";", "?", "\"cité\"", "a-t-il", "2020.", "Rabat,", "x", "é", "ç", "'", "(", ")", "=", "-", "+", "1.", "/", "", " ", "\t", "3)", "*", "#");
    const line = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
    const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const markdown = paragraphs.join("\n\n");
        assert.equal(renderMarkdown(markdown), remarkOutput(markdown));
      }),
      { numRuns: 300 },
    );
  });

  it("takes for plain exactly what has no syntax in the sense of one multi-line pattern (the one it replaces, checked a line at a time)", () => {
    const SYNTAX = /[\\`*_[\]<>&!#|~{}]|^[ \t]|[ \t]$|^[-+=]|^\d+[.)]|^$/m;
    const piece = fc.constantFrom("mot", "Rabat", " ", "\t", "\n", "\r", "\u2028", "-", "+", "=", "12", ".", ")", "#", "*", "é", "a b");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
        const paragraph = pieces.join("");
        if (paragraph.trim() !== paragraph || /\n[ \t]*\n/.test(paragraph) || paragraph === "") return;
        assert.equal(renderPlainParagraphs(paragraph) === undefined, SYNTAX.test(paragraph), JSON.stringify(paragraph));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves anything with syntax to remark, which sanitizes it", () => {
    assert.equal(renderPlainParagraphs("Un *mot* en italique"), undefined);
    assert.equal(renderPlainParagraphs("- une liste"), undefined);
    assert.equal(renderPlainParagraphs("a <script>x</script>"), undefined);
    assert.doesNotMatch(renderMarkdown("a <script>alert(1)</script> b"), /<script/);
    assert.equal(renderMarkdown("[lien](javascript:alert(1))"), "<p><a>lien</a></p>");
  });
});
