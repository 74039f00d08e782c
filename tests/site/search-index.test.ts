import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { importSources } from "../../src/editor/import.ts";
import { searchShardCount, searchShardOf } from "../../src/search/shards.ts";
import { fixtureContent } from "../helpers/content.ts";
import { bundlesIn, openBuiltIndex, type BuiltIndex } from "../helpers/pagefind.ts";
import { buildSite } from "../helpers/site.ts";

/** The site's open data on its articles: what the search must find. */
type Article = { title: string; page: string; date: string | null; outlet: string | null };

describe("the built site's search index, searched with Pagefind's own search code", () => {
  let output: string;
  let index: BuiltIndex;
  let articles: Article[];
  before(async () => {
    const content = fixtureContent();
    await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
    // Shards of two articles: the search merges several bundles.
    ({ output } = await buildSite(content, { REVUE_SEARCH_SHARD_SIZE: "2" }));
    articles = JSON.parse(readFileSync(join(output, "donnees/articles.json"), "utf8")) as Article[];
    index = await openBuiltIndex(output);
  });
  after(() => index?.close());

  it("finds every article by its title, whichever bundle holds it, with what a result shows", async () => {
    assert.ok(bundlesIn(output).length >= 2 && bundlesIn(output).length <= searchShardCount(articles.length, 2), bundlesIn(output).join(", "));
    for (const article of articles) {
      const found = (await index.search(article.title)).find((result) => result.url === new URL(article.page).pathname);
      assert.ok(found, `"${article.title}" not found`);
      assert.equal(found.meta["title"], article.title);
      assert.equal(found.meta["date"], article.date ?? undefined, article.title);
      assert.equal(typeof found.meta["dateLabel"], article.date ? "string" : "undefined", article.title);
    }
  });

  it("finds a word after an elided article, and every form of a French word", async () => {
    const found = await index.search("ambassadeurs");
    const seed = found.find((result) => result.url === "/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/");
    assert.ok(seed, found.map((result) => result.url).join(", "));
    assert.match(seed.excerpt, /<mark>l'ambassadeur<\/mark>|l'<mark>ambassadeur<\/mark>/);
  });

  it("filters by person and by institution apart, and leaves undated articles out of a search by date", async () => {
    const filters = await index.filters();
    assert.ok((filters["personne"]?.["Abdellatif Hammouchi"] ?? 0) >= 2, JSON.stringify(filters["personne"]));
    assert.equal(filters["personne"]?.["Direction générale de la sûreté nationale"], undefined);
    assert.ok((filters["institution"]?.["Direction générale de la sûreté nationale"] ?? 0) >= 1, JSON.stringify(filters["institution"]));
    const hammouchi = await index.search(null, { filters: { personne: "Abdellatif Hammouchi" } });
    assert.equal(hammouchi.length, filters["personne"]?.["Abdellatif Hammouchi"]);
    for (const result of hammouchi) assert.ok(result.filters["personne"]?.includes("Abdellatif Hammouchi"), result.url);
    // Sorted by date: every dated article, and no undated one but from a bundle with no dated
    // article at all (Pagefind then ignores the sort there, and gives the bundle's pages unsorted).
    const sorted = (await index.search(null, { sort: { date: "desc" } })).map((result) => result.url);
    const shards = searchShardCount(articles.length, 2);
    const pathOf = (article: Article) => new URL(article.page).pathname;
    const datedShards = new Set(articles.filter((article) => article.date).map((article) => searchShardOf(pathOf(article), shards)));
    assert.deepEqual(
      [...sorted].sort(),
      articles.filter((article) => article.date || !datedShards.has(searchShardOf(pathOf(article), shards))).map(pathOf).sort(),
    );
    assert.ok(articles.some((article) => !article.date && datedShards.has(searchShardOf(pathOf(article), shards))), "an undated article left out");
  });
});

describe("a search index whose first shard holds no article", () => {
  it("puts Pagefind's search code in the first bundle in use, which the search page loads", async () => {
    const content = fixtureContent();
    const articles = join(content, "articles");
    for (const name of readdirSync(articles)) rmSync(join(articles, name), { recursive: true, force: true });
    // Three articles in shards of one: four shards, none of these in the first.
    const slugs = Array.from({ length: 200 }, (_, i) => `rapport-de-patrouille-${i}`).filter((slug) => searchShardOf(`/articles/2024/${slug}/`, 4) !== 0).slice(0, 3);
    for (const [i, slug] of slugs.entries()) writeFileSync(join(articles, `2024-05-0${i + 1}-${slug}.md`), `---\ntitle: Rapport de patrouille numéro ${i + 1}\ndate: 2024-05-0${i + 1}\n---\n\nLa patrouille côtière a signalé une embarcation au large.\n`);
    const { output } = await buildSite(content, { REVUE_SEARCH_SHARD_SIZE: "1" });
    const bundles = bundlesIn(output);
    assert.ok(!bundles.includes("pagefind"), bundles.join(", "));
    const page = readFileSync(join(output, "recherche/index.html"), "utf8");
    assert.match(page, new RegExp(`data-bundles="${bundles[0]}/`), "the page loads the first bundle in use");
    const index = await openBuiltIndex(output);
    try {
      assert.equal((await index.search("embarcation")).length, 3);
    } finally {
      await index.close();
    }
  });
});
