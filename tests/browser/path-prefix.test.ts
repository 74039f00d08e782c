import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { brokenLinks } from "../../src/pipeline/site-checks.ts";
import { useBuiltSite } from "../helpers/built-site.ts";

describe("the site hosted under a sub-path (/revue/)", () => {
  const site = useBuiltSite({ env: { REVUE_PATH_PREFIX: "/revue/", REVUE_BASE_URL: "https://example.org" }, prefix: "/revue/" });

  it("has every internal link resolving under the prefix", () => {
    assert.deepEqual(brokenLinks(site.output, "/revue/"), []);
  });

  it("puts the prefix in feeds, sitemap and open data", () => {
    assert.match(readFileSync(join(site.output, "feed.xml"), "utf8"), /<link rel="self" type="application\/atom\+xml" href="https:\/\/example\.org\/revue\/feed\.xml"\/>/);
    assert.match(readFileSync(join(site.output, "sitemap.xml"), "utf8"), /<loc>https:\/\/example\.org\/revue\/personnes\/abdellatif-hammouchi\/<\/loc>/);
    assert.match(readFileSync(join(site.output, "robots.txt"), "utf8"), /Sitemap: https:\/\/example\.org\/revue\/sitemap\.xml/);
    const articles = JSON.parse(readFileSync(join(site.output, "donnees/articles.json"), "utf8")) as { page: string }[];
    assert.ok(articles.every((a) => a.page.startsWith("https://example.org/revue/articles/")));
  });

  it("follows links from the home page to an actor page and to an article, styles loaded", async () => {
    const page = await site.browser.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(site.server.url);
    assert.notEqual(await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor), "rgba(0, 0, 0, 0)", "stylesheet loaded");
    await page.locator(".home-aside").getByRole("link", { name: "Abdellatif Hammouchi" }).click();
    await page.waitForURL(/\/revue\/personnes\/abdellatif-hammouchi\/$/);
    assert.equal(await page.locator("h1").textContent(), "Abdellatif Hammouchi");
    await page.locator(".article-list a").first().click();
    await page.waitForURL(/\/revue\/articles\/\d{4}\/[a-z0-9-]+\/$/);
    assert.ok((await page.locator("h1").textContent())?.includes("Hammouchi"));
    assert.deepEqual(failed, []);
    await page.close();
  });

  it("searches under the prefix and links results there", async () => {
    const page = await site.browser.newPage();
    await page.goto(new URL("recherche/", site.server.url).href);
    const answered = (query: string) =>
      page.waitForFunction((query) => {
        const status = document.getElementById("search-status");
        return status?.dataset["state"] === "done" && status.dataset["query"] === query;
      }, query);
    await page.locator("#search-input").fill("Hammouchi");
    await answered("Hammouchi");
    const hrefs = await page.locator(".search-result h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length === 2 && hrefs.every((href) => href?.startsWith("/revue/articles/")), hrefs.join(", "));
    // The suggestions' vocabulary is read under the prefix, and a suggestion's link stays there.
    await page.locator("#search-input").fill("Hamouchi");
    await answered("Hamouchi");
    assert.equal(await page.locator("#search-suggestion a").getAttribute("href"), "/revue/recherche/?q=Hammouchi");
    await page.close();
  });
});
