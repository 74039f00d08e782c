import assert from "node:assert/strict";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import type { Diagnostic } from "../../../src/model/diagnostic.ts";
import { devStatus } from "../../../src/site/dev-problems.ts";
import { draftPages } from "../../../src/site/draft-pages.ts";
import { articleAddresses, movedAddresses } from "../../../src/site/moved-addresses.ts";
import { planSite, type ArticlePage } from "../../../src/site/site-data.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const ARTICLE = "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md";
const ARTICLE_URL = "/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/";

function withDraft(content: string): void {
  mkdirSync(join(content, "articles/2021"), { recursive: true });
  writeFileSync(join(content, "articles/2021/2021-03-04-preparation-du-sommet.md"), `---\ntitle: "Préparation du sommet"\ndate: 2021-03-04\ndraft: true\n---\n\nLes services de sécurité préparent le sommet de Rabat.\n`);
}

const archiveOf = (content: string, cacheDir?: string) => buildArchive({ contentDir: content, cwd: content, ...(cacheDir ? { cacheDir } : {}) });

describe("the drafts' previews", () => {
  it("are the drafts' pages, marked, without related articles, and in none of the site's pages, feeds, files or sitemap", async () => {
    const content = fixtureContent();
    withDraft(content);
    const archive = await archiveOf(content, join(scratchDir("cache"), "records"));
    assert.equal(archive.drafts.length, 1);
    const previews = draftPages(archive);
    assert.deepEqual(previews.map((page) => page.url), ["/articles/2021/preparation-du-sommet/"]);
    const view = previews[0]?.make() as ArticlePage;
    assert.equal(view.type, "article");
    assert.equal(view.draft, true);
    assert.deepEqual(view.related, []);
    assert.match(view.html, /préparent le sommet de Rabat/);
    const site = planSite(archive);
    const everything = JSON.stringify([site.sitemap, ...[...site.pages, ...site.feeds, ...site.files].map((planned) => planned.make())]);
    assert.ok(!everything.includes("preparation-du-sommet"), "the published site names the draft");
    assert.ok(!everything.includes("Préparation du sommet"), "the published site names the draft");
    assert.ok(site.pages.every((page) => (page.make() as Partial<ArticlePage>).draft === undefined));
  });

  it("are none when the archive has no draft", async () => {
    assert.deepEqual(draftPages(await archiveOf(fixtureContent())), []);
  });
});

describe("the pages that moved between two builds", () => {
  it("follow a source whose slug changed, drafts included", async () => {
    const content = fixtureContent();
    withDraft(content);
    const before = articleAddresses(await archiveOf(content));
    const file = join(content, ARTICLE);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: /m, "slug: hammouchi-ambassadeur\ntitle: "));
    const draft = join(content, "articles/2021/2021-03-04-preparation-du-sommet.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace(/^title: /m, "permalink: /2021/sommet/\ntitle: "));
    const moved = movedAddresses(before, articleAddresses(await archiveOf(content)));
    assert.deepEqual(Object.fromEntries(moved), { [ARTICLE_URL]: "/articles/2020/hammouchi-ambassadeur/", "/articles/2021/preparation-du-sommet/": "/2021/sommet/" });
  });

  it("follow a renamed file", async () => {
    const content = fixtureContent();
    const before = articleAddresses(await archiveOf(content));
    renameSync(join(content, ARTICLE), join(content, "articles/2020/2020-09-26-hammouchi-et-l-ambassadeur.md"));
    const moved = movedAddresses(before, articleAddresses(await archiveOf(content)));
    assert.deepEqual(Object.fromEntries(moved), { [ARTICLE_URL]: "/articles/2020/hammouchi-et-l-ambassadeur/" });
  });

  it("follow, among several files renamed, the one that names the same original article; never away from an address another page took", () => {
    const before = new Map([
      ["a.md", { page: "/a/", source: "https://example.org/a" }],
      ["b.md", { page: "/b/", source: "https://example.org/b" }],
      ["d.md", { page: "/d/", source: null }],
    ]);
    const after = new Map([
      ["a2.md", { page: "/a2/", source: "https://example.org/a" }],
      ["x.md", { page: "/x/", source: "https://example.org/x" }],
      ["d.md", { page: "/d2/", source: null }],
      ["e.md", { page: "/d/", source: null }],
    ]);
    // a's file was renamed (same `url:`); no file names b's article any more; d's old address is e's page now.
    assert.deepEqual(Object.fromEntries(movedAddresses(before, after)), { "/a/": "/a2/" });
  });
});

describe("the problems the dev server's pages show", () => {
  const diagnostics: Diagnostic[] = [
    { file: "content/articles/b.md", line: 4, rule: "r", severity: "warning", message: "a warning of b" },
    { file: "content/articles/a.md", line: 7, rule: "r", severity: "warning", message: "a warning of a" },
    { file: "content/articles/c.md", line: 2, rule: "r", severity: "error", message: "an error of c", fix: "Fix c." },
    { file: "content/actors/x.yml", rule: "r", severity: "info", message: "an info" },
  ];

  it("are every error, then the warnings of the files edited, by file and line, with their fixes, in the site's language", () => {
    const status = devStatus(3, diagnostics, (file) => file === "content/articles/b.md", "fr");
    assert.equal(status.build, 3);
    assert.deepEqual(status.labels, { title: "2 problèmes dans le contenu", close: "Fermer", fix: "Correction\u00a0:" });
    assert.deepEqual(status.diagnostics, [
      { where: "content/articles/c.md:2", severity: "error", severityLabel: "erreur", message: "an error of c", fix: "Fix c." },
      { where: "content/articles/b.md:4", severity: "warning", severityLabel: "avertissement", message: "a warning of b" },
    ]);
  });

  it("are none when no file was edited and nothing is wrong", () => {
    const status = devStatus(0, diagnostics.filter((d) => d.severity !== "error"), () => false, "en");
    assert.deepEqual(status.diagnostics, []);
    assert.equal(status.labels.close, "Close");
  });
});
