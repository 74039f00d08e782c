import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../../src/editor/import.ts";
import { countOutcomes, importSummary } from "../../../src/editor/import-summary.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { importedArticle } from "../../helpers/imported-article.ts";

// Sites in the layout of real archives (tests/fixtures/import/round-two/README.md names them).
// Each address expected here is the one the tool itself gave: `hugo list all` (Hugo 0.111),
// `eleventy` (3.1) on the fixture; Jekyll's from its rules for `/:title/`.
const SITES = join(import.meta.dirname, "../../fixtures/import/round-two");
const today = new Date("2026-12-07T12:00:00Z");

describe("a Hugo site whose languages are each a file of config/_default/ (languages.fr.yaml)", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "hugo-language-files")], cwd: content, today });

  it("reads each language's content folder from its own file: the default language's posts at the root, the others under their language", () => {
    const english = importedArticle(content, outcomes, "content/english/blog/neighbourhood-council.md");
    assert.deepEqual(english.data["aliases"], ["/blog/neighbourhood-council/"]);
    const french = importedArticle(content, outcomes, "content/french/blog/conseil-de-quartier.md");
    assert.deepEqual(french.data["aliases"], ["/fr/blog/conseil-de-quartier/"]);
    assert.equal(importSummary(countOutcomes(outcomes), false), "2 lus : 2 importés, 0 doublon, 0 ignoré");
  });
});

describe("a Jekyll site whose posts are named with a month or a day of one digit (2015-6-1-titre.md)", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "jekyll-short-dates")], cwd: content, today });

  it("dates the post by its name, as Jekyll does, and names it without the day", () => {
    const post = importedArticle(content, outcomes, "_posts/2015-6-1-Creation.md");
    assert.equal(post.data["date"], "2015-06-01");
    assert.equal(post.data["slug"], "creation");
    assert.equal(post.file, "articles/2015/2015-06-01-creation.md");
    assert.ok(!post.notes.some((note) => note.startsWith("date absente")), post.notes.join("\n"));
  });

  it("gives the old address Jekyll made from the name after the day (:title keeps its case)", () => {
    assert.deepEqual(importedArticle(content, outcomes, "_posts/2015-6-1-Creation.md").data["aliases"], ["/Creation/"]);
    assert.deepEqual(importedArticle(content, outcomes, "_posts/2016-11-20-mailing_list.md").data["aliases"], ["/mailing_list/"]);
  });
});

describe("an Eleventy site whose posts are dated folders (posts/2023-02-24-titre/index.md)", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "eleventy-dated-folders")], cwd: content, today });

  it("dates the post by its folder's day, as Eleventy does", () => {
    const post = importedArticle(content, outcomes, "posts/2023-02-24-budget-vote/index.md");
    assert.equal(post.data["date"], "2023-02-24");
    assert.equal(post.file, "articles/2023/2023-02-24-budget-vote.md");
    assert.ok(!post.notes.some((note) => note.startsWith("date absente")), post.notes.join("\n"));
  });

  it("fills page.fileSlug with the folder's name without its day", () => {
    assert.deepEqual(importedArticle(content, outcomes, "posts/2023-02-24-budget-vote/index.md").data["aliases"], ["/blog/budget-vote/"]);
  });
});

describe("a site's feed imported after the site's folder", async () => {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(SITES, "hugo-language-files")], cwd: content, today });
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "site-then-feed/index.xml")], cwd: content, today });

  it("knows an item whose link was a post's old address, with the post's title, as that post: nothing written twice", () => {
    const item = outcomes.find((o) => o.source.endsWith("#item-1"));
    assert.equal(item?.status, "duplicate", JSON.stringify(item));
    assert.match(item?.status === "duplicate" ? item.reason : "", /même ancienne adresse \/fr\/blog\/conseil-de-quartier\//);
    assert.equal(outcomes.find((o) => o.source.endsWith("#item-2"))?.status, "imported", "an item the site's folder did not hold is an article of its own");
  });
});

describe("an Eleventy site whose posts' addresses a JavaScript data file computes", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "eleventy-computed-permalink")], cwd: content, today });

  it("imports the post without an old address it cannot know, and tells the editor so", () => {
    const post = importedArticle(content, outcomes, "fr/posts/2021-08-07-petit-guide-des-budgets.md");
    assert.equal(post.data["aliases"], undefined);
    assert.ok(post.notes.some((note) => note.startsWith("ancienne adresse inconnue")), post.notes.join("\n"));
    assert.equal(post.data["date"], "2021-08-07");
  });
});

describe("a Hugo section whose _index.md hands draft: true down to its posts (cascade)", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "hugo-cascade-draft")], cwd: content, today });

  it("imports a post of the section that does not say otherwise as a draft, as Hugo left it unpublished", () => {
    const post = importedArticle(content, outcomes, "content/blog/budget-en-preparation.md");
    assert.equal(post.data["draft"], true);
    assert.ok(post.notes.some((note) => note.startsWith("brouillon sur l’ancien site")), post.notes.join("\n"));
  });

  it("publishes the post that says draft: false, and the posts of other sections", () => {
    assert.equal(importedArticle(content, outcomes, "content/blog/jardins-partages.md").data["draft"], undefined);
    assert.equal(importedArticle(content, outcomes, "content/actualites/conseil-municipal.md").data["draft"], undefined);
    assert.equal(importSummary(countOutcomes(outcomes), false), "6 lus : 3 importés (dont 1 brouillon), 0 doublon, 3 ignorés (2 pages de liste, 1 page)");
  });

  it("counts a page of a section whose cascade says _build: { render: never } as a page Hugo never rendered", () => {
    const page = outcomes.find((o) => o.source.endsWith("content/humeurs/nouvel-an.md"));
    assert.ok(page?.status === "skipped" && page.kind === "page", JSON.stringify(page));
  });
});

describe("a Hugo site with two posts of the same title and no text but their front matter, at two addresses", async () => {
  const site = join(SITES, "hugo-same-title-pages");
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [site], cwd: content, today });

  it("imports both, as Hugo publishes both, each with its old address, the second with a note naming the first", () => {
    const spring = importedArticle(content, outcomes, "content/posts/sortie-de-printemps.md");
    const autumn = importedArticle(content, outcomes, "content/posts/sortie-d-automne.md");
    assert.deepEqual(spring.data["aliases"], ["/posts/sortie-de-printemps/"]);
    assert.deepEqual(autumn.data["aliases"], ["/posts/sortie-d-automne/"]);
    assert.notEqual(spring.file, autumn.file);
    const springFirst = outcomes.findIndex((o) => o.source.endsWith("sortie-de-printemps.md")) < outcomes.findIndex((o) => o.source.endsWith("sortie-d-automne.md"));
    const [first, second] = springFirst ? [spring, autumn] : [autumn, spring];
    assert.ok(second.notes.some((note) => note.startsWith("même titre et même texte que ") && note.includes(first.file)), second.notes.join("\n"));
    assert.equal(importSummary(countOutcomes(outcomes), false), "2 lus : 2 importés, 0 doublon, 0 ignoré");
  });

  it("finds both again when the site is imported a second time", async () => {
    const again = await importSources({ contentDir: content, sources: [site], cwd: content, today });
    assert.equal(importSummary(countOutcomes(again), false), "2 lus : 0 importé, 2 doublons, 0 ignoré");
  });
});

describe("sites published under a path (Hugo's baseURL https://…/blog-hugo/, Jekyll's baseurl: /journal)", async () => {
  const sites = [join(SITES, "hugo-base-path"), join(SITES, "jekyll-base-path")];
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: sites, cwd: content, today });

  it("keeps the old addresses from that path on, and says the archive must be published under it for them to lead to the articles", () => {
    const hugo = importedArticle(content, outcomes, "content/posts/marche-de-noel.md");
    assert.deepEqual(hugo.data["aliases"], ["/posts/marche-de-noel/"]);
    assert.ok(hugo.notes.includes("ancien site publié sous /blog-hugo/ : ses anciennes adresses ne mènent ici que si l’archive est publiée sous ce chemin (`path_prefix: /blog-hugo/` dans site.yml)"), hugo.notes.join("\n"));
    const jekyll = importedArticle(content, outcomes, "_posts/2019-03-02-assemblee-generale.md");
    assert.deepEqual(jekyll.data["aliases"], ["/2019/assemblee-generale/"]);
    assert.ok(jekyll.notes.some((note) => note.startsWith("ancien site publié sous /journal/ :")), jekyll.notes.join("\n"));
  });

  it("says nothing of it when the archive is published under the same path", async () => {
    const published = fixtureContent();
    writeFileSync(join(published, "site.yml"), readFileSync(join(published, "site.yml"), "utf8").replace(/^path_prefix:.*$/m, "path_prefix: /blog-hugo/"));
    const again = await importSources({ contentDir: published, sources: [sites[0] as string], cwd: published, today });
    const hugo = importedArticle(published, again, "content/posts/marche-de-noel.md");
    assert.ok(!hugo.notes.some((note) => note.startsWith("ancien site publié sous")), hugo.notes.join("\n"));
  });
});

describe("a Hugo site whose English pages have permalinks of their own ([languages.en.permalinks])", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "hugo-language-permalinks")], cwd: content, today });
  const aliasesOf = (source: string) => importedArticle(content, outcomes, source).data["aliases"];

  it("gives each language's pages the addresses of its own patterns, which replace the site's, as Hugo 0.111 listed them", () => {
    assert.deepEqual(aliasesOf("content/posts/budget.en.md"), ["/en/news/the-participatory-budget-is-passed/"]);
    assert.deepEqual(aliasesOf("content/notes/reunion.en.md"), ["/en/notes/reunion/"]);
    assert.deepEqual(aliasesOf("content/posts/budget.md"), ["/articles/2020/le-budget-participatif-est-voté/"]);
    assert.deepEqual(aliasesOf("content/notes/reunion.md"), ["/carnet/compte-rendu-de-la-réunion/"]);
  });
});
