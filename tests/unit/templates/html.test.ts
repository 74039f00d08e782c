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
    assert.ok(out.includes(`<a href="/articles/x/">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>`), out);
    assert.ok(out.includes(`${STRINGS.fr.undated} · A &amp; B`), out);
    assert.ok(!out.includes("<script>"));
    assert.ok(!out.includes("<p></p>"), "no empty summary paragraph");
  });
});
