import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { STRINGS } from "../../../src/site/strings.ts";
import type { SiteShared } from "../../../src/site/site-data.ts";
import { documentText, each, escapeHtml, html, trusted } from "../../../templates/html.ts";
import { articleList } from "../../../templates/partials/article-list.ts";

describe("html templates", () => {
  it("escapes the characters that end an element or a quoted attribute", () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\\</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#92;&lt;/a&gt;");
  });

  it("gives a whole document's text as it was written", () => {
    const page = html`<p>${"a & b"}</p>${each(["x", "y"], (item) => html`<i>${item}</i>`)}`;
    assert.equal(documentText(page), "<p>a &amp; b</p><i>x</i><i>y</i>");
  });

  it("escapes every value but markup; prints numbers, lists, and nothing for null and undefined", () => {
    const name = `Tom & "Jerry" <b>`;
    assert.equal(html`<p title="${name}">${name}</p>`.text, `<p title="Tom &amp; &quot;Jerry&quot; &lt;b&gt;">Tom &amp; &quot;Jerry&quot; &lt;b&gt;</p>`);
    assert.equal(html`<div>${trusted("<b>bold</b>")}${html`<i>${"<"}</i>`}</div>`.text, "<div><b>bold</b><i>&lt;</i></div>");
    assert.equal(html`${3} ${null}${undefined}|${["<", trusted("<br>"), 0]}`.text, "3 |&lt;<br>0");
    assert.equal(each(["a", "<b>"], (item) => html`<li>${item}</li>`).text, "<li>a</li><li>&lt;b&gt;</li>");
  });

  it("prints a source's text as text in a page: a title that looks like markup stays text", () => {
    const site = { strings: STRINGS.fr } as SiteShared;
    const card = { url: "/articles/x/", title: `<script>alert("x")</script>`, date: null, dateIso: null, outlet: "A & B", summary: "" };
    const out = articleList(site, [card]).text;
    assert.ok(out.includes(`<a href="/articles/x/" dir="auto">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>`), out);
    assert.ok(out.includes(`${STRINGS.fr.undated} · A &amp; B`), out);
    assert.ok(!out.includes("<script>"));
    assert.ok(!out.includes("<p></p>"), "no empty summary paragraph");
  });

  it("makes a card once for the pages that list it, and again for another heading level or language", () => {
    const card = { url: "/articles/y/", title: "Un titre", date: null, dateIso: null, outlet: null, summary: "Résumé" };
    const french = { strings: STRINGS.fr } as SiteShared;
    const english = { strings: STRINGS.en } as SiteShared;
    const first = articleList(french, [card]).text;
    const item = first.slice(first.indexOf("\n<li"), first.indexOf("</li>") + "</li>".length);
    assert.equal(articleList(french, [card, card]).text, `<ol class="article-list">${item}${item}\n</ol>`);
    assert.match(first, /<h3><a href="\/articles\/y\/" dir="auto">Un titre<\/a><\/h3>/);
    assert.match(articleList(french, [card], 2).text, /<h2><a href="\/articles\/y\/" dir="auto">Un titre<\/a><\/h2>/);
    assert.match(articleList(french, [card]).text, /<h3>/, "the level-2 card did not replace the level-3 one");
    assert.notEqual(STRINGS.en.undated, STRINGS.fr.undated);
    assert.ok(articleList(english, [card]).text.includes(STRINGS.en.undated));
    assert.ok(articleList(french, [card]).text.includes(STRINGS.fr.undated));
  });
});

describe("the base layout", () => {
  it("carries a framed-page notice hidden unless frame-guard.js finds the page framed, and the policy in <meta>", async () => {
    const { basePage } = await import("../../../templates/layouts/base.ts");
    const site = { strings: STRINGS.fr, config: { title: "Revue", description: "" }, links: { feed: "/feed.xml", data: "/donnees/" }, nav: [], security: { csp: "default-src 'self'" } } as unknown as SiteShared;
    const view = { type: "simple", url: "/a-propos/", meta: { title: "À propos", description: "", canonical: "https://example.org/a-propos/" } } as unknown as Parameters<typeof basePage>[1];
    const page = basePage(site, view, html`<p>x</p>`).text;
    const head = page.slice(0, page.indexOf("<body>"));
    assert.ok(head.includes(`<script src="/assets/frame-guard.js"></script>`), head);
    assert.ok(head.includes(`<meta name="referrer" content="strict-origin-when-cross-origin">`));
    assert.ok(page.includes(`<p class="framed-notice" hidden><a href="/a-propos/" target="_top">${escapeHtml(STRINGS.fr.framedNotice)}</a></p>`));
  });
});
