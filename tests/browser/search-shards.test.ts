import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../src/build/import.ts";
import { searchShardCount, searchShardOf } from "../../src/site/search-shards.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

/** The fixture archive plus the articles of tests/fixtures/corpus: about twenty articles. */
async function corpusContent(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
  return content;
}

const content = await corpusContent();

describe("a search index split into shards", () => {
  const site = useBuiltSite({ content, env: { REVUE_SEARCH_SHARD_SIZE: "2" } });

  it("finds the articles of every shard from the one search page", async () => {
    const articles = JSON.parse(readFileSync(join(site.output, "donnees/articles.json"), "utf8")) as { title: string; page: string }[];
    const count = searchShardCount(articles.length, 2);
    assert.ok(count >= 4, `${articles.length} articles in ${count} shards`);
    // One article per shard, searched by its title.
    const byShard = new Map<number, { title: string; page: string }>();
    for (const article of articles) {
      const shard = searchShardOf(new URL(article.page).pathname, count);
      if (!byShard.has(shard)) byShard.set(shard, article);
    }
    // A shard without articles has no bundle: Pagefind cannot open an empty index.
    const bundles = readdirSync(site.output).filter((name) => /^pagefind(-\d+)?$/.test(name));
    assert.deepEqual(bundles.sort(), [...byShard.keys()].sort().map((shard) => (shard === 0 ? "pagefind" : `pagefind-${shard}`)));
    assert.ok(byShard.size >= 2, `articles in shards ${[...byShard.keys()].join(", ")}`);
    // The merged shards hold their index alone: they are read with the primary's code.
    for (const bundle of bundles.filter((name) => name !== "pagefind")) {
      const files = readdirSync(join(site.output, bundle)).sort();
      assert.deepEqual(files.filter((name) => !/\.pf_meta$/.test(name)), ["filter", "fragment", "index", "pagefind-entry.json"], bundle);
    }
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
    for (const [shard, article] of byShard) {
      await page.locator(".pagefind-ui__search-input").fill(article.title);
      await page.waitForFunction(
        (title) => [...document.querySelectorAll(".pagefind-ui__result-title")].some((node) => node.textContent?.trim() === title),
        article.title,
        { timeout: 10_000 },
      ).catch(() => assert.fail(`shard ${shard}: "${article.title}" not found`));
    }
    assert.deepEqual(failures, [], "no failed request, no error or warning in the console");
    await page.close();
  });
});
