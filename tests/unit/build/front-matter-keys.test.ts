import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateFrontMatter } from "../../../src/archive/front-matter.ts";
import { readSource } from "../../../src/ingest/read-source.ts";

const today = new Date("2026-11-23T00:00:00Z");

/** A Markdown file with this front matter (YAML lines, or a whole `+++`/`{` block), validated. */
function validate(frontMatter: string, path = "articles/a.md") {
  const text = /^(\+\+\+|\{)/.test(frontMatter) ? `${frontMatter}\n\nLe texte.\n` : `---\n${frontMatter}\n---\n\nLe texte.\n`;
  const { doc, diagnostics } = readSource(text, path, "markdown");
  assert.deepEqual(diagnostics, [], "the file reads");
  const result = validateFrontMatter(doc, today);
  return { fm: JSON.parse(JSON.stringify(result.frontMatter)) as Record<string, unknown>, diagnostics: result.diagnostics };
}

const rules = (diagnostics: readonly { rule: string; severity: string; line?: number }[]) => diagnostics.map((d) => `${d.line}:${d.severity}:${d.rule}`);

describe("dates in front matter", () => {
  const forms: [written: string, day: string, dateTime: string | undefined][] = [
    ["2023-05-04", "2023-05-04", undefined],
    ["2023-05", "2023-05", undefined],
    ["2023-05-04T10:30:00+02:00", "2023-05-04", "2023-05-04T10:30:00+02:00"],
    ["2023-05-04T10:30:00Z", "2023-05-04", "2023-05-04T10:30:00Z"],
    ["2023-05-04T10:30:00", "2023-05-04", "2023-05-04T10:30:00"],
    ["2023-05-04T10:30", "2023-05-04", "2023-05-04T10:30:00"],
    ["2023-05-04T23:30:00.250-05:00", "2023-05-04", "2023-05-04T23:30:00-05:00"],
    ["2023-05-04 10:30:00 +0200", "2023-05-04", "2023-05-04T10:30:00+02:00"],
    ["2023-05-04 00:30:00 +0100", "2023-05-04", "2023-05-04T00:30:00+01:00"],
  ];
  for (const [written, day, dateTime] of forms) {
    it(`reads ${written}: the day ${day} is the page's date${dateTime ? ", the time is kept" : ""}`, () => {
      const { fm, diagnostics } = validate(`title: T\ndate: ${written}`);
      assert.deepEqual(diagnostics, []);
      assert.equal(fm["date"], day);
      assert.equal(fm["dateTime"], dateTime);
    });
  }

  it("reads TOML's own date-times and dates", () => {
    const { fm, diagnostics } = validate("+++\ntitle = 'T'\ndate = 2023-05-04T10:30:00+02:00\nlastmod = 2023-05-06\n+++");
    assert.deepEqual(diagnostics, []);
    assert.equal(fm["date"], "2023-05-04");
    assert.equal(fm["dateTime"], "2023-05-04T10:30:00+02:00");
    assert.equal(fm["modified"], "2023-05-06");
  });

  it("refuses impossible days and times, naming the key and its line", () => {
    const day = validate("title: T\ndate: 2023-02-30T10:00:00Z");
    assert.deepEqual(rules(day.diagnostics), ["3:error:front-matter-date"]);
    assert.match(day.diagnostics[0]?.message ?? "", /^`date` 2023-02-30T10:00:00Z is not a day of the calendar$/);
    assert.equal(day.fm["date"], undefined);
    const time = validate("title: T\ndate: 2023-05-04T25:00:00Z");
    assert.deepEqual(rules(time.diagnostics), ["3:error:schema-pattern"]);
    const modified = validate("title: T\ndate: 2023-05-04\nlastmod: 2023-13-01");
    assert.deepEqual(rules(modified.diagnostics), ["4:error:schema-pattern"]);
    assert.equal(modified.fm["modified"], undefined);
  });

  it("takes the day a Jekyll post's file name starts with when the front matter gives none", () => {
    const named = validate("title: T", "_posts/2023-05-04-titre.md");
    assert.deepEqual(named.diagnostics, []);
    assert.equal(named.fm["date"], "2023-05-04");
    assert.equal(named.fm["date_evidence"], "file name 2023-05-04-titre.md");
    assert.equal(validate("title: T\ndate: 2022-01-02", "_posts/2023-05-04-titre.md").fm["date"], "2022-01-02", "the front matter wins");
    assert.equal(validate("title: T\ndate: hier", "_posts/2023-05-04-titre.md").fm["date"], undefined, "a wrong date is reported, not replaced");
    assert.equal(validate("title: T", "_posts/2023-02-30-titre.md").fm["date"], undefined, "no such day");
    const { doc } = readSource("Un texte.", "2023-05-04-capture.txt", "text");
    assert.equal(validateFrontMatter(doc, today).frontMatter.date, undefined, "a capture's file name says when it was saved, not published");
  });

  it("ignores Eleventy's computed dates with a warning, and takes Hugo's publishDate when there is no date", () => {
    const computed = validate("title: T\ndate: git Last Modified");
    assert.deepEqual(rules(computed.diagnostics), ["3:warning:front-matter-value"]);
    assert.match(computed.diagnostics[0]?.message ?? "", /Eleventy/);
    assert.equal(computed.fm["date"], undefined);
    assert.equal(validate("title: T\npublishDate: 2023-05-04T10:00:00Z").fm["dateTime"], "2023-05-04T10:00:00Z");
    assert.equal(validate("title: T\ndate: 2023-05-01\npublishDate: 2023-05-04").fm["date"], "2023-05-01");
  });
});

describe("keys of Hugo, Jekyll and Eleventy", () => {
  it("map to Revue's fields, lists joined and the first key of a field winning", () => {
    const { fm, diagnostics } = validate(
      [
        "title: T",
        "description: Le résumé.",
        "excerpt: Un autre résumé.",
        "tags: [a, b]",
        "categories: [B, c]",
        "keywords: d, e",
        "author: Nadia Benali",
        "authors: [Karim Tazi, Nadia Benali]",
        "lastmod: 2023-05-06T08:00:00+02:00",
        "redirect_from: /ancien/",
        "aliases: [/plus-ancien/]",
        "slug: un-titre",
      ].join("\n"),
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(fm, {
      title: "T",
      summary: "Le résumé.",
      tags: ["a", "b", "c", "d", "e"],
      authors: ["Karim Tazi", "Nadia Benali"],
      modified: "2023-05-06T08:00:00+02:00",
      aliases: ["/plus-ancien/", "/ancien/"],
      slug: "un-titre",
    });
  });

  it("reads terms as each tool writes them", () => {
    assert.deepEqual(validate("title: T\ncategories: jekyll update").fm["tags"], ["jekyll", "update"], "Jekyll: words separated by spaces");
    assert.deepEqual(validate("title: T\ntags: Conseil de gouvernement, santé").fm["tags"], ["Conseil de gouvernement", "santé"], "commas separate terms of several words");
    assert.deepEqual(validate("title: T\ncategory: Politique intérieure").fm["tags"], ["Politique intérieure"], "Jekyll's `category` is one");
    assert.deepEqual(validate("title: T\ntags: [post, santé]").fm["tags"], ["santé"], "Eleventy's collection tag is no subject");
    assert.equal(validate("title: T\ntags: post").fm["tags"], undefined);
    assert.deepEqual(validate("+++\ntitle = 'T'\ntags = [2023, 'élections']\n+++").fm["tags"], ["2023", "élections"]);
  });

  it("reads bylines as text, lists and maps with a name", () => {
    assert.deepEqual(validate("title: T\nauthor:\n  name: Leïla Chraibi\n  twitter: leila").fm["authors"], ["Leïla Chraibi"]);
    assert.deepEqual(validate("title: T\nauthors:\n  - name: A\n  - name: B").fm["authors"], ["A", "B"]);
    const bad = validate("title: T\nauthor: 42");
    assert.deepEqual(rules(bad.diagnostics), ["3:warning:front-matter-value"]);
    assert.equal(bad.fm["authors"], undefined);
  });

  it("makes a draft of `draft: true`, Jekyll's `published: false` and Eleventy's `permalink: false`", () => {
    assert.equal(validate("title: T\npublished: false").fm["draft"], true);
    assert.equal(validate("title: T\npublished: true").fm["draft"], false);
    assert.equal(validate("title: T\ndraft: false\npublished: false").fm["draft"], true);
    assert.equal(validate("title: T\npermalink: false").fm["draft"], true);
    assert.equal(validate("title: T\npublished: 2023-05-04").fm["date"], "2023-05-04", "Hugo: `published` is a date");
  });

  it("tells the original's address from the page's path on its old site", () => {
    const hugo = validate("title: T\nurl: /actualites/2023/titre/");
    assert.deepEqual(hugo.diagnostics, []);
    assert.equal(hugo.fm["permalink"], "/actualites/2023/titre/");
    assert.equal(hugo.fm["url"], undefined);
    const full = validate("title: T\npermalink: https://www.example.ma/2023/titre/");
    assert.equal(full.fm["url"], "https://www.example.ma/2023/titre/");
    assert.equal(full.fm["permalink"], undefined);
    for (const pattern of ['"/blog/{{ page.fileSlug }}/"', "/:categories/:year/:title/"]) {
      const templated = validate(`title: T\npermalink: ${pattern}`);
      assert.deepEqual(rules(templated.diagnostics), ["3:warning:front-matter-value"], pattern);
      assert.equal(templated.fm["permalink"], undefined);
    }
    for (const bad of ["/../../tmp/x.html", "/a/%2e%2e/b/", "//evil.example/x", "/a b/", "/a?p=1"]) {
      const refused = validate(`title: T\npermalink: "${bad}"`);
      assert.equal(refused.fm["permalink"], undefined, bad);
      assert.equal(refused.diagnostics.length, 1, bad);
    }
    const unsafe = validate('title: T\nurl: "javascript:alert(1)"');
    assert.deepEqual(rules(unsafe.diagnostics), ["3:warning:front-matter-url"], "a url that is no path is the original's, checked as before");
  });

  it("keeps former paths only when a static site can serve them", () => {
    assert.deepEqual(validate("title: T\naliases: [https://www.example.ma/2019/05/titre/]").fm["aliases"], ["/2019/05/titre/"], "an old address stands for its path");
    for (const bad of ["relative/path/", "/../etc/", "/?p=726", "javascript:alert(1)"]) {
      const refused = validate(`title: T\naliases: ["/ok/", "${bad}"]`);
      assert.deepEqual(rules(refused.diagnostics), ["3:warning:front-matter-value"], bad);
      assert.equal(refused.fm["aliases"], undefined, bad);
    }
  });

  it("reads a lead image and its text alternative in the forms of Hugo's and Jekyll's themes", () => {
    assert.deepEqual(validate("title: T\nimage: /img/a.jpg\nimage_alt: Une photo").fm["image"], { url: "/img/a.jpg", alt: "Une photo" });
    assert.deepEqual(validate("title: T\ncover:\n  image: https://cdn.example.ma/a.jpg\n  alt: La une").fm["image"], { url: "https://cdn.example.ma/a.jpg", alt: "La une" });
    assert.deepEqual(validate("title: T\nimage:\n  path: /assets/a.jpg\n  alt: Légende").fm["image"], { url: "/assets/a.jpg", alt: "Légende" });
    assert.deepEqual(validate("title: T\nimages: [/a.jpg, /b.jpg]\nalt: Première").fm["image"], { url: "/a.jpg", alt: "Première" });
    assert.deepEqual(validate("title: T\nfeatured_image: /a.jpg\ncover: /b.jpg").fm["image"], { url: "/b.jpg" }, "`cover` comes before `featured_image`");
    for (const bad of ["javascript:alert(1)", "//evil.example/a.jpg", "data:image/png;base64,AAAA", "images/relative.jpg"]) {
      const refused = validate(`title: T\nimage: "${bad}"`);
      assert.deepEqual(rules(refused.diagnostics), ["3:warning:front-matter-value"], bad);
      assert.equal(refused.fm["image"], undefined, bad);
    }
  });

  it("warns of a key Revue does not know, with its line, that Revue ignores it and the key it may stand for", () => {
    const { fm, diagnostics } = validate("title: T\nlayout: post\ntitel: Une faute\n__proto__: x\nconstructor: y");
    assert.deepEqual(rules(diagnostics), ["3:warning:front-matter-unknown-key", "4:warning:front-matter-unknown-key", "5:warning:front-matter-unknown-key", "6:warning:front-matter-unknown-key"]);
    assert.match(diagnostics[0]?.message ?? "", /^unknown key `layout`: Revue ignores it$/);
    assert.match(diagnostics[1]?.fix ?? "", /Did you mean `title`\?/);
    assert.deepEqual(fm, { title: "T" });
  });

  it("matches keys without case, as Hugo does", () => {
    const { fm, diagnostics } = validate("title: T\npublishDate: 2023-05-04\nlastMod: 2023-05-05\nfeatureImage: /a.jpg");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([fm["date"], fm["modified"], fm["image"]], ["2023-05-04", "2023-05-05", { url: "/a.jpg" }]);
  });

  it("leaves Revue's own keys to the article schema, as before", () => {
    const { diagnostics } = validate("title: T\npeople: Jean\ndraft: oui");
    assert.deepEqual(rules(diagnostics), ["3:error:schema-type", "4:error:schema-type"]);
  });
});
