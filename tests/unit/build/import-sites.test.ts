import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { importSources, type ImportOutcome } from "../../../src/editor/import.ts";
import { countOutcomes, importSummary } from "../../../src/editor/import-summary.ts";
import { walkFiles } from "../../../src/pipeline/walk.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { importedArticle } from "../../helpers/imported-article.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/import");
const HUGO = join(FIXTURES, "hugo-site");
const JEKYLL = join(FIXTURES, "jekyll-site");
const ELEVENTY = join(FIXTURES, "eleventy-site");
const today = new Date("2026-11-23T12:00:00Z");


const snapshot = (content: string) => walkFiles(join(content, "articles")).map((file) => [file, readFileSync(file, "utf8")]);
const sourcesOf = (outcomes: readonly ImportOutcome[], status: ImportOutcome["status"]) => outcomes.filter((o) => o.status === status).map((o) => o.source.replace(/^.*-site\//, ""));

describe("importing a Hugo site", () => {
  it("imports the posts of content/ with their front matter in Revue's keys and their bodies as written", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [HUGO], cwd: content, today });
    assert.deepEqual(sourcesOf(outcomes, "skipped"), ["content/_index.md", "content/about.md", "content/posts/_index.md"]);
    assert.ok(!outcomes.some((o) => /archetypes|layouts|hugo\.toml|\.jpg/.test(o.source)), "the theme, archetypes and a bundle's image are no posts");
    assert.equal(importSummary(countOutcomes(outcomes), false), "9 lus : 6 importés (dont 3 brouillons), 0 doublon, 3 ignorés (2 pages de liste, 1 page)");

    // TOML front matter, shortcodes.
    const visit = importedArticle(content, outcomes, "posts/visite-ministre-madrid.md");
    assert.equal(visit.file, "articles/2023/2023-05-04-visite-ministre-madrid.md", "the file's name is the post's name on its site");
    assert.equal(visit.data["title"], "Le ministre de l’Intérieur espagnol en visite de travail à Rabat");
    assert.equal(visit.data["date"], "2023-05-04T10:30:00+02:00", "the time and its offset kept");
    assert.equal(visit.data["modified"], "2023-05-06T08:00:00+02:00");
    assert.equal(visit.data["summary"], "Coopération antiterroriste et migration au menu des entretiens.");
    assert.deepEqual(visit.data["authors"], ["Karim Alaoui"]);
    assert.deepEqual(visit.data["topics"], ["migration", "diplomatie"], "a tag as named, a category the base knows by its id");
    assert.deepEqual(visit.data["add"], ["DGSN"], "a tag that names an institution of the base");
    assert.deepEqual(visit.data["aliases"], ["/2023/05/visite-ministre-espagnol/", "/archives/1234", "/2023/05/le-ministre-de-lintérieur-espagnol-en-visite-de-travail-à-rabat/"], "its aliases, and its address by hugo.toml's [permalinks] (:slug is the title when no slug is written)");
    for (const key of ["tags", "categories", "description", "author", "lastmod", "weight", "toc", "params", "draft"]) assert.equal(visit.data[key], undefined, key);
    assert.ok(visit.notes.includes("clés de l’en-tête non reprises : weight: 3, toc: true, params: {\"featured\":true}"), visit.notes.join("\n"));
    assert.ok(visit.notes.includes("balises du générateur retirées du texte : {{< youtube >}}, {{< notice >}}"), visit.notes.join("\n"));
    assert.match(visit.body, /coopération sécuritaire\.\n\nLes deux ministres à l’issue de leur entretien, jeudi à Rabat\.\n\nLes deux délégations/, "the figure's caption as a paragraph");
    assert.match(visit.body, /^Cet article a été mis à jour le 6 mai avec la déclaration commune des deux ministres\.$/m, "a paired shortcode keeps its text");
    assert.match(visit.body, /on utilise `\{\{< figure src="photo\.jpg" >\}\}`\.$/m, "Hugo's escaped shortcode is the literal text");
    assert.ok(!/w7Ft2ymGmfc|\{\{%|notice|madrid-rabat\.jpg/.test(visit.body), visit.body);
    assert.match(visit.body, /^Le ministre de l’Intérieur espagnol a été reçu jeudi à Rabat par son homologue marocain,\npour une visite/, "the body's lines as written");

    // YAML front matter, slug, url as a path, highlight, ref.
    const madrid = importedArticle(content, outcomes, "actualites/cooperation-securitaire-espagne.md");
    assert.equal(madrid.file, "articles/2023/2023-06-12-rabat-madrid-renseignements.md");
    assert.equal(madrid.data["slug"], "rabat-madrid-renseignements");
    assert.equal(madrid.data["permalink"], "/2023/06/rabat-madrid/", "Hugo's url: the page's path");
    assert.equal(madrid.data["aliases"], undefined, "its address is its permalink");
    assert.deepEqual(madrid.data["authors"], ["Nadia Benjelloun", "Karim Alaoui"]);
    assert.equal(madrid.data["image"], "https://leveilleur.example.ma/images/centre-tanger.jpg");
    assert.equal(madrid.data["date"], "2023-06-12");
    assert.match(madrid.body, /\n```text\nArticle 1 : Un centre conjoint est créé à Tanger\.\nArticle 2 : Il réunit des officiers des deux pays\.\n```\n/);
    assert.match(madrid.body, /Voir aussi la visite du ministre en mai\. Le communiqué commun en donne le texte\./, "a ref link keeps its words, with an anchor too");

    // A page bundle: the folder is the name; its image is not copied, and the notes say so.
    const bundle = importedArticle(content, outcomes, "posts/inauguration-port-tanger/index.md");
    assert.equal(bundle.file, "articles/2023/2023-09-20-inauguration-port-tanger.md");
    assert.ok(bundle.notes.some((note) => note.startsWith("fichiers du dossier inauguration-port-tanger/ non copiés (tanger-med.jpg)")), bundle.notes.join("\n"));
    assert.ok(bundle.notes.some((note) => note.startsWith("clés de l’en-tête non reprises : cover: ")), "a cover in the bundle is no address Revue can show");

    for (const [source, reason] of [
      ["brouillon-budget-securite.md", "brouillon sur l’ancien site (`draft: true`)"],
      ["sommet-interpol-marrakech.md", "date à venir sur l’ancien site (`date: 2026-12-15T09:00:00+01:00`), jamais publié"],
      ["appel-candidatures-police.md", "retiré de l’ancien site à son expiration (`expiryDate: 2024-04-30`)"],
    ] as const) {
      const draft = importedArticle(content, outcomes, source);
      assert.equal(draft.data["draft"], true, source);
      assert.equal(draft.notes[0], `${reason} : retirez \`draft: true\` pour le publier`, source);
      assert.equal(draft.data["aliases"], undefined, `${source}: never public, nothing to redirect`);
    }

    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(archive.report.rejected.length, 0);
    assert.equal(archive.report.drafts.length, 3);
    assert.equal(archive.report.published.length, 1 + 3, "the fixture's own article and the three published posts");
  });

  it("writes nothing on a dry run, and finds every post again on a second import", async () => {
    const content = fixtureContent();
    const before = snapshot(content);
    const trial = await importSources({ contentDir: content, sources: [HUGO], cwd: content, today, dryRun: true });
    assert.deepEqual(snapshot(content), before);
    assert.equal(importSummary(countOutcomes(trial), true), "9 lus : 6 importés (dont 3 brouillons), 0 doublon, 3 ignorés (2 pages de liste, 1 page) — essai : rien n’a été écrit");

    await importSources({ contentDir: content, sources: [HUGO], cwd: content, today });
    const imported = snapshot(content);
    assert.equal(imported.length, before.length + 6);
    const again = await importSources({ contentDir: content, sources: [HUGO], cwd: content, today });
    assert.deepEqual(snapshot(content), imported, "nothing overwritten, nothing added");
    assert.equal(importSummary(countOutcomes(again), false), "9 lus : 0 importé, 6 doublons, 3 ignorés (2 pages de liste, 1 page)");
  });
});

describe("importing a Jekyll site", () => {
  it("imports _posts named by date and _drafts, with Liquid tags handled", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [JEKYLL], cwd: content, today });
    assert.deepEqual(sourcesOf(outcomes, "skipped"), ["about.md", "index.md"]);
    assert.ok(!outcomes.some((o) => /README|_layouts|_includes/.test(o.source)));
    assert.equal(importSummary(countOutcomes(outcomes), false), "6 lus : 4 importés (dont 2 brouillons), 0 doublon, 2 ignorés (2 pages)");

    const visit = importedArticle(content, outcomes, "_posts/2023-05-04-hammouchi-recoit-delegation-espagnole.md");
    assert.equal(visit.file, "articles/2023/2023-05-04-hammouchi-recoit-delegation-espagnole.md");
    assert.equal(visit.data["date"], "2023-05-04T10:30:00+02:00", "Jekyll's `2023-05-04 10:30:00 +0200` in ISO 8601");
    assert.equal(visit.data["summary"], "Le directeur général de la DGSN a reçu jeudi une délégation de la police espagnole.");
    assert.deepEqual(visit.data["authors"], ["Salma Idrissi"]);
    assert.deepEqual(visit.data["topics"], ["coopération", "actualite", "securite"], "tags, then categories split on spaces");
    assert.deepEqual(visit.data["add"], ["DGSN", "Espagne"]);
    assert.deepEqual(visit.data["aliases"], ["/actualite/2023/05/04/hammouchi-delegation.html", "/2023/05/04/hammouchi-recoit-delegation-espagnole/"], "redirect_from, and the address _config.yml's permalink gave it");
    assert.ok(visit.notes.includes("clés de l’en-tête non reprises : layout: post, comments: true"), visit.notes.join("\n"));
    assert.ok(visit.notes.includes("balises du générateur retirées du texte : {% comment %}, {% include share-buttons.html %}"), visit.notes.join("\n"));
    assert.match(visit.body, /territoire, a reçu jeudi à Rabat une délégation de la police nationale espagnole\.\n\nLa délégation espagnole reçue au siège de la DGSN\.\n\nLes échanges/, "an include's caption as a paragraph");
    assert.match(visit.body, /\n```text\nLa coopération sécuritaire entre le Maroc et l'Espagne est exemplaire\.\n```\n/);
    assert.match(visit.body, /^Lire aussi notre article sur le forum\.$/m, "a post_url link keeps its words");
    assert.match(visit.body, /le titre s’écrit `\{\{ page\.title \}\}`\.$/m, "raw keeps its text as written");
    assert.ok(!/\{%|Penser à ajouter|share-buttons/.test(visit.body), visit.body);

    const forum = importedArticle(content, outcomes, "_posts/2023-06-12-forum-cybersecurite.markdown");
    assert.equal(forum.file, "articles/2023/2023-06-12-forum-cybersecurite.md");
    assert.equal(forum.data["date"], "2023-06-12", "no date in the front matter: the file name's");
    assert.deepEqual(forum.data["topics"], ["numérique"]);
    assert.deepEqual(forum.data["aliases"], ["/2023/06/12/forum-cybersecurite/"]);

    const unpublished = importedArticle(content, outcomes, "_posts/2022-11-30-rapport-annuel.md");
    assert.equal(unpublished.data["draft"], true);
    assert.equal(unpublished.notes[0], "non publié sur l’ancien site (`published: false`) : retirez `draft: true` pour le publier");
    const draft = importedArticle(content, outcomes, "_drafts/enquete-trafic-migrants.md");
    assert.equal(draft.data["draft"], true);
    assert.equal(draft.notes[0], "brouillon de Jekyll (dossier _drafts/) : retirez `draft: true` pour le publier");
    assert.equal(draft.file, "articles/sans-date/enquete-trafic-migrants.md");

    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(archive.report.published.length, 1 + 2);
    assert.equal(archive.report.drafts.length, 2);
  });
});

describe("importing an Eleventy site", () => {
  it("imports the dated or tagged Markdown of its input folder; JavaScript front matter is refused with its reason", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [ELEVENTY], cwd: content, today });
    assert.deepEqual(sourcesOf(outcomes, "skipped"), ["content/about/index.md"]);
    assert.deepEqual(sourcesOf(outcomes, "failed"), ["content/blog/bilan-annee.md"]);
    const failed = outcomes.find((o) => o.status === "failed");
    // In the site's language, as every line of the import.
    assert.ok(failed?.status === "failed" && /^ligne 1 : un en-tête en JavaScript \(`---js`\) est du code/.test(failed.reasons.join(" ")), failed?.status === "failed" ? failed.reasons.join(" ") : "");
    assert.equal(importSummary(countOutcomes(outcomes), false), "5 lus : 3 importés (dont 1 brouillon), 0 doublon, 2 ignorés (1 en erreur, 1 page)");

    const salon = importedArticle(content, outcomes, "blog/salon-securite-interieure.md");
    assert.equal(salon.data["date"], "2024-02-20T09:00:00+01:00");
    assert.deepEqual(salon.data["topics"], ["diplomatie", "salons"], "Eleventy's `posts` collection is no topic");
    assert.deepEqual(salon.data["authors"], ["Youssef Tazi"]);
    assert.equal(salon.data["summary"], "Trois jours d’exposition pour les forces de sécurité et leurs fournisseurs.");
    assert.deepEqual(salon.data["aliases"], ["/blog/salon-securite-interieure/"], "its path under the configured input folder");
    assert.ok(salon.notes.includes("clés de l’en-tête non reprises : permalink: /blog/{{ page.fileSlug }}/"), salon.notes.join("\n"));
    assert.match(salon.body, /\n```js\nconst programme = \["ouverture", "conférences", "démonstrations"\];\n```/);
    assert.ok(!/\{%|\{#|stand-dgsn|À compléter/.test(salon.body), salon.body);
    assert.match(salon.body, /vingt pays\.\n\nLa DGSN y présente ses nouveaux véhicules d’intervention\./);

    const exercise = importedArticle(content, outcomes, "blog/2024-03-05-exercice-conjoint-tanger.md");
    assert.equal(exercise.file, "articles/2024/2024-03-05-exercice-conjoint-tanger.md");
    assert.equal(exercise.data["permalink"], "/2024/exercice-conjoint-tanger/");
    assert.equal(exercise.data["image"], "https://carnet.example.ma/img/exercice-tanger.jpg");
    assert.equal(exercise.data["image_alt"], "Des policiers sur le quai du port");
    assert.equal(exercise.data["topics"], undefined, "`tags: post` alone is Eleventy's collection");

    const note = importedArticle(content, outcomes, "blog/note-interne.md");
    assert.equal(note.data["draft"], true, "`permalink: false`: never written out on its site");
  });
});

describe("importing a plain folder of Markdown", () => {
  it("reads each file's tool from its front matter and body", async () => {
    const content = fixtureContent();
    // The Hugo post and the Jekyll post alone, without their sites' configuration.
    const outcomes = await importSources({ contentDir: content, sources: [join(HUGO, "content/posts/visite-ministre-madrid.md"), join(JEKYLL, "_posts/2023-06-12-forum-cybersecurite.markdown")], cwd: content, today });
    const hugo = importedArticle(content, outcomes, "visite-ministre-madrid.md");
    assert.match(hugo.body, /^Les deux ministres à l’issue de leur entretien, jeudi à Rabat\.$/m);
    assert.ok(!/youtube|w7Ft2ymGmfc|\{\{%/.test(hugo.body), "a shortcode is known by its syntax, without hugo.toml");
    assert.deepEqual(hugo.data["aliases"], ["/2023/05/visite-ministre-espagnol/", "/archives/1234"], "without its site, no address from its rules");
    const jekyll = importedArticle(content, outcomes, "2023-06-12-forum-cybersecurite.markdown");
    assert.equal(jekyll.data["date"], "2023-06-12");
    assert.equal(jekyll.file, "articles/2023/2023-06-12-forum-cybersecurite.md");
  });
});

describe("what a post's front matter holds that Revue does not keep", () => {
  it("is named in the notes: a date that is none, an expiry still to come", async () => {
    const folder = join(scratchDir("import-post-notes"), "posts");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "exercice-incendie.md"), "+++\ntitle = 'Exercice d’évacuation au commissariat central'\ndate = '{{ .Date }}'\nexpiryDate = 2026-12-31\n+++\n\nUn exercice d’évacuation a eu lieu mardi 14 mai 2024 au commissariat central de Rabat.\n");
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [folder], cwd: content, today });
    const post = importedArticle(content, outcomes, "exercice-incendie.md");
    assert.equal(post.data["draft"], undefined, "an expiry to come is no draft");
    assert.ok(post.notes.includes("date illisible (`date: {{ .Date }}`) : écrivez `date: AAAA-MM-JJ`"), post.notes.join("\n"));
    assert.ok(post.notes.includes("clés de l’en-tête non reprises : expiryDate: 2026-12-31"), post.notes.join("\n"));
  });
});
