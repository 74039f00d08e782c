import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { renderMarkdown } from "../../../src/archive/render-markdown.ts";
import { markdownAsText, markdownLineAsWords, textAsMarkdown } from "../../../src/text/markdown-text.ts";

/** The text a browser shows for one rendered paragraph. */
function shownText(html: string): string {
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html);
  assert.ok(match, `one paragraph: ${html}`);
  // One pass: a decoded `&` must not start another reference.
  const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&" };
  return (match[1] ?? "").replace(/&(?:#x([0-9A-Fa-f]+)|#(\d+)|(lt|gt|quot|amp));/g, (_, hex?: string, decimal?: string, name?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (named[name ?? ""] ?? ""),
  );
}

/** Lines as segmentation gives them: one line, spaces collapsed, no space at either end. */
const line = fc
  .array(fc.constantFrom(..."[]()<>*_`#\\!&;=-+.|~:/0123456789 aéZ'\"{}\tx".split(""), "https://x.example/", "&amp;", "&#65;", "<b>", "</b>", "__", "**", "1. ", "# ", "> ", "- ", "```", "](", "<https://a.b>"), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join("").replace(/\s+/g, " ").trim())
  .filter((text) => text !== "");

describe("text as Markdown and back", () => {
  it("renders the capture's hostile lines as written: no link, no emphasis, no heading, no HTML", () => {
    for (const text of ["[voir la vidéo](https://phishing.example/login)", "__init__", "# titre", "<b>x</b>", "1. pas une liste", "> pas une citation", "&amp; &#65;", "*main*", "![image](https://tracker.example/p.gif)", "<https://x.example>"]) {
      const html = renderMarkdown(textAsMarkdown(text));
      assert.doesNotMatch(html, /<(a|strong|em|h\d|ol|ul|blockquote|b|img|code)\b/, text);
      assert.equal(shownText(html), text);
    }
  });

  it("leaves ordinary prose and plain addresses alone", () => {
    for (const text of ["L'État a dépensé 5 millions, selon le rapport.", "snake_case et a\\b", "Voir https://www.example.org/docs/a_b.html pour la suite."]) assert.equal(textAsMarkdown(text), text);
  });

  it("renders any line as written, and reads it back as the same text (property)", () => {
    fc.assert(
      fc.property(line, (text) => {
        const markdown = textAsMarkdown(text);
        assert.equal(shownText(renderMarkdown(markdown)), text);
        assert.equal(markdownAsText(markdown), text);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a page's link as its words, keeping a block marker", () => {
    assert.equal(markdownAsText("Selon [le rapport](https://x.ma/rapport), l\\*armée"), "Selon le rapport, l*armée");
    assert.equal(markdownAsText("## Un intertitre \\[sic]"), "## Un intertitre [sic]");
    assert.equal(markdownAsText("- un [point](https://x.ma/)"), "- un point");
  });
});

describe("markdownLineAsWords", () => {
  it("gives the words a reader sees: no block marker, escape, emphasis, link target or raw HTML", () => {
    assert.equal(markdownLineAsWords("## Un titre *important*"), "Un titre important");
    assert.equal(markdownLineAsWords("Selon [le rapport](https://x.ma/r), **oui** <b>gras</b>"), "Selon le rapport, oui gras");
    assert.equal(markdownLineAsWords("> cité"), "cité");
  });

  it("reads a capture's escaped text back as it was typed (search excerpts show no backslash)", () => {
    for (const typed of ["Voir __init__ et [x](y)", "5 * 3 = 15", "# pas un titre", "<b>x</b> & co"]) {
      assert.equal(markdownLineAsWords(textAsMarkdown(typed)), typed);
    }
  });
});
