import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { importSources, type ImportOutcome } from "../../../src/editor/import.ts";
import { countOutcomes, importSummary } from "../../../src/editor/import-summary.ts";
import { jekyllDatedName } from "../../../src/editor/jekyll-addresses.ts";
import { COMPUTED, literalDataExport } from "../../../src/editor/eleventy-data-js.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { importedArticle } from "../../helpers/imported-article.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const LAYOUTS = join(import.meta.dirname, "../../fixtures/import/site-layouts");
const today = new Date("2026-12-07T12:00:00Z");

/** The import of `site` into a fresh copy of the fixture content. */
async function importSite(site: string) {
  const content = fixtureContent();
  return { content, outcomes: await importSources({ contentDir: content, sources: [site], cwd: content, today }) };
}

/** A site written for a test: its files' texts by their paths from its root. */
function scratchSite(purpose: string, files: Readonly<Record<string, string>>): string {
  const site = scratchDir(purpose);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  return site;
}

const skipped = (outcomes: readonly ImportOutcome[]) =>
  outcomes.flatMap((o) => (o.status === "skipped" ? [[o.source.replace(/^.*site-layouts\/\w+\//, ""), o.kind, o.reason] as const] : []));

describe("a Jekyll site with posts in HTML, collections and posts in other formats", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(LAYOUTS, "jekyll")], cwd: content, today });

  it("imports a post written in HTML after its front matter, its body as Markdown", () => {
    const post = importedArticle(content, outcomes, "_posts/2010-05-16-certifications.html");
    assert.equal(post.data["title"], "Certifications remises aux agents formés à Rabat");
    assert.equal(post.data["date"], "2010-05-16T09:12:00+02:00");
    assert.deepEqual(post.data["topics"], ["Formation"]);
    assert.match(post.body, /^La Direction générale de la sûreté nationale a remis mardi leurs certifications aux quarante agents formés à Rabat\.$/m);
    assert.match(post.body, /\[le rapport de formation\]\(https:\/\/example\.org\/rapport-formation\)/, "its links kept");
    assert.ok(!/<p>|<strong>|\{\{/.test(post.body), post.body);
  });

  it("counts every other document with its reason: collections, a format Revue does not read, pages; templates are not content", () => {
    assert.deepEqual(
      skipped(outcomes).map(([source, kind]) => [source, kind]),
      [
        ["_attachments/01-remise.html", "collection-document"],
        ["_pages/a-propos.md", "collection-document"],
        ["_posts/2011-01-02-notes-de-terrain.textile", "format-not-read"],
      ],
    );
    const [, , reason] = skipped(outcomes).find(([source]) => source === "_pages/a-propos.md") ?? [];
    assert.match(reason ?? "", /collection _pages\/ de Jekyll, pas un billet : si elle tient des articles, importez-la seule \(npm run import -- .*site-layouts\/jekyll\/_pages\)/);
    assert.ok(!outcomes.some((o) => /_layouts|index\.html|_config/.test(o.source)), "layouts, the home page's template and the configuration are no documents");
    assert.equal(importSummary(countOutcomes(outcomes), false), "9 lus : 6 importés, 0 doublon, 3 ignorés (2 documents de collection, 1 fichier d’un format non lu)");
  });

  it("gives a post in a category's folder (actualites/_posts/) its address with the folder's category, as Jekyll does", () => {
    const post = importedArticle(content, outcomes, "actualites/_posts/2019-03-04-rencontre-a-rabat.md");
    assert.deepEqual(post.data["aliases"], ["/actualites/cooperation/2019/03/04/rencontre-a-rabat/"], "permalink: pretty is /:categories/:year/:month/:day/:title/");
  });

  it("reads a post's name with a two-digit year as Jekyll does (Ruby completes 00–68 to 2000–2068, 69–99 to 1969–1999)", () => {
    const post = importedArticle(content, outcomes, "_posts/09-11-03-mission-a-dakar.md");
    assert.equal(post.data["date"], "2009-11-03");
    assert.deepEqual(post.data["aliases"], ["/cooperation/2009/11/03/mission-a-dakar/"]);
    assert.match(post.file, /articles\/2009\/2009-11-03-mission-a-dakar\.md$/);
    assert.equal(jekyllDatedName("69-01-02-bilan", true)?.day, "1969-01-02");
    assert.equal(jekyllDatedName("68-01-02-bilan", true)?.day, "2068-01-02");
    assert.equal(jekyllDatedName("16-05-09-note"), undefined, "outside a Jekyll site, 16-05-09 may be a French day");
  });

  it("quotes a key it leaves out whose value runs over several lines on its note's one line: the file's front matter stays readable", () => {
    const post = importedArticle(content, outcomes, "_posts/09-11-03-mission-a-dakar.md");
    assert.ok(post.notes.some((note) => note.includes("subtitle: Trois experts préparent la formation de l'an prochain, comments: true")), post.notes.join("\n"));
    assert.equal(post.data["title"], "Une mission d'experts à Dakar");
  });

  it("gives a post its own permalink as Jekyll does: its placeholders filled, and the root's slash before it", () => {
    const pattern = importedArticle(content, outcomes, "_posts/2019-09-25-journee-portes-ouvertes.md");
    assert.deepEqual(pattern.data["aliases"], ["/blog/2019/09/journee-portes-ouvertes/"]);
    assert.ok(!pattern.notes.some((note) => note.includes("permalink")), pattern.notes.join("\n"));
    const rootless = importedArticle(content, outcomes, "_posts/2012-05-24-lancement-du-carnet.md");
    assert.equal(rootless.data["permalink"], "/post/23664141031/lancement-du-carnet");
  });

  it("ends a highlight block at an endhighlight that repeats the language, as Liquid reads it", () => {
    const post = importedArticle(content, outcomes, "_posts/2019-09-25-journee-portes-ouvertes.md");
    assert.match(post.body, /^```shell\njournalctl --since today\n```$/m, post.body);
    assert.ok(!post.body.includes("{%"), post.body);
  });

  it("puts back a raw block inside a highlight block as written", () => {
    const post = importedArticle(content, outcomes, "_posts/2016-10-07-filtres-d-adresse.md");
    assert.ok(!post.text.includes("\u0000"), "no placeholder left in the file");
    assert.match(post.body, /^Quand votre site est publié dans un sous-dossier \(\/mondossier\), le filtre/m, "a quoted text Liquid printed as it is");
    assert.match(post.body, /```liquid\n[\s\S]*\{\{ "\/docs\/assets\/" \| relative_url \}\} => \/mondossier\/docs\/assets[\s\S]*```/);
  });

  it("keeps the words of links over two lines and of links whose address Liquid made", () => {
    const post = importedArticle(content, outcomes, "_posts/2016-10-07-filtres-d-adresse.md");
    assert.match(post.body, /Lisez la documentation\nsur les thèmes et l’annonce de la\nversion précédente\.$/m, post.body);
    assert.ok(!post.body.includes("]("), post.body);
  });

  it("keeps the words of reference links whose definitions Liquid made, in a loop too, of links whose address a plugin's tag made, and the links the text defines", () => {
    const post = importedArticle(content, outcomes, "_posts/2016-10-07-filtres-d-adresse.md");
    assert.match(post.body, /^Cette version corrige aussi le filtre `absolute_url` \(#5399\) et le filtre\n`where_exp` \(#5436\), comme le dit l'historique\.$/m, post.body);
    assert.match(post.body, /^Le \[guide\]\[\] reste à jour, et les notes de la version\nprécédente aussi\.$/m, "a plugin's tag that made a link's address");
    assert.match(post.body, /^\[guide\]: https:\/\/jekyllrb\.com\/docs\/$/m);
    assert.ok(!/^\[(#|historique|-filter)|\/issues\/|\{\{ (site|issue|filter)/m.test(post.body), post.body);
  });
});

describe("a Hugo site with front matter after a blank line, bundles in HTML and code samples", async () => {
  const content = fixtureContent();
  const outcomes = await importSources({ contentDir: content, sources: [join(LAYOUTS, "hugo")], cwd: content, today });

  it("reads front matter that follows a blank line, as Hugo does", () => {
    const notes = importedArticle(content, outcomes, "news/0.26-relnotes/index.md");
    assert.equal(notes.data["title"], "Hugo 0.26 : l’édition des langues");
    assert.equal(notes.data["date"], "2017-08-07");
    assert.equal(notes.data["draft"], undefined);
    assert.equal(notes.body.trim(), "Cette version apporte le tri des langues et les traductions des pages.");
  });

  it("imports a page bundle written in HTML, and counts a bundle at the top of content/ and a headless one as pages", () => {
    const bundle = importedArticle(content, outcomes, "news/intel-vs-arm/index.html");
    assert.equal(bundle.data["title"], "Hugo sur les processeurs Intel et ARM");
    assert.equal(bundle.body.trim(), "Les deux versions de Hugo produisent les mêmes pages, en des temps comparables.");
    assert.deepEqual(
      skipped(outcomes).map(([source, kind]) => [source, kind]),
      [
        ["content/a-propos/index.md", "page"],
        ["content/post/commun/extrait.md", "bundle-resource"],
        ["content/post/commun/index.md", "page"],
        ["content/post/guide-asciidoc.adoc", "format-not-read"],
      ],
    );
  });

  it("leaves a Hugo post's Go template and Liquid text as its readers saw it, and Hugo's escaped shortcode as the literal text", () => {
    const post = importedArticle(content, outcomes, "post/tutoriel-gabarits.md");
    assert.match(post.body, /^## Les gabarits \{#gabarits\}$/m);
    assert.match(post.body, /^<h1><a href="\{\{ \.Permalink \}\}">\{\{ \.Title \}\}<\/a><\/h1>$/m);
    assert.match(post.body, /s’écrit `\{% for post in site\.posts %\}`\./);
    assert.match(post.body, /on écrit `\{\{% caption "Le titre" %\}\}` dans le contenu\./);
    assert.ok(!post.notes.some((note) => note.startsWith("balises du générateur retirées")), post.notes.join("\n"));
  });

  it("imports two posts that list the same old address, the first one imported keeping it", () => {
    // The site's files are read in the order of their paths: organisation/index.md, then sections.md.
    const first = importedArticle(content, outcomes, "gestion/organisation/index.md");
    const second = importedArticle(content, outcomes, "gestion/sections.md");
    assert.deepEqual(first.data["aliases"], ["/content/sections/", "/content/organisation/", "/gestion/organisation/"]);
    assert.deepEqual(second.data["aliases"], ["/gestion/sections/"]);
    const firstFile = outcomes.find((o) => o.source.endsWith("gestion/organisation/index.md"));
    assert.ok(firstFile?.status === "imported");
    assert.ok(second.notes.includes(`ancienne adresse /content/sections/ déjà donnée à ${firstFile.file}, un autre article : elle mène à celui-là`), second.notes.join("\n"));
  });

  it("leaves out a date far off in the future, and says so beside the draft's reason", () => {
    const draft = importedArticle(content, outcomes, "post/brouillon-cache.md");
    assert.equal(draft.data["draft"], true);
    assert.equal(draft.data["date"], undefined);
    assert.ok(draft.notes.includes("date de la source invraisemblable (date: 2099-08-18) : ajoutez `date: AAAA-MM-JJ`"), draft.notes.join("\n"));
    assert.ok(draft.notes.some((note) => note.includes("brouillon sur l’ancien site")), draft.notes.join("\n"));
  });

  it("leaves out a date of last change that is no date, and says so", () => {
    const post = importedArticle(content, outcomes, "post/tutoriel-gabarits.md");
    assert.equal(post.data["modified"], undefined);
    assert.ok(post.notes.includes("date de mise à jour illisible (`lastmod: 2019-05-03T158:12:14+01:00`), non reprise"), post.notes.join("\n"));
  });
});

describe("Eleventy's date keywords", () => {
  it("give the day of the file's first and last commits in git, else the file's own time, and say where it came from", async () => {
    const site = scratchDir("eleventy-date-keywords");
    writeFileSync(join(site, "eleventy.config.js"), "export default function () {}\n");
    mkdirSync(join(site, "posts"));
    writeFileSync(join(site, "posts", "premier.md"), "---\ntitle: Premier billet\ndate: git Created\ntags: posts\n---\nLe premier billet du carnet.\n");
    writeFileSync(join(site, "posts", "revu.md"), "---\ntitle: Billet revu\ndate: Last Modified\ntags: posts\n---\nUn billet revu depuis.\n");
    const git = (args: string[], date: string) => execFileSync("git", args, { cwd: site, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "R", GIT_AUTHOR_EMAIL: "r@example.org", GIT_COMMITTER_NAME: "R", GIT_COMMITTER_EMAIL: "r@example.org" } });
    git(["init", "-q"], "2021-03-09T10:00:00+01:00");
    git(["add", "."], "2021-03-09T10:00:00+01:00");
    git(["commit", "-q", "-m", "premier"], "2021-03-09T10:00:00+01:00");
    writeFileSync(join(site, "posts", "premier.md"), readFileSync(join(site, "posts", "premier.md"), "utf8") + "\nUne ligne ajoutée.\n");
    git(["commit", "-q", "-am", "ajout"], "2022-01-15T08:00:00+01:00");
    utimesSync(join(site, "posts", "revu.md"), new Date("2024-06-01T12:00:00Z"), new Date("2024-06-01T12:00:00Z"));

    const { content, outcomes } = await importSite(site);
    const first = importedArticle(content, outcomes, "posts/premier.md");
    assert.equal(first.data["date"], "2021-03-09T10:00:00+01:00", "the first commit, not the last");
    assert.ok(first.notes.includes("date tirée de `date: git Created` (Eleventy) : celle du commit dans l’historique git du fichier"), first.notes.join("\n"));
    const revised = importedArticle(content, outcomes, "posts/revu.md");
    assert.equal(revised.data["date"], "2024-06-01T12:00:00Z");
    assert.ok(revised.notes.some((note) => note.startsWith("date tirée de `date: Last Modified` (Eleventy) : celle du fichier")), revised.notes.join("\n"));
  });
});

describe("a multilingual Hugo site's pages", () => {
  const REAL_LIKE = join(import.meta.dirname, "../../fixtures/import/real-like");

  it("counts a page at the top of a language's content folder, and a list page's translation, as no posts", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [join(REAL_LIKE, "hugo-content-per-language"), join(REAL_LIKE, "hugo-translations")], cwd: content, today });
    assert.deepEqual(
      outcomes.flatMap((o) => (o.status === "skipped" ? [[o.source.replace(/^.*real-like\//, ""), o.kind]] : [])),
      [
        ["hugo-content-per-language/content/fr/a-propos.md", "page"],
        ["hugo-translations/content/articles/_index.en.md", "list-page"],
        ["hugo-translations/content/articles/_index.md", "list-page"],
      ],
    );
  });
});

describe("a Hugo site whose content is not in content/ (contentDir)", () => {
  it("is known by its config.toml naming its content folder: its posts get Hugo's addresses, its templates and README are no sources", async () => {
    const site = join(import.meta.dirname, "../../fixtures/import/real-like/hugo-content-elsewhere");
    const { content, outcomes } = await importSite(site);
    assert.deepEqual(importedArticle(content, outcomes, "app/content/blog/outils-de-mesure.md").data["aliases"], ["/2018/02/11/outils-mesure/"], "the address hugo list all gives");
    const page = outcomes.find((o) => o.source.endsWith("app/content/mentions-legales.md"));
    assert.ok(page?.status === "skipped" && page.kind === "page", JSON.stringify(page));
    assert.deepEqual(outcomes.map((o) => o.source.replace(/^.*hugo-content-elsewhere\//, "")).sort(), ["app/content/blog/outils-de-mesure.md", "app/content/mentions-legales.md"]);
  });
});

describe("a Hugo translation that shares its original's slug", () => {
  it("is named with its language, as a translation named by its file is", async () => {
    const site = scratchSite("hugo-translation-slug", {
      "hugo.toml": 'baseURL = "https://blog.example.org/"\ndefaultContentLanguage = "fr"\n[languages.fr]\nweight = 1\n[languages.ko]\nweight = 2\n',
      "content/posts/ios.md": "---\ntitle: Publier une application iOS\ndate: 2019-10-21\nslug: publier-ios\n---\nLes étapes de la publication.\n",
      "content/posts/ios.ko.md": "---\ntitle: iOS 앱 게시\ndate: 2019-10-21\nslug: publier-ios\n---\n게시 단계.\n",
    });
    const { content, outcomes } = await importSite(site);
    assert.equal(importedArticle(content, outcomes, "posts/ios.md").data["slug"], "publier-ios");
    assert.equal(importedArticle(content, outcomes, "posts/ios.ko.md").data["slug"], "publier-ios-ko");
  });
});

describe("a Hugo page bundle named by its day alone", () => {
  it("is named by its title, its translation too, with its language", async () => {
    const site = scratchSite("hugo-dated-bundles", {
      "hugo.toml": 'baseURL = "https://journal.example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
      "content/posts/2013-05-08/index.md": "---\ntitle: Installing OpenBSD on a small server\ndate: 2013-05-08\n---\nThe steps, one by one.\n",
      "content/posts/2013-05-08/index.fr.md": "---\ntitle: Installer OpenBSD sur un petit serveur\ndate: 2013-05-08\n---\nLes étapes, une à une.\n",
    });
    const { content, outcomes } = await importSite(site);
    assert.match(importedArticle(content, outcomes, "posts/2013-05-08/index.md").file, /articles\/2013\/2013-05-08-installing-openbsd-on-a-small-server\.md$/);
    assert.match(importedArticle(content, outcomes, "posts/2013-05-08/index.fr.md").file, /articles\/2013\/2013-05-08-installer-openbsd-sur-un-petit-serveur-fr\.md$/);
  });
});

describe("a Hugo site whose languages' content is mounted from their own folders (module mounts)", () => {
  it("reads each mounted folder as its language's content: Hugo's addresses, and a page at its top counted as a page", async () => {
    const site = join(import.meta.dirname, "../../fixtures/import/real-like/hugo-module-mounts");
    const { content, outcomes } = await importSite(site);
    // The addresses hugo list all gives.
    assert.deepEqual(importedArticle(content, outcomes, "content/en/post/contexte/index.md").data["aliases"], ["/blog/2018/02/the-scope-the-context-and-the-dot/"]);
    assert.deepEqual(importedArticle(content, outcomes, "content/fr/post/pourquoi-un-carnet.md").data["aliases"], ["/fr/blog/2019/03/pourquoi-un-carnet/"]);
    const about = outcomes.find((o) => o.source.endsWith("content/en/about.md"));
    assert.ok(about?.status === "skipped" && about.kind === "page", JSON.stringify(about));
  });
});

describe("a Hugo site that names its main sections (mainSections)", () => {
  const REAL_LIKE = join(import.meta.dirname, "../../fixtures/import/real-like");

  it("imports the posts of its main sections and counts the pages of its other sections, with the folder to import if they are articles", async () => {
    const site = join(REAL_LIKE, "hugo-main-sections");
    const { content, outcomes } = await importSite(site);
    const dakar = importedArticle(content, outcomes, "posts/2023/accord-formation.md");
    assert.deepEqual(dakar.data["aliases"], ["/2023/03/accord-formation-dakar/"], "the address hugo list all gives");
    importedArticle(content, outcomes, "posts/bilan-annuel.md");
    const others = outcomes.flatMap((o) => (o.status === "skipped" ? [[o.source.replace(/^.*hugo-main-sections\//, ""), o.kind, o.reason] as const] : []));
    assert.deepEqual(
      others.map(([source, kind]) => [source, kind]),
      [
        ["content/_index.md", "list-page"],
        ["content/docs/installation/index.md", "page"],
        ["content/projets/observatoire.md", "page"],
      ],
    );
    assert.equal(
      others[2]?.[2],
      `page de la section projets/, que le site ne compte pas parmi ses sections principales (mainSections : posts) : si elle tient des articles, importez-la seule (npm run import -- ${join(site, "content", "projets")})`,
    );
  });

  it("imports the section its note names when that folder is given alone, and a main section's folder alone, with the addresses the site gave their pages", async () => {
    const site = join(REAL_LIKE, "hugo-main-sections");
    const { content, outcomes } = await importSite(join(site, "content", "projets"));
    assert.deepEqual(importedArticle(content, outcomes, "projets/observatoire.md").data["aliases"], ["/projets/observatoire/"]);
    const posts = await importSite(join(site, "content", "posts", "2023"));
    assert.deepEqual(importedArticle(posts.content, posts.outcomes, "posts/2023/accord-formation.md").data["aliases"], ["/2023/03/accord-formation-dakar/"], "the section's permalink");
    assert.equal(posts.outcomes.length, 1);
  });

  it("leaves nothing out when mainSections names none of the site's sections (a theme's example left as it was)", async () => {
    const site = scratchSite("hugo-main-sections-unused", {
      "hugo.toml": 'baseURL = "https://carnet.example.org/"\n[params]\nmainSections = ["post"]\n',
      "content/billets/mission.md": "---\ntitle: Une mission à Abidjan\ndate: 2022-05-02\n---\nLa mission a duré trois jours.\n",
    });
    const { content, outcomes } = await importSite(site);
    assert.equal(importedArticle(content, outcomes, "billets/mission.md").data["title"], "Une mission à Abidjan");
  });
});

describe("an Eleventy site whose configuration computes its input folder", () => {
  it("takes the folder that holds _includes/ and _data/ for it, so the posts' former addresses start there", async () => {
    const site = join(import.meta.dirname, "../../fixtures/import/real-like/eleventy-computed-input");
    const { content, outcomes } = await importSite(site);
    assert.deepEqual(importedArticle(content, outcomes, "src/billets/2022/03/11/index.md").data["aliases"], ["/billets/2022/03/11/"]);
  });

  it("gives no former address, and says so, when no one folder shows it", async () => {
    const site = scratchSite("eleventy-input-unknown", {
      "eleventy.config.js": "import settings from './settings.js';\nexport default function () { return { dir: { input: settings.input } }; }\n",
      "pages/posts/escale.md": "---\ntitle: Une escale à Lisbonne\ndate: 2021-06-02\ntags: posts\n---\nDeux jours au bord du Tage.\n",
    });
    const { content, outcomes } = await importSite(site);
    const post = importedArticle(content, outcomes, "pages/posts/escale.md");
    assert.equal(post.data["aliases"], undefined, "not /pages/posts/escale/: Eleventy's input may be pages/");
    assert.ok(post.notes.some((note) => note.startsWith("ancienne adresse inconnue")), post.notes.join("\n"));
  });
});

describe("an Eleventy site's data files in JavaScript", async () => {
  const content = fixtureContent();
  const site = join(import.meta.dirname, "../../fixtures/import/real-like/eleventy-js-data");
  const outcomes = await importSources({ contentDir: content, sources: [site], cwd: content, today });

  it("reads a permalink written out in a folder's data file, as a JSON one", () => {
    assert.deepEqual(importedArticle(content, outcomes, "blogposts/2014-10-10-gulp-et-les-images.md").data["aliases"], ["/blog/gulp-et-les-images/"]);
  });

  it("makes a draft of a post whose folder's data file says draft: true, or permalink: false (Eleventy wrote no page)", () => {
    const draft = importedArticle(content, outcomes, "drafts/vivre-en-yourte.md");
    assert.equal(draft.data["draft"], true);
    assert.ok(draft.notes.some((note) => note.startsWith("brouillon sur l’ancien site (`draft: true` dans un fichier de données de son dossier)")), draft.notes.join("\n"));
    const project = importedArticle(content, outcomes, "projects/2019-03-12-atelier-craft.md");
    assert.equal(project.data["draft"], true);
    assert.ok(project.notes.some((note) => note.startsWith("page qu’Eleventy n’écrivait pas (`permalink: false`")), project.notes.join("\n"));
  });
});

describe("literalDataExport", () => {
  it("reads an object written out, and marks what code computes", () => {
    assert.deepEqual(literalDataExport('module.exports = { permalink: false, tags: ["posts"], eleventyComputed: { title: `Titre` } };'), { permalink: false, tags: ["posts"], eleventyComputed: { title: "Titre" } });
    assert.deepEqual(literalDataExport("const data = { layout: 'post.njk', permalink: (d) => `/${d.page.fileSlug}/` };\nexport default data;"), { layout: "post.njk", permalink: COMPUTED });
    assert.equal(literalDataExport("export default function () { return { permalink: '/x/' }; }"), undefined, "a function is run by Eleventy, not read");
    assert.equal(literalDataExport("export default { ...base, draft: true };"), undefined, "a spread hides keys");
    assert.equal(literalDataExport("export default {"), undefined, "a file that does not parse");
  });
});

describe("an Eleventy post's tags", () => {
  it("are one tag when written as one text, as Eleventy reads them", async () => {
    const site = join(import.meta.dirname, "../../fixtures/import/real-like/eleventy-data-permalinks");
    const { content, outcomes } = await importSite(site);
    assert.deepEqual(importedArticle(content, outcomes, "posts/etiquettes.md").data["topics"], ["coopération sécuritaire"]);
  });
});

describe("a Jekyll post whose front matter writes a key twice", () => {
  it("is imported with the later value, as Jekyll reads it, and a note naming both lines; a post whose YAML cannot be read is refused in the site's language, at its line", async () => {
    const site = scratchSite("jekyll-key-twice", {
      "_config.yml": "title: Carnet\n",
      "_posts/2021-03-04-reforme.md": "---\nlayout: post\ntitle: Un premier titre\ntags: [politique]\ntitle: Le titre publié\n---\nLe ministre a présenté la réforme au Parlement.\n",
      "_posts/2021-03-05-retraites.md": '---\nlayout: post\ntitle: "Les retraites\n---\nUn texte sur les retraites.\n',
    });
    const { content, outcomes } = await importSite(site);
    const article = importedArticle(content, outcomes, "2021-03-04-reforme.md");
    assert.equal(article.data["title"], "Le titre publié");
    assert.ok(article.notes.includes("`title` écrit deux fois dans l’en-tête de la source (lignes 3 et 5) : la seconde valeur est reprise"), article.notes.join("\n"));
    const refused = outcomes.find((o) => o.source.endsWith("2021-03-05-retraites.md"));
    assert.equal(refused?.status, "failed");
    assert.match(refused.status === "failed" ? refused.reasons.join() : "", /^ligne 3 : erreur de syntaxe YAML .*\(Vérifiez l’indentation/);
  });
});

describe("a Jekyll site's _posts/ folder given alone", () => {
  it("is read by its site's rules: its posts keep the addresses the site gave them", async () => {
    const site = scratchSite("jekyll-posts-alone", {
      "_config.yml": "title: Carnet\npermalink: /:year/:title/\n",
      "_posts/2021-03-04-reforme.md": "---\nlayout: post\ntitle: La réforme\n---\nLe ministre a présenté la réforme au Parlement.\n",
      "_pages/a-propos.md": "---\ntitle: À propos\n---\nLe carnet d’un journaliste.\n",
    });
    const { content, outcomes } = await importSite(join(site, "_posts"));
    assert.deepEqual(importedArticle(content, outcomes, "_posts/2021-03-04-reforme.md").data["aliases"], ["/2021/reforme/"]);
    assert.equal(outcomes.length, 1, "only the folder given");
  });
});

describe("an Eleventy site's folder given alone", () => {
  it("is read by its site's rules: its posts keep the addresses the site gave them", async () => {
    const { content, outcomes } = await importSite(join(import.meta.dirname, "../../fixtures/import/eleventy-site/content/blog"));
    assert.deepEqual(importedArticle(content, outcomes, "blog/salon-securite-interieure.md").data["aliases"], ["/blog/salon-securite-interieure/"]);
  });
});

describe("a Jekyll collection's folder given alone", () => {
  it("makes its documents articles at the addresses Jekyll gave them: defaults for the collection, its permalink, else /:collection/:path ending as the site's style", async () => {
    const site = scratchSite("jekyll-collections-alone", {
      "_config.yml":
        "title: Carnet\npermalink: pretty\ncollections:\n  actualites:\n    output: true\n  dossiers:\n    output: true\n    permalink: /dossiers/:name.html\n  breves:\n    output: true\n  recettes:\n    output: false\n" +
        "defaults:\n  - scope:\n      path: ''\n      type: breves\n    values:\n      permalink: /en-bref/:name/\n",
      "_actualites/2022/budget-rouen.md": "---\ntitle: Le conseil municipal vote le budget\ndate: 2022-04-05\n---\nLe conseil municipal a voté le budget mardi soir.\n",
      "_dossiers/retraites.md": "---\ntitle: Le dossier des retraites\ndate: 2023-01-10\n---\nTout sur la réforme des retraites.\n",
      "_breves/greve.md": "---\ntitle: Grève à la SNCF\ndate: 2023-03-07\n---\nLa grève touche les trains régionaux.\n",
      "_recettes/soupe.md": "---\ntitle: Soupe aux légumes\ndate: 2021-11-02\n---\nUne recette simple et rapide.\n",
      "_posts/2021-03-04-reforme.md": "---\ntitle: La réforme\n---\nLe ministre a présenté la réforme.\n",
    });
    const aliasesOf = async (folder: string, source: string) => {
      const { content, outcomes } = await importSite(join(site, folder));
      return importedArticle(content, outcomes, source);
    };
    assert.deepEqual((await aliasesOf("_actualites", "_actualites/2022/budget-rouen.md")).data["aliases"], ["/actualites/2022/budget-rouen/"]);
    assert.deepEqual((await aliasesOf("_dossiers", "_dossiers/retraites.md")).data["aliases"], ["/dossiers/retraites.html"]);
    assert.deepEqual((await aliasesOf("_breves", "_breves/greve.md")).data["aliases"], ["/en-bref/greve/"]);
    const recipe = await aliasesOf("_recettes", "_recettes/soupe.md");
    assert.equal(recipe.data["aliases"], undefined);
    assert.ok(recipe.notes.some((note) => note.startsWith("pas de page sur l’ancien site : la collection recettes n’en faisait pas")), recipe.notes.join("\n"));
    // The whole site still counts the collections' documents, with the folder to import.
    const whole = await importSite(site);
    assert.deepEqual(whole.outcomes.filter((o) => o.status === "skipped").map((o) => (o.status === "skipped" ? o.kind : "")), ["collection-document", "collection-document", "collection-document", "collection-document"]);
  });
});
