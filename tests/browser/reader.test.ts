import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { STRINGS } from "../../src/site/strings.ts";
import { useBuiltSite } from "../helpers/built-site.ts";

const SEED_TITLES = ["Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis", "A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités"];

describe("the reader's archive in a browser", () => {
  const site = useBuiltSite({ env: { REVUE_PER_PAGE: "1" } });

  async function open(path: string): Promise<Page> {
    const page = await site.browser.newPage();
    const response = await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  /** Waits until the search page shows its whole answer to `query` (its status line's signal), never on results still loading. */
  const answered = (page: Page, query: string) =>
    page.waitForFunction((query) => {
      const status = document.getElementById("search-status");
      return status?.dataset["state"] === "done" && status.dataset["query"] === query;
    }, query);
  const resultTitles = async (page: Page) => (await page.locator(".search-result h2").allTextContents()).map((t) => t.trim());

  it("finds both seed articles when searching for Hammouchi, and filters them by outlet", async () => {
    const page = await open("/recherche/");
    await page.locator("#search-input").fill("Hammouchi");
    await answered(page, "Hammouchi");
    assert.deepEqual([...(await resultTitles(page))].sort(), [...SEED_TITLES].sort());

    const outlets = page.locator(`.search-filter[data-filter="${STRINGS.fr.filterOutlet}"]`);
    if (!(await outlets.evaluate((group) => (group as HTMLDetailsElement).open))) await outlets.locator("summary").click();
    await page.getByLabel(/Bladi\.net/).check();
    await answered(page, "Hammouchi");
    assert.deepEqual(await resultTitles(page), [SEED_TITLES[0]]);
    await page.close();
  });

  it("finds a word after an elided article: 'ambassadeur' in « l’ambassadeur », 'Oncle' in « l’Oncle Sam »", async () => {
    const page = await open("/recherche/");
    const search = async (query: string) => {
      await page.locator("#search-input").fill(query);
      await answered(page, query);
      return {
        titles: await resultTitles(page),
        marked: (await page.locator(".search-excerpt mark").allTextContents()).map((t) => t.toLowerCase()),
      };
    };
    const ambassador = await search("ambassadeurs");
    assert.deepEqual(ambassador.titles, [SEED_TITLES[0]]);
    assert.ok(ambassador.marked.length > 0 && ambassador.marked.every((word) => word.includes("ambassad")), ambassador.marked.join(", "));
    assert.deepEqual((await search("Oncle")).titles, [SEED_TITLES[1]]);
    await page.close();
  });

  it("offers every filter group after a search typed while the filters were still loading", async () => {
    const page = await site.browser.newPage();
    // The first filter chunk arrives at once, the words' index after it, the other filter chunks
    // last: a search that ran with only the first would count results under its filter alone,
    // and the interface kept those groups.
    const late = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let filterRequests = 0;
    await page.route("**/*.pf_filter", async (route) => {
      if (filterRequests++ > 0) await late(3000);
      await route.continue();
    });
    await page.route("**/*.pf_index", async (route) => {
      await late(1000);
      await route.continue();
    });
    await page.goto(new URL("recherche/", site.server.url).href);
    await page.locator("#search-input").fill("Hammouchi");
    await answered(page, "Hammouchi");
    assert.ok(filterRequests > 1, "the index has several filter chunks");
    const groups = await page.locator(".search-filter").evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset["filter"]));
    const { filterPerson, filterInstitution, filterTopic, filterOutlet, filterYear } = STRINGS.fr;
    assert.deepEqual(groups, [filterPerson, filterInstitution, filterTopic, filterOutlet, filterYear]);
    await page.close();
  });

  it("paginates an actor's articles with numbered pages", async () => {
    const page = await open("/personnes/abdellatif-hammouchi/");
    const pager = page.getByRole("navigation", { name: "Pagination" });
    assert.equal(await pager.getByRole("link", { name: "1" }).getAttribute("aria-current"), "page");
    await pager.getByRole("link", { name: "2" }).click();
    await page.waitForURL(/\/personnes\/abdellatif-hammouchi\/page\/2\/$/);
    assert.equal(await page.locator(".article-list h3 a").count(), 1);
    assert.ok(await page.getByRole("link", { name: "Précédent" }).isVisible());
    await page.close();
  });

  it("links an actor's Atom feed, and the feed lists the actor's articles", async () => {
    const page = await open("/personnes/abdellatif-hammouchi/");
    const href = await page.locator('link[rel="alternate"][type="application/atom+xml"][title*="Hammouchi"]').getAttribute("href");
    assert.equal(href, "/personnes/abdellatif-hammouchi/feed.xml");
    assert.ok(await page.locator("svg.timeline").isVisible(), "coverage timeline");
    const feed = await (await fetch(new URL(href.slice(1), site.server.url))).text();
    assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    for (const title of SEED_TITLES) assert.ok(feed.includes(`<title>${title}</title>`), title);
    await page.close();
  });

  it("links the Hammouchi page from each article's text and carries NewsArticle JSON-LD", async () => {
    for (const path of ["/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/", "/articles/2022/a-hammouchi-chez-l-oncle-sam-cooperation-securitaire-et-plus-si-affinites/"]) {
      const page = await open(path);
      assert.equal(await page.locator('.body a.mention[href="/personnes/abdellatif-hammouchi/"]').count(), 1, path);
      const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
      assert.equal(data["@type"], "NewsArticle");
      assert.ok(SEED_TITLES.includes(data.headline));
      assert.ok(data.mentions.some((m: { "@type": string; name: string }) => m["@type"] === "Person" && m.name === "Abdellatif Hammouchi"));
      assert.ok(data.publisher.name);
      await page.close();
    }
  });

  it("serves the open data, the sitemap, robots.txt and a 404 page", async () => {
    const articles = JSON.parse(readFileSync(join(site.output, "donnees/articles.json"), "utf8"));
    assert.equal(articles.length, 2);
    assert.match(readFileSync(join(site.output, "donnees/acteurs.csv"), "utf8"), /^id,kind,name,acronym,aliases,country,description,articles\r\n/);
    assert.match(readFileSync(join(site.output, "sitemap.xml"), "utf8"), /<loc>http[^<]+\/personnes\/abdellatif-hammouchi\/<\/loc>/);
    assert.match(readFileSync(join(site.output, "robots.txt"), "utf8"), /Sitemap: .+sitemap\.xml/);
    const page = await site.browser.newPage();
    const response = await page.goto(new URL("nulle-part/", site.server.url).href);
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator("h1").textContent(), "Page introuvable");
    await page.close();
  });
});
