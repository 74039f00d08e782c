import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { importSources } from "../../../src/editor/import.ts";
import { normalizeUrl, withoutTracking } from "../../../src/editor/known-articles.ts";
import { provisionalTitle } from "../../../src/editor/place-article.ts";
import { walkFiles } from "../../../src/pipeline/walk.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const CORPUS = join(import.meta.dirname, "../../fixtures/corpus");
const today = new Date("2026-11-23T12:00:00Z");

describe("importSources", () => {
  it("turns a raw capture into a dated Markdown article with its front matter filled", async () => {
    const content = fixtureContent();
    const [outcome] = await importSources({ contentDir: content, sources: [join(CORPUS, "seed-000.txt")], cwd: content, today });
    assert.equal(outcome?.status, "imported");
    assert.ok(outcome?.status === "imported");
    assert.equal(outcome.file, "articles/sans-date/a-hammouchi-chez-l-oncle-sam-cooperation-securitaire-et-plus-si-affinites.md");
    const markdown = readFileSync(join(content, outcome.file), "utf8");
    assert.match(markdown, /^---\ntitle: "A\. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités"\noutlet: perspectives-med\npeople:\n {2}- abdellatif-hammouchi\n/);
    assert.match(markdown, /# À VÉRIFIER : date absente de la source/);
    assert.ok(!markdown.includes("Previous slide"));
    assert.ok(outcome.warnings.some((w) => w.includes("William Burns")), "names missing from the base are listed");
  });

  it("imports a whole folder, every article building, and reports duplicates on a second run without writing", async () => {
    const content = fixtureContent();
    const first = await importSources({ contentDir: content, sources: [CORPUS], cwd: content, today });
    // The fixture content already holds the Bladi seed: it is found as a duplicate.
    assert.deepEqual(first.filter((o) => o.status === "duplicate").map((o) => basename(o.source)), ["seed-002.txt"]);
    assert.equal(first.filter((o) => o.status === "failed").length, 0);
    const before = walkFiles(join(content, "articles")).map((f) => [f, readFileSync(f, "utf8")]);
    const archive = await buildArchive({ contentDir: content, cwd: content, today });
    assert.equal(archive.report.rejected.length, 0, JSON.stringify(archive.report.rejected));
    assert.equal(archive.report.read, before.length);

    const second = await importSources({ contentDir: content, sources: [CORPUS], cwd: content, today });
    assert.ok(second.every((o) => o.status === "duplicate"), JSON.stringify(second.filter((o) => o.status !== "duplicate")));
    const after = walkFiles(join(content, "articles")).map((f) => [f, readFileSync(f, "utf8")]);
    assert.deepEqual(after, before);
  });

  it("finds a duplicate by URL, whatever the scheme, www or tracking parameters", async () => {
    assert.equal(normalizeUrl("https://www.bladi.net/a.html?utm_source=x"), normalizeUrl("http://bladi.net/a.html"));
    assert.equal(normalizeUrl("https://www.lemonde.fr/afrique/article/a.html?xtor=RSS-3208"), normalizeUrl("https://www.lemonde.fr/afrique/article/a.html"));
    assert.equal(withoutTracking("https://www.lemonde.fr/a.html?xtor=RSS-3208&page=2&at_medium=rss"), "https://www.lemonde.fr/a.html?page=2", "what tells the page apart stays");
    const content = fixtureContent();
    const source = join(scratchDir("src"), "page.txt");
    writeFileSync(source, "Un titre d'article assez long\n\nUn paragraphe complètement différent de tout ce que l'archive contient déjà, assez long pour compter comme le corps de l'article importé.\n");
    const first = await importSources({ contentDir: content, sources: [source], url: "https://www.exemple.ma/article?utm_medium=rss", cwd: content, today });
    assert.equal(first[0]?.status, "imported");
    writeFileSync(source, "Autre titre d'article assez long\n\nUn autre texte, sans rapport, mais à la même adresse, ce qui suffit pour être le même article de l'archive.\n");
    const second = await importSources({ contentDir: content, sources: [source], url: "http://exemple.ma/article", cwd: content, today });
    assert.equal(second[0]?.status, "duplicate");
    assert.ok(second[0]?.status === "duplicate" && second[0].reason.startsWith("même URL"));
  });

  it("writes a feed item's address without the feed's tracking parameters, and says when the feed gave only a summary", async () => {
    const feed = join(scratchDir("feed-tracking"), "une.xml");
    writeFileSync(feed, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Monde.fr - Afrique</title><link>https://www.lemonde.fr/afrique/</link><item><title>Au Sénégal, une session de formation des policiers</title><link>https://www.lemonde.fr/afrique/article/2024/03/12/formation_6221.html?xtor=RSS-3208</link><pubDate>Tue, 12 Mar 2024 10:00:00 +0100</pubDate><description>Une session de formation a réuni cent policiers à Dakar cette semaine.</description></item></channel></rss>`);
    const content = fixtureContent();
    const [outcome] = await importSources({ contentDir: content, sources: [feed], cwd: content, today });
    assert.ok(outcome?.status === "imported", JSON.stringify(outcome));
    const written = readFileSync(join(content, outcome.file), "utf8");
    assert.match(written, /^url: https:\/\/www\.lemonde\.fr\/afrique\/article\/2024\/03\/12\/formation_6221\.html$/m);
    assert.match(written, /^# À VÉRIFIER : texte court, le résumé du flux \(<description>\) et non l’article/m, "a summary-only feed says so");
  });

  it("never overwrites a file", async () => {
    const content = fixtureContent();
    const folder = join(content, "articles/sans-date");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "a-hammouchi-chez-l-oncle-sam-cooperation-securitaire-et-plus-si-affinites.md"), "---\ntitle: Autre chose\n---\n\nUn texte d'un autre article qui n'a rien à voir avec celui que l'on importe maintenant.\n");
    const [outcome] = await importSources({ contentDir: content, sources: [join(CORPUS, "seed-000.txt")], cwd: content, today });
    assert.ok(outcome?.status === "imported");
    assert.ok(outcome.file.endsWith("-2.md"), outcome.file);
    assert.equal(readdirSync(folder).length, 2);
  });

  it("makes a provisional title from the first sentence", async () => {
    assert.equal(provisionalTitle("Le BCIJ a démantelé une cellule. La suite."), "Le BCIJ a démantelé une cellule");
    assert.equal(provisionalTitle("Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze."), "Un deux trois quatre cinq six sept huit neuf dix onze douze…");
  });
});
