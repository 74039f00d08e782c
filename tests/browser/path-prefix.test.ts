import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { brokenLinks } from "../../scripts/lib/site-checks.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildSite } from "../helpers/site.ts";

describe("the site hosted under a sub-path (/revue/)", () => {
  let server: StaticServer;
  let browser: Browser;
  let output: string;

  before(async () => {
    ({ output } = await buildSite(undefined, { REVUE_PATH_PREFIX: "/revue/", REVUE_BASE_URL: "https://example.org" }));
    server = await serveStatic(output, "/revue/");
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has every internal link resolving under the prefix", () => {
    assert.deepEqual(brokenLinks(output, "/revue/"), []);
  });

  it("puts the prefix in feeds, sitemap and open data", () => {
    assert.match(readFileSync(join(output, "feed.xml"), "utf8"), /<link rel="self" type="application\/atom\+xml" href="https:\/\/example\.org\/revue\/feed\.xml"\/>/);
    assert.match(readFileSync(join(output, "sitemap.xml"), "utf8"), /<loc>https:\/\/example\.org\/revue\/personnes\/abdellatif-hammouchi\/<\/loc>/);
    assert.match(readFileSync(join(output, "robots.txt"), "utf8"), /Sitemap: https:\/\/example\.org\/revue\/sitemap\.xml/);
    const articles = JSON.parse(readFileSync(join(output, "donnees/articles.json"), "utf8")) as { page: string }[];
    assert.ok(articles.every((a) => a.page.startsWith("https://example.org/revue/articles/")));
  });

  it("follows links from the home page to an actor page and to an article, styles loaded", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(server.url);
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
    const page = await browser.newPage();
    await page.goto(new URL("recherche/", server.url).href);
    await page.locator(".pagefind-ui__search-input").fill("Hammouchi");
    await page.locator(".pagefind-ui__result-link").first().waitFor();
    const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length === 2 && hrefs.every((href) => href?.startsWith("/revue/articles/")), hrefs.join(", "));
    await page.close();
  });
});
