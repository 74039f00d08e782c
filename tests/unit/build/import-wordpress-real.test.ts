import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { importSources } from "../../../src/editor/import.ts";
import { readPubDate } from "../../../src/editor/feed-dates.ts";
import { paragraphs, shortcodesExpanded } from "../../../src/editor/wordpress-content.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { importedArticle } from "../../helpers/imported-article.ts";
import { scratchDir } from "../../helpers/scratch.ts";

/**
 * Exports and feeds with the structure of real public ones (tests/fixtures/import/wordpress-real/README.md
 * names them), where the importer lost or mangled text.
 */
const FIXTURES = join(import.meta.dirname, "../../fixtures/import/wordpress-real");
const today = new Date("2026-11-23T12:00:00Z");

async function imported(...files: string[]) {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: files.map((file) => join(FIXTURES, file)), cwd: content, today });
  return { content, outcomes };
}


const paragraphsOf = (body: string) => body.trim().split(/\n\n+/);

describe("a classic-editor WordPress export", () => {
  it("drops <!--more-->, <!--more …--> and <!--nextpage--> and breaks the paragraph where they stood", async () => {
    const { content, outcomes } = await imported("classic-editor.xml");
    const post = importedArticle(content, outcomes, "#post-5817");
    assert.doesNotMatch(post.text, /<!--|more-->|nextpage/);
    assert.deepEqual(paragraphsOf(post.body), [
      "Le géant a sorti [son arme](https://example.com/) l'année passée. Il était temps de faire une mise à jour.",
      "Cette vidéo présente les principales nouveautés.",
      "La suite après le lien.",
      "Deuxième page de l'article.",
      "Troisième page.",
    ]);
  });

  it("reads lists, tables and line breaks as wpautop does: blocks are never wrapped in paragraphs", async () => {
    const { content, outcomes } = await imported("classic-editor.xml");
    const post = importedArticle(content, outcomes, "#post-5900");
    assert.match(post.body, /^Vérifiez que :\n\n- le \*?titre\*? de l'article s'affiche ;\n- la date suit le titre\.\n\nPuis, dans l'ordre :\n\n1\. ouvrir la page,\n2\. la recharger\.\n\n## Un tableau\n/);
    assert.doesNotMatch(post.body, /^\s*(?:[-*+]|\d+\.)\s*$/m, "no empty bullet");
    assert.deepEqual(post.body.match(/^#+ .*$/gm), ["## Un tableau"], "list items are no headings");
    assert.match(post.body, /\n\nUne ligne\net la suivante\.\n?$/, "a single line break in a paragraph stays one");
  });

  it("keeps unknown bracketed text and text in <code>/<pre>, makes [code] a code block, and names the media shortcodes it removes", async () => {
    const { content, outcomes } = await imported("classic-editor.xml");
    const post = importedArticle(content, outcomes, "#post-5910");
    assert.match(post.body, /\(ha ha ha \\?\[rire diabolique\]\) comment tout tient ensemble\./);
    assert.match(post.body, /`\[107\.19 Kkey\/s\]\[total 691130122\]`/);
    assert.match(post.body, /```\n\[browser = msie\]\n  page\.headerData\.10 = TEXT\n\[global\]\n```/);
    assert.match(post.body, /```cpp\n#include <vector>\nint main\(\) \{\n    return 0;\n\}\n```/, "SyntaxHighlighter's [code] keeps its lines and indentation");
    assert.match(post.body, /^Le pont en hiver$/m, "a caption keeps its words");
    for (const gone of ["youtube", "A3Atj57r15U", "gallery", "dailymotion", "[caption", "[code", "[/code]"]) assert.ok(!post.body.includes(gone), gone);
    assert.match(post.head, /^# À VÉRIFIER : shortcodes WordPress retirés du texte .*: \[youtube\], \[gallery\], \[dailymotion\]/m);
    assert.ok(post.notes.includes("médias retirés du texte (leurs légendes restent) : 1 image ; `image:` donne l’image principale de l’article"), post.notes.join("\n"));
  });

  it("prints a title's words, not its HTML", async () => {
    const { content, outcomes } = await imported("classic-editor.xml");
    assert.equal(importedArticle(content, outcomes, "#post-1173").data["title"], "Markup: Title With Markup");
  });

  it("puts no other date in place of a scheduled post's, and keeps WordPress's in the note", async () => {
    const { content, outcomes } = await imported("classic-editor.xml");
    const post = importedArticle(content, outcomes, "#post-1153");
    assert.equal(post.data["draft"], true);
    assert.match(post.head, /^# À VÉRIFIER : publication programmée dans WordPress : retirez `draft: true`/m);
    assert.equal(post.data["date"], undefined, "the permalink's /2020/01/01/ is not the day it was to appear");
    assert.match(post.head, /^# À VÉRIFIER : date de publication programmée dans WordPress \(wp:post_date 2030-01-01 12:00:18/m);
    assert.doesNotMatch(post.head, /invraisemblable/);

    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
  });
});

describe("a WXR 1.0 export (WordPress 2.x–3.0)", () => {
  it("reads tags written as <category domain=\"tag\">", async () => {
    const { content, outcomes } = await imported("wxr-1.0.xml");
    assert.deepEqual(importedArticle(content, outcomes, "#post-4").data["topics"], ["alpha", "news", "roar"]);
  });

  it("tells the editor that an address WordPress told apart by its query (/?p=4) gets no redirect", async () => {
    const { content, outcomes } = await imported("wxr-1.0.xml");
    const post = importedArticle(content, outcomes, "#post-4");
    assert.equal(post.data["aliases"], undefined);
    assert.ok(post.notes.includes("ancienne adresse à paramètre (/?p=4) : une page statique ne peut pas la rediriger ; réglez la redirection sur le serveur de l’ancien site"), post.notes.join("\n"));
  });
});

describe("feeds as real sites write them", () => {
  it("reads a feed with blank lines before its XML declaration", async () => {
    const { content, outcomes } = await imported("blank-lines-before-declaration.rss");
    const episode = importedArticle(content, outcomes, "#item-1");
    assert.equal(episode.data["title"], "Épisode 12 : la radio locale");
    assert.match(String(episode.data["date"]), /^2015-03-03/);
  });

  it("reads an Atom feed's title given as HTML as its words: the outlet is named without its escapes", async () => {
    const feed = join(scratchDir("atom-html-title"), "feed.xml");
    writeFileSync(feed, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Conseil &amp;amp; Formation</title><link href="https://conseil.example.org/" rel="alternate" type="text/html"/><id>https://conseil.example.org/</id><updated>2023-05-02T10:00:00+02:00</updated><entry><title type="html">Une session à Genève</title><link href="https://conseil.example.org/2023/05/geneve/" rel="alternate" type="text/html"/><id>https://conseil.example.org/2023/05/geneve/</id><published>2023-05-02T10:00:00+02:00</published><content type="html">&lt;p&gt;Douze formateurs ont suivi la session de printemps à Genève, consacrée aux outils de suivi des dossiers.&lt;/p&gt;</content></entry></feed>`);
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [feed], cwd: content, today });
    const post = importedArticle(content, outcomes, "#entry-1");
    assert.ok(typeof post.data["outlet"] === "string" && post.data["outlet"].startsWith("conseil-") && !/amp/.test(post.data["outlet"]), String(post.data["outlet"]));
    assert.ok(!post.notes.some((note) => note.startsWith("texte court")), "an entry with its <content> is the article, however short");
  });

  it("reads RSS 1.0 (RDF): items beside the channel, dc:date, dc:subject, dc:creator", async () => {
    const { content, outcomes } = await imported("rss-1.0.rss");
    assert.equal(outcomes.length, 2);
    const first = importedArticle(content, outcomes, "rss-1.0.rss#item-1");
    assert.equal(first.data["title"], "Des glaciers qui reculent plus vite");
    assert.equal(first.data["date"], "2017-12-21T10:00:00-08:00");
    assert.equal(first.data["url"], "http://revue-science.example.org/content/358/6370/1548.1");
    assert.deepEqual(first.data["topics"], ["Climat"]);
    assert.deepEqual(first.data["authors"], ["Anne Girard"]);
    assert.match(first.body, /perdu un dixième de leur masse/);
    const second = importedArticle(content, outcomes, "rss-1.0.rss#item-2");
    assert.equal(second.data["date"], "2017-12-22");
  });

  it("reads Portuguese and French pubDates, and tells the editor of one it cannot read", async () => {
    const { content, outcomes } = await imported("localized-dates.rss");
    const portuguese = importedArticle(content, outcomes, "#item-1");
    assert.equal(portuguese.data["date"], "2018-09-24T19:42:40-03:00");
    assert.equal(portuguese.data["date_evidence"], "pubDate Seg, 24 Set 2018 19:42:40 -0300");
    assert.equal(importedArticle(content, outcomes, "#item-2").data["date"], "2018-09-24T10:00:00+02:00");
    const unread = importedArticle(content, outcomes, "#item-3");
    assert.match(unread.head, /^# À VÉRIFIER : date illisible \(`pubDate: hier à 10 h 30`\)/m);
  });
});

describe("WordPress content, piece by piece", () => {
  it("never wraps a block in <p> nor puts <br> between block tags", () => {
    assert.equal(paragraphs("Verify that:\n<ul>\n\t<li>A</li>\n\t<li>B</li>\n</ul>"), "<p>Verify that:</p>\n<ul>\n\t<li>A</li>\n\t<li>B</li>\n</ul>");
    assert.equal(paragraphs("<blockquote>Un.\n\nDeux.</blockquote>"), "<blockquote><p>Un.</p>\n\n<p>Deux.</p></blockquote>");
    assert.equal(paragraphs("<pre>a\n\n  b</pre>"), "<pre>a\n\n  b</pre>", "a <pre> is kept as written");
  });

  it("removes only the shortcodes WordPress and common plugins register", () => {
    assert.deepEqual(shortcodesExpanded("(ha ha ha [rire diabolique]) [browser = msie] [1] [sic]"), { html: "(ha ha ha [rire diabolique]) [browser = msie] [1] [sic]", removed: [] });
    assert.deepEqual(shortcodesExpanded('<code>[gallery ids="1"]</code> [video src="a.mp4"] [playlist ids="2"] [audio mp3="b.mp3"][/audio]'), { html: '<code>[gallery ids="1"]</code>   ', removed: ["[video]", "[playlist]", "[audio]"] });
    assert.match(shortcodesExpanded("[sourcecode language=\"python\"]\ndef f():\n    return 1\n[/sourcecode]").html, /<pre><code class="language-python">def f\(\):\n    return 1<\/code><\/pre>/);
    assert.match(shortcodesExpanded('[html highlight="2"]\n<ul>\n  <li>Un</li>\n</ul>\n[/html]').html, /<pre><code class="language-html">&lt;ul&gt;\n  &lt;li&gt;Un&lt;\/li&gt;\n&lt;\/ul&gt;<\/code><\/pre>/, "a language's own shortcode");
    assert.match(shortcodesExpanded("[code]\n<!-- Google Analytics -->\n<script>\n[/code]").html, /<pre><code>&lt;!-- Google Analytics --&gt;\n&lt;script&gt;<\/code><\/pre>/, "[code] shows markup as text");
    assert.match(shortcodesExpanded('<pre>[sourcecode language="xml" padlinenumbers="true"]\n&lt;button id="b" /&gt;\n[/sourcecode]</pre>').html, /^\s*<pre><code class="language-xml">&lt;button id="b" \/&gt;<\/code><\/pre>\s*$/, "a code shortcode the visual editor wrapped in <pre>");
    assert.equal(shortcodesExpanded('<pre>[gallery ids="1"]</pre>').html, '<pre>[gallery ids="1"]</pre>', "any other shortcode in <pre> is text");
  });

  it("reads month names in French, Portuguese and Spanish", () => {
    assert.deepEqual(readPubDate("lun., 24 sept. 2018 10:00:00 +0200"), { day: "2018-09-24", time: "10:00:00", offset: "+02:00" });
    assert.deepEqual(readPubDate("Seg, 24 Set 2018 19:42:40 -0300"), { day: "2018-09-24", time: "19:42:40", offset: "-03:00" });
    assert.deepEqual(readPubDate("mar., 3 févr. 2015 08:00:00 +0100"), { day: "2015-02-03", time: "08:00:00", offset: "+01:00" });
    assert.deepEqual(readPubDate("lunes, 5 dic 2016 10:00:00 GMT"), { day: "2016-12-05", time: "10:00:00", offset: "Z" });
    assert.equal(readPubDate("hier à 10 h 30"), undefined);
  });
});
