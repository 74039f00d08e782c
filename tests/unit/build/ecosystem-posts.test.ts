import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { buildArchive, type Archive } from "../../../src/pipeline/build-archive.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";
import { planSite, type ArticlePage } from "../../../src/site/site-data.ts";
import { urls } from "../../../src/model/urls.ts";
import { atomFeed } from "../../../templates/feed.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { npmScript } from "../../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const ECOSYSTEM = join(ROOT, "tests/fixtures/ecosystem");
const today = new Date("2026-11-23T00:00:00Z");

/** The test knowledge base with the posts of a Hugo, a Jekyll and an Eleventy site as its articles, in their own folders. */
function ecosystemContent(extra: Record<string, string> = {}): string {
  const content = fixtureContent();
  const folders = { "hugo/content/posts": "articles/hugo", "jekyll/_posts": "articles/jekyll", "eleventy/posts": "articles/eleventy", ...extra };
  for (const [from, to] of Object.entries(folders)) cpSync(join(ECOSYSTEM, from), join(content, to), { recursive: true });
  return content;
}

const ours = (path: string) => /^articles\/(hugo|jekyll|eleventy|refused)\//.test(path);

describe("posts from Hugo, Jekyll and Eleventy", () => {
  let archive: Archive;
  const record = (path: string): ArticleRecord => {
    const found = [...archive.records, ...archive.drafts].find((r) => r.sourcePath === path);
    assert.ok(found, `${path} has a record`);
    return found;
  };
  const ids = (refs: readonly { id: string }[]) => refs.map((ref) => ref.id);

  before(async () => {
    const content = ecosystemContent();
    archive = await buildArchive({ contentDir: content, cwd: content, today });
  });

  it("publishes every post, or keeps it as the draft it was on its site", () => {
    const { report } = archive;
    assert.deepEqual(report.rejected, []);
    assert.deepEqual(report.published.filter(ours).sort(), [
      "articles/eleventy/conference-de-presse.md",
      "articles/eleventy/operation-marhaba.md",
      "articles/hugo/conseil-de-gouvernement.md",
      "articles/hugo/journee-portes-ouvertes.md",
      "articles/jekyll/2023-05-04-ambassadeur-a-rabat.md",
      "articles/jekyll/2023-08-15-fete-du-trone.md",
    ]);
    assert.deepEqual(report.drafts.filter(ours).sort(), [
      "articles/eleventy/brouillon-non-publie.md", // permalink: false
      "articles/hugo/cooperation-espagne.md", // draft: true
      "articles/jekyll/2023-06-20-bilan-semestriel.md", // published: false
    ]);
  });

  it("checks with 0 errors, and warns only of the keys Revue does not know, each on its line", () => {
    const mine = archive.diagnostics.filter((d) => ours(d.file));
    assert.deepEqual(mine.filter((d) => d.severity === "error"), []);
    const warnings = mine.filter((d) => d.severity === "warning");
    assert.ok(warnings.every((d) => d.rule === "front-matter-unknown-key"), JSON.stringify(warnings, null, 1));
    assert.deepEqual(warnings.map((d) => `${d.file.split("/").slice(1).join("/")}:${d.line} ${d.message}`).sort(), [
      "eleventy/conference-de-presse.md:9 unknown key `layout`: Revue ignores it",
      "eleventy/operation-marhaba.md:9 unknown key `eleventyExcludeFromCollections`: Revue ignores it",
      "eleventy/operation-marhaba.md:10 unknown key `layout`: Revue ignores it",
      "hugo/conseil-de-gouvernement.md:12 unknown key `weight`: Revue ignores it",
      "hugo/conseil-de-gouvernement.md:14 unknown key `params`: Revue ignores it",
      "hugo/cooperation-espagne.md:15 unknown key `ShowToc`: Revue ignores it",
      "hugo/cooperation-espagne.md:16 unknown key `TocOpen`: Revue ignores it",
      "hugo/journee-portes-ouvertes.md:13 unknown key `type`: Revue ignores it",
      "jekyll/2023-05-04-ambassadeur-a-rabat.md:15 unknown key `comments`: Revue ignores it",
      "jekyll/2023-05-04-ambassadeur-a-rabat.md:2 unknown key `layout`: Revue ignores it",
      "jekyll/2023-06-20-bilan-semestriel.md:2 unknown key `layout`: Revue ignores it",
      "jekyll/2023-08-15-fete-du-trone.md:2 unknown key `layout`: Revue ignores it",
    ].sort());
  });

  it("reads a Hugo post's TOML front matter: date-time, lastmod, slug, description, taxonomies, aliases, images", () => {
    const post = record("articles/hugo/conseil-de-gouvernement.md");
    assert.equal(post.title, "Le Conseil de gouvernement adopte le projet de loi sur la sûreté nationale");
    assert.equal(post.id, "conseil-de-gouvernement-surete-nationale");
    assert.deepEqual([post.date?.value, post.date?.precision, post.date?.dateTime], ["2023-05-04", "day", "2023-05-04T10:30:00+02:00"]);
    assert.equal(post.dateModified, "2023-05-06T08:15:00+02:00");
    assert.equal(post.summary, "Le texte réorganise les services de la DGSN et fixe le statut de ses fonctionnaires.");
    assert.ok(ids(post.agencies).includes("dgsn"), "the tag DGSN names an agency of the knowledge base");
    assert.ok(!ids(post.topics).includes("dgsn"));
    for (const topic of ["reforme", "politique"]) assert.ok(ids(post.topics).includes(topic), topic);
    assert.deepEqual(post.aliases, ["/2023/05/04/conseil-gouvernement/", "/posts/conseil-gouvernement-4-mai/"]);
    assert.deepEqual(post.image, { url: "/images/2023/conseil-de-gouvernement.jpg" });
    assert.equal(post.draft, false);
  });

  it("reads a Hugo post's YAML front matter: a draft with a byline, keywords, and a theme's cover map", () => {
    const post = record("articles/hugo/cooperation-espagne.md");
    assert.equal(post.draft, true);
    assert.deepEqual([post.date?.value, post.date?.dateTime], ["2023-06-12", "2023-06-12T09:00:00Z"], "`date` before `publishDate`");
    assert.equal(post.dateModified, "2023-06-13");
    assert.deepEqual(post.authors, ["Nadia Benali"]);
    assert.ok(ids(post.places).includes("espagne"), "the keyword Espagne is a place of the knowledge base");
    for (const topic of ["cooperation", "diplomatie"]) assert.ok(ids(post.topics).includes(topic), topic);
    assert.deepEqual(post.image, { url: "https://static.example.ma/2023/06/accord-rabat-madrid.jpg", alt: "Les deux délégations à la signature de l'accord" });
  });

  it("reads a Hugo post's JSON front matter: authors as maps, summary, featured image, and its url as the page's path", () => {
    const post = record("articles/hugo/journee-portes-ouvertes.md");
    assert.equal(post.title, "La DGSN ouvre ses portes au public à Agadir");
    assert.deepEqual([post.date?.value, post.date?.dateTime], ["2023-07-01", "2023-07-01T16:45:00+01:00"]);
    assert.equal(post.dateModified, "2023-07-02T09:00:00+01:00");
    assert.deepEqual(post.authors, ["Youssef Amrani", "Salma Idrissi"]);
    assert.equal(post.summary, "Cinq jours de démonstrations et de rencontres avec les policiers.");
    assert.equal(post.permalink, "/actualites/2023/07/portes-ouvertes-agadir/");
    assert.equal(post.url, null, "a path is no original address");
    assert.deepEqual(post.aliases, ["/2023/07/portes-ouvertes-agadir/"]);
    assert.deepEqual(post.image, { url: "/images/2023/portes-ouvertes.jpg" });
    for (const topic of ["portes-ouvertes", "agadir", "societe"]) assert.ok(ids(post.topics).includes(topic), topic);
  });

  it("reads Jekyll posts: the zone in the date, categories as words, redirect_from, an image map, the day of the file name", () => {
    const post = record("articles/jekyll/2023-05-04-ambassadeur-a-rabat.md");
    assert.deepEqual([post.date?.value, post.date?.dateTime], ["2023-05-04", "2023-05-04T10:30:00+02:00"]);
    assert.ok(ids(post.topics).includes("diplomatie"), "the category names a topic of the knowledge base");
    assert.ok(ids(post.places).includes("maroc"), "the category `maroc` names a place");
    assert.ok(ids(post.topics).includes("cooperation"));
    assert.deepEqual(post.authors, ["Karim Tazi"]);
    assert.equal(post.summary, "Une rencontre consacrée à la lutte contre le terrorisme et la criminalité organisée.");
    assert.deepEqual(post.aliases, ["/2023/05/04/ambassadeur/", "/actualites/ambassadeur-rabat.html"]);
    assert.deepEqual(post.image, { url: "/assets/img/2023/ambassadeur.jpg", alt: "L'ambassadeur à son arrivée à la direction générale" });

    const unpublished = record("articles/jekyll/2023-06-20-bilan-semestriel.md");
    assert.equal(unpublished.draft, true);
    assert.deepEqual([unpublished.date?.value, unpublished.date?.dateTime, unpublished.date?.evidence], ["2023-06-20", undefined, "file name 2023-06-20-bilan-semestriel.md"]);
    assert.deepEqual(unpublished.aliases, ["/bilan-semestriel/"]);

    const updated = record("articles/jekyll/2023-08-15-fete-du-trone.md");
    assert.equal(updated.date?.dateTime, "2023-08-15T18:05:00+01:00");
    assert.equal(updated.dateModified, "2023-08-16T09:00:00+01:00", "jekyll-seo-tag's last_modified_at");
    assert.ok(ids(updated.topics).includes("societe"));
  });

  it("reads Eleventy posts: its collection tag left out, description, permalink, a byline map", () => {
    const post = record("articles/eleventy/conference-de-presse.md");
    assert.deepEqual([post.date?.value, post.date?.dateTime], ["2023-07-10", undefined]);
    assert.ok(!ids(post.topics).includes("post"), "`tags: post` makes Eleventy's collection, not a subject");
    assert.ok(ids(post.topics).includes("securite"));
    assert.ok(ids(post.places).includes("maroc"));
    assert.equal(post.summary, "Le porte-parole a présenté le dispositif de sécurité de l'été.");
    assert.equal(post.permalink, "/blog/conference-de-presse/");

    const marhaba = record("articles/eleventy/operation-marhaba.md");
    assert.equal(marhaba.date?.dateTime, "2023-06-05T08:00:00Z");
    assert.deepEqual(marhaba.authors, ["Leïla Chraibi"]);
    assert.ok(!ids(marhaba.topics).includes("post"));
  });

  it("gives the time to the feed and to the page's JSON-LD, and the page its day", () => {
    const plan = planSite(archive);
    const post = record("articles/hugo/conseil-de-gouvernement.md");
    const feed = plan.feeds.find((planned) => planned.url === urls.feed())?.make();
    assert.ok(feed);
    const xml = new XMLParser({ parseTagValue: false }).parse(atomFeed(plan, feed));
    const entries = [xml.feed.entry].flat() as { id: string; published?: string; updated: string }[];
    const entry = entries.find((e) => e.id.endsWith(urls.article(post)));
    assert.ok(entry, "the post is in the feed");
    assert.equal(entry.published, "2023-05-04T10:30:00+02:00");
    assert.equal(entry.updated, "2023-05-06T08:15:00+02:00", "Atom's updated is the last modification");
    const dayOnly = entries.find((e) => e.id.endsWith(urls.article(record("articles/eleventy/conference-de-presse.md"))));
    assert.equal(dayOnly?.published, "2023-07-10T00:00:00Z");

    const page = plan.pages.find((planned) => planned.url === urls.article(post))?.make() as ArticlePage;
    const jsonLd = JSON.parse(page.jsonLd) as Record<string, unknown>;
    assert.equal(jsonLd["datePublished"], "2023-05-04T10:30:00+02:00");
    assert.equal(jsonLd["dateModified"], "2023-05-06T08:15:00+02:00");
    assert.deepEqual([page.card.date, page.card.dateIso], ["4 mai 2023", "2023-05-04"], "the page shows the day");
  });
});

describe("JavaScript front matter among the posts", () => {
  it("rejects the file with its reason, never running it, and publishes the others", async () => {
    const content = ecosystemContent({ refused: "articles/refused" });
    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.equal((globalThis as Record<string, unknown>)["frontMatterWasRun"], undefined);
    const rejected = archive.report.rejected.find((r) => r.path === "articles/refused/javascript.md");
    assert.ok(rejected, "rejected");
    assert.match(rejected.reasons.join("; "), /JavaScript front matter \(`---js`\) is code: Revue never runs it/);
    assert.equal(archive.report.published.filter(ours).length, 6);
  });
});

describe("npm run check on an archive brought from Hugo, Jekyll and Eleventy", () => {
  it("exits 0 with 0 errors under CI=true, printing each ignored key on its line", () => {
    const content = ecosystemContent();
    const result = spawnSync(process.execPath, [...npmScript("check"), "--content", content], { cwd: content, encoding: "utf8", env: { ...process.env, CI: "true" } });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, / : 0 erreur, \d+ avertissements?$/m);
    assert.match(result.stdout, /^articles\/hugo\/conseil-de-gouvernement\.md:14: avertissement: clé inconnue `params` : Revue l’ignore$/m);
    assert.match(result.stdout, /^articles\/jekyll\/2023-05-04-ambassadeur-a-rabat\.md:2: avertissement: clé inconnue `layout` : Revue l’ignore$/m);
  });
});
