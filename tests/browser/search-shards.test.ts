import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../src/editor/import.ts";
import { searchShardCount, searchShardOf } from "../../src/search/shards.ts";
import { useBuiltSite, type BuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

/** The fixture archive plus the articles of tests/fixtures/corpus: about twenty articles. */
async function corpusContent(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
  return content;
}

const content = await corpusContent();

type Article = { title: string; page: string };

/** Searches each article's title on the search page; fails on any failed request, error or warning. */
async function findEach(site: BuiltSite, articles: Map<string, Article>): Promise<void> {
  const page = await site.browser.newPage();
  const failures: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") failures.push(message.text());
  });
  page.on("requestfailed", (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(new URL("recherche/", site.server.url).href);
  for (const [where, article] of articles) {
    await page.locator("#search-input").fill(article.title);
    // The status line says when the answer to this query is all shown (templates/assets/search.js).
    await page.waitForFunction(
      (title) => {
        const status = document.getElementById("search-status");
        return status?.dataset["state"] === "done" && status.dataset["query"] === title.trim();
      },
      article.title,
      { timeout: 10_000 },
    ).catch(() => assert.fail(`${where}: no answer for "${article.title}"`));
    const titles = (await page.locator(".search-result h2").allTextContents()).map((title) => title.trim());
    assert.ok(titles.includes(article.title), `${where}: "${article.title}" not found in ${titles.join(" / ")}`);
  }
  assert.deepEqual(failures, [], "no failed request, no error or warning in the console");
  await page.close();
}

/** One article of each group (shard) the function puts it in. */
function oneOfEach(articles: Article[], groupOf: (path: string) => number): Map<string, Article> {
  const byGroup = new Map<string, Article>();
  for (const article of articles) {
    const group = String(groupOf(new URL(article.page).pathname));
    if (!byGroup.has(group)) byGroup.set(group, article);
  }
  return byGroup;
}

const articlesOf = (site: BuiltSite) => JSON.parse(readFileSync(join(site.output, "donnees/articles.json"), "utf8")) as Article[];
const bundlesOf = (site: BuiltSite) => readdirSync(site.output).filter((name) => /^pagefind(-\d+)?$/.test(name)).sort();

describe("a search index split into shards", () => {
  const site = useBuiltSite({ content, env: { REVUE_SEARCH_SHARD_SIZE: "2" } });

  it("finds the articles of every shard from the one search page", async () => {
    const articles = articlesOf(site);
    const count = searchShardCount(articles.length, 2);
    assert.ok(count >= 4, `${articles.length} articles in ${count} shards`);
    const byShard = oneOfEach(articles, (path) => searchShardOf(path, count));
    // A shard without articles has no bundle: Pagefind cannot open an empty index.
    const bundles = bundlesOf(site);
    assert.deepEqual(bundles, [...byShard.keys()].map(Number).sort().map((shard) => (shard === 0 ? "pagefind" : `pagefind-${shard}`)));
    assert.ok(byShard.size >= 2, `articles in shards ${[...byShard.keys()].join(", ")}`);
    // The page is its own interface on Pagefind's JavaScript API: no bundle keeps Pagefind's ready-made one.
    assert.deepEqual(readdirSync(join(site.output, "pagefind")).filter((name) => name.startsWith("pagefind-ui")), []);
    // The merged shards hold their index alone: they are read with the primary's code.
    for (const bundle of bundles.filter((name) => name !== "pagefind")) {
      const files = readdirSync(join(site.output, bundle)).sort();
      assert.deepEqual(files.filter((name) => !/\.pf_meta$/.test(name)), ["filter", "fragment", "index", "pagefind-entry.json"], bundle);
    }
    await findEach(site, byShard);
  });
});
