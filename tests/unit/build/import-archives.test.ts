import assert from "node:assert/strict";
import { copyFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { importSources } from "../../../src/editor/import.ts";
import { countOutcomes, importSummary } from "../../../src/editor/import-summary.ts";
import { walkFiles } from "../../../src/pipeline/walk.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { importedArticle } from "../../helpers/imported-article.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/import");
const WORDPRESS = join(FIXTURES, "wordpress.xml");
const RSS = join(FIXTURES, "feed.rss");
const ATOM = join(FIXTURES, "feed.atom");
/** A WordPress 6.5 export of a post with block-editor footnotes: their texts are in the post's `footnotes` meta. */
const WORDPRESS_FOOTNOTES = join(FIXTURES, "wordpress-footnotes.xml");
/** A blog's feed as FeedBurner served it: each link through FeedBurner's address, the post's own in `feedburner:origLink`, a counting pixel in the text. */
const FEEDBURNER = join(FIXTURES, "feedburner.rss");
/** A Google News search feed as it writes it: each item's publication in `<source>` and after its title, the channel named after the search. */
const GOOGLE_NEWS = join(FIXTURES, "google-news.rss");
const today = new Date("2026-11-23T12:00:00Z");


function snapshot(content: string): string[][] {
  return walkFiles(join(content, "articles")).map((file) => [file, readFileSync(file, "utf8")]);
}

describe("importing a WordPress export", () => {
  it("makes published posts articles with their fields, other statuses drafts, and counts what is not a post", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today });

    const byStatus = (status: string) => outcomes.filter((o) => o.status === status).map((o) => o.source.split("#")[1]);
    assert.deepEqual(byStatus("imported"), ["post-101", "post-120", "post-130", "post-140", "post-150", "post-160"]);
    assert.deepEqual(byStatus("skipped"), ["post-170", "page-2", "page-3", "attachment-102", "nav_menu_item-5"]);
    assert.equal(importSummary(countOutcomes(outcomes), false), "11 lus : 6 importés (dont 3 brouillons), 0 doublon, 5 ignorés (2 pages, 1 pièce jointe, 1 élément de menu, 1 à la corbeille)");

    const fes = importedArticle(content, outcomes, "#post-101");
    assert.equal(fes.file, "articles/2023/2023-05-04-dgsn-commissariat-fes.md");
    assert.equal(fes.data["title"], "La DGSN inaugure un commissariat de quartier à Fès");
    // The local day and time (10:30 in Rabat, 09:30 UTC): the time is in the date once the front matter takes one, in its evidence meanwhile.
    assert.match(String(fes.data["date"]), /^2023-05-04(T10:30:00\+01:00)?$/);
    assert.match(String(fes.data["date_evidence"]), /2023-05-04 10:30:00/);
    assert.equal(fes.data["url"], "https://leveilleur.example.ma/2023/05/04/dgsn-commissariat-fes/");
    assert.equal(fes.data["slug"], "dgsn-commissariat-fes");
    assert.deepEqual(fes.data["aliases"], ["/2023/05/04/dgsn-commissariat-fes/"]);
    assert.deepEqual(fes.data["authors"], ["Nadia Benjelloun"], "dc:creator is a login; the export names its author");
    assert.equal(fes.data["summary"], "Un troisième commissariat de quartier ouvre dans la médina de Fès.");
    assert.deepEqual(fes.data["topics"], ["Sécurité publique", "Fès"], "the category and the tag the base does not know, as WordPress names them");
    assert.ok((fes.data["agencies"] as string[]).includes("dgsn"), "the tag DGSN names an institution of the base");
    assert.equal(fes.data["draft"], undefined);
    // wpautop: blank lines are paragraphs, a single break stays a line break; the caption stays as text, images and the gallery go.
    assert.ok(fes.body.startsWith("La Direction générale de la sûreté nationale a inauguré jeudi"), fes.body);
    assert.match(fes.body, /\n\nLe préfet de police de Fès devant le nouveau commissariat de la médina\.\n\n/);
    assert.match(fes.body, /agents d’accueil\.\nLes habitants pourront/);
    assert.match(fes.body, /depuis le début de l’année\./, "an entity inside CDATA is the HTML's, decoded by the HTML path");
    for (const gone of ["[caption", "[/caption]", "[gallery", "<img", "wp-image", "width="]) assert.ok(!fes.body.includes(gone), gone);

    const madrid = importedArticle(content, outcomes, "#post-120");
    assert.equal(madrid.data["title"], "Coopération maroco-espagnole\u00a0: Rabat & Madrid renforcent l’échange de renseignements");
    assert.deepEqual(madrid.data["topics"], ["diplomatie"], "a category the base knows is written as its id");
    assert.ok((madrid.data["places"] as string[]).includes("espagne"));
    assert.ok(!madrid.body.includes("wp:"), "the block editor's delimiters are no text");
    assert.match(madrid.body, /^## Un centre conjoint à Tanger$/m);
    assert.match(madrid.body, /La signature de l’accord au ministère de l’Intérieur espagnol, à Madrid\./);

    const agadir = importedArticle(content, outcomes, "#post-160");
    assert.equal(agadir.file, "articles/2024/2024-01-10-cybercriminalite-lycees-agadir.md", "00:30 in Rabat on the 10th is the 10th, though 23:30 UTC on the 9th");
    assert.equal(agadir.data["summary"], "Des ateliers contre le harcèlement en ligne dans cinq lycées d’Agadir.");
    assert.match(agadir.body, /« Un mot de passe ne se prête jamais », a répété une intervenante/, "an unknown enclosing shortcode keeps its words");
    assert.match(agadir.body, /guide de 12 pages \\?\[sic\] rédigé/, "a bracketed word is no shortcode");
    assert.match(agadir.body, /\\?\[gallery\] est le code/, "[[gallery]] is WordPress's escape for the literal text");
    for (const gone of ["contact-form-7", "youtube", "[embed", "[pullquote"]) assert.ok(!agadir.body.includes(gone), gone);

    for (const [source, status] of [["#post-130", "brouillon dans WordPress"], ["#post-140", "publication programmée dans WordPress"], ["#post-150", "article privé dans WordPress"]] as const) {
      const draft = importedArticle(content, outcomes, source);
      assert.equal(draft.data["draft"], true, source);
      assert.equal(draft.data["aliases"], undefined, `${source}: never public, nothing to redirect`);
      assert.match(draft.head, new RegExp(`^# À VÉRIFIER : ${status} : retirez \`draft: true\``, "m"), source);
      assert.doesNotMatch(draft.head, /titre provisoire/, source);
    }
    const unsent = importedArticle(content, outcomes, "#post-130");
    assert.equal(unsent.data["date"], "2023-09-02T11:20:05", "a draft's post_date_gmt is unset: its local date-time is used, without an offset");
    assert.equal(unsent.data["slug"], undefined, "a draft without post_name takes its title's slug");

    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(archive.report.rejected.length, 0);
    assert.equal(archive.report.drafts.length, 3);
    assert.equal(archive.report.published.length, 1 + 3, "the fixture's own article and the three published posts");
  });

  it("keeps the block editor's footnotes: each call as its number, their texts where the footnotes block stood", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [WORDPRESS_FOOTNOTES], cwd: content, today });
    const article = importedArticle(content, outcomes, "#post-118");
    assert.match(article.body, /hôpitaux publics à 1,3 milliard d’euros\\\[1\], un chiffre que le ministère conteste\\\[2\]\./);
    assert.match(article.body, /fin de l’année\.\n\n1\. Cour des comptes, Rapport public annuel 2024, chapitre 3\.\n2\. Communiqué du ministère de la Santé du 12 mars 2024\.\n?$/);
  });

  it("writes nothing on a dry run, and finds every post again as a duplicate on a second import", async () => {
    const content = fixtureContent();
    const before = snapshot(content);
    const trial = await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today, dryRun: true });
    assert.deepEqual(snapshot(content), before);
    assert.equal(importSummary(countOutcomes(trial), true), "11 lus : 6 importés (dont 3 brouillons), 0 doublon, 5 ignorés (2 pages, 1 pièce jointe, 1 élément de menu, 1 à la corbeille) — essai : rien n’a été écrit");

    await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today });
    const imported = snapshot(content);
    assert.equal(imported.length, before.length + 6);
    const again = await importSources({ contentDir: content, sources: [WORDPRESS], cwd: content, today });
    assert.deepEqual(snapshot(content), imported);
    assert.equal(importSummary(countOutcomes(again), false), "11 lus : 0 importé, 6 doublons, 5 ignorés (2 pages, 1 pièce jointe, 1 élément de menu, 1 à la corbeille)");
  });
});

describe("importing feeds", () => {
  it("makes one article per RSS item: full text, else the description; link, date, author and categories", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [RSS], cwd: content, today });
    assert.equal(importSummary(countOutcomes(outcomes), false), "3 lus : 3 importés, 0 doublon, 0 ignoré");

    const tetouan = importedArticle(content, outcomes, "#item-1");
    assert.equal(tetouan.data["title"], "Tétouan : démantèlement d’un réseau de trafic de cannabis");
    assert.equal(tetouan.data["url"], "https://observateur-nord.example.ma/securite/2024/03/12/tetouan-reseau-cannabis/");
    assert.match(String(tetouan.data["date"]), /^2024-03-12(T09:15:00\+01:00)?$/);
    assert.match(String(tetouan.data["date_evidence"]), /Tue, 12 Mar 2024 09:15:00 \+0100/);
    assert.deepEqual(tetouan.data["authors"], ["Samira El Idrissi"]);
    assert.deepEqual(tetouan.data["topics"], ["Sécurité publique"]);
    assert.ok((tetouan.data["agencies"] as string[]).includes("dgsn"));
    assert.match(tetouan.body, /saisi 2,4 tonnes de résine/, "content:encoded, not the shorter description");
    assert.ok(!tetouan.body.includes("[…]"));

    const nador = importedArticle(content, outcomes, "#item-2");
    assert.deepEqual(nador.data["authors"], ["Omar Tazi"], "RSS's author is an address with the name in brackets");
    assert.match(nador.body, /^Deux vedettes supplémentaires patrouillent.*Marine royale\.\n\nLes garde-côtes espagnols/m, "an escaped HTML description, decoded by the parser");
    assert.ok(!nador.body.includes("<p>"));

    const larache = importedArticle(content, outcomes, "#item-3");
    assert.equal(larache.data["url"], "https://observateur-nord.example.ma/securite/2024/03/13/larache-poste-police/", "a guid that is a permalink is the item's link");
    assert.equal(larache.data["title"], "Larache : un nouveau poste de police au port & à la gare routière");
  });

  it("takes an aggregator's item `<source>` as its outlet, not the feed's name, and its name off the end of the title", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [GOOGLE_NEWS], cwd: content, today });
    const deficit = importedArticle(content, outcomes, "#item-1");
    assert.equal(deficit.data["title"], "La Cour des comptes alerte sur le déficit des hôpitaux");
    assert.equal(deficit.data["outlet"], "le-monde");
    const report = importedArticle(content, outcomes, "#item-2");
    assert.equal(report.data["title"], "Pierre Moscovici présente le rapport annuel");
    assert.equal(report.data["outlet"], "ouest-france");
    // The feed gives a link and the publication's name, not the article: the editor is told.
    assert.ok(report.notes.some((note) => note.startsWith("texte court, le résumé du flux (<description>)")), report.notes.join("\n"));
  });

  it("takes a FeedBurner item's own address (origLink) for the article's, and no counting pixel for one of its images", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [FEEDBURNER], cwd: content, today });
    const agadir = importedArticle(content, outcomes, "#item-1");
    assert.equal(agadir.data["url"], "https://carnet-surete.example.ma/2012/05/15/dgsn-commissariat-agadir/");
    assert.deepEqual(agadir.notes.filter((note) => note.startsWith("médias retirés")), []);
  });

  it("makes one article per Atom entry: html, xhtml or summary; published, else updated", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [ATOM], cwd: content, today });
    assert.equal(importSummary(countOutcomes(outcomes), false), "3 lus : 3 importés, 0 doublon, 0 ignoré");

    const proces = importedArticle(content, outcomes, "#entry-1");
    assert.equal(proces.data["title"], "Procès de la cellule de Had Soualem\u00a0: le verdict attendu le 5 mars");
    assert.equal(proces.data["url"], "https://chroniques.example.ma/2024/02/proces-had-soualem/");
    assert.match(String(proces.data["date"]), /^2024-02-19(T10:00:00\+01:00)?$/);
    assert.deepEqual(proces.data["topics"], ["Terrorisme", "justice"], "a category's label, else its term");
    assert.deepEqual(proces.data["authors"], ["Leïla Berrada"]);
    assert.match(proces.body, /mis son jugement en délibéré au 5 mars\.\n\nLes onze accusés/);

    const visas = importedArticle(content, outcomes, "#entry-2");
    assert.match(String(visas.data["date"]), /^2024-02-20(T18:45:00Z)?$/, "no published: updated");
    assert.match(String(visas.data["date_evidence"]), /^atom:updated /);
    assert.match(visas.body, /peines de deux à quatre ans de prison ferme/, "xhtml content");
    assert.match(visas.body, /jusqu’à 15\u00a0000 dirhams/);

    const audience = importedArticle(content, outcomes, "#entry-3");
    assert.match(audience.body, /^L’audience a été reportée au 28 février/, "the summary stands in for a missing content");
    assert.deepEqual(audience.data["authors"], ["La rédaction"], "an entry without author has the feed's");
  });

  it("takes an Atom entry's <source> (an aggregator's copy of another feed's entry) as its outlet, not the aggregator's name", async () => {
    const content = fixtureContent();
    const planet = join(scratchDir("atom-source"), "planet.atom");
    writeFileSync(
      planet,
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Planète presse</title><id>urn:planete</id><updated>2024-03-02T08:00:00Z</updated>` +
        `<entry><title>Le port de Tanger Med bat son record de trafic</title><link href="https://www.lematin.ma/economie/tanger-med-record"/><id>urn:tanger</id><published>2024-03-01T09:00:00Z</published><updated>2024-03-01T09:00:00Z</updated>` +
        `<content type="html">&lt;p&gt;Le port de Tanger Med a traité plus de huit millions de conteneurs l’an dernier, un record pour le premier port d’Afrique.&lt;/p&gt;</content>` +
        `<source><id>https://www.lematin.ma/</id><title>Le Matin</title><updated>2024-03-01T09:00:00Z</updated></source></entry></feed>`,
    );
    const outcomes = await importSources({ contentDir: content, sources: [planet], cwd: content, today });
    assert.equal(importedArticle(content, outcomes, "#entry-1").data["outlet"], "le-matin");
  });

  it("leaves a content folder that checks with no errors, and finds the items again as duplicates", async () => {
    const content = fixtureContent();
    const first = await importSources({ contentDir: content, sources: [RSS, ATOM], cwd: content, today });
    assert.equal(countOutcomes(first).imported, 6);
    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(archive.report.published.length, 1 + 6);
    // A folder of the export, the feeds, and the Hugo, Jekyll and Eleventy sites of tests/unit/build/import-sites.test.ts (20 entries, 13 posts, 7 skipped).
    const folder = scratchDir("import-everything");
    for (const entry of ["wordpress.xml", "feed.rss", "feed.atom", "hugo-site", "jekyll-site", "eleventy-site"]) cpSync(join(FIXTURES, entry), join(folder, entry), { recursive: true });
    const again = await importSources({ contentDir: content, sources: [folder], cwd: content, today, dryRun: true });
    assert.equal(importSummary(countOutcomes(again), true), "37 lus : 19 importés (dont 9 brouillons), 6 doublons, 12 ignorés (6 pages, 2 pages de liste, 1 pièce jointe, 1 en erreur, 1 élément de menu, 1 à la corbeille) — essai : rien n’a été écrit");
  });
});

describe("an item without a title", () => {
  it("is kept as a draft with a provisional title, as a capture is", async () => {
    const folder = scratchDir("import-untitled");
    const feed = join(folder, "breves.rss");
    writeFileSync(feed, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Brèves</title>\n<item><link>https://breves.example.ma/1</link><pubDate>Fri, 01 Mar 2024 08:00:00 +0000</pubDate><description>Le port de Tanger Med a accueilli un exercice de sécurité civile. Les secours ont évacué deux navires.</description></item>\n</channel></rss>\n');
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [feed], cwd: content, today });
    const untitled = importedArticle(content, outcomes, "#item-1");
    assert.equal(untitled.data["title"], "Le port de Tanger Med a accueilli un exercice de sécurité civile");
    assert.equal(untitled.data["draft"], true);
    assert.match(untitled.head, /^# À VÉRIFIER : titre provisoire/m);
  });
});

describe("recognising what a file holds", () => {
  it("goes by the root element and namespaces, not by the file's name", async () => {
    const folder = scratchDir("import-kinds");
    copyFileSync(WORDPRESS, join(folder, "site.rss"));
    copyFileSync(ATOM, join(folder, "flux.xml"));
    copyFileSync(RSS, join(folder, "flux-sans-extension"));
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [join(folder, "site.rss"), join(folder, "flux.xml"), join(folder, "flux-sans-extension")], cwd: content, today });
    assert.equal(outcomes.filter((o) => o.source.includes("site.rss#page-")).length, 2, "a WordPress export named .rss");
    assert.equal(outcomes.filter((o) => o.source.includes("flux.xml#entry-")).length, 3, "an Atom feed named .xml");
    assert.equal(outcomes.filter((o) => o.source.includes("flux-sans-extension#item-")).length, 3, "an RSS feed without extension");
  });

  it("reports an XML file that is neither an export nor a feed, or not well-formed, with its reason", async () => {
    const folder = scratchDir("import-bad");
    writeFileSync(join(folder, "sitemap.xml"), '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://exemple.ma/</loc></url></urlset>\n');
    writeFileSync(join(folder, "casse.xml"), '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>Sans fin</channel>\n</rss>\n');
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [folder], cwd: content, today });
    const reasons = Object.fromEntries(outcomes.map((o) => [o.source.split("/").pop(), o.status === "failed" ? o.reasons.join() : o.status]));
    assert.match(reasons["sitemap.xml"] ?? "", /ni un export WordPress, ni un flux RSS ou Atom \(élément racine <urlset>\)/);
    assert.match(reasons["casse.xml"] ?? "", /XML mal formé, ligne 4/);
    assert.equal(importSummary(countOutcomes(outcomes), false), "2 lus : 0 importé, 0 doublon, 2 ignorés (2 en erreur)");
  });
});
