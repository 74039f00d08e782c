import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

// The article of tests/fixtures/hostile/articles/unsafe-text/every-field.md: every text field is markup.
const TITLE = `<img src=x onerror="alert('titre')"> Titre piégé "><script>alert('titre')</script>`;
const OUTLET = `<meta http-equiv="refresh" content="0;url=https://evil.example/">`;
const PEOPLE = [`<a href="https://evil.example/login">Votre session a expiré, reconnectez-vous</a>`, `"><img src=x onerror=alert('personne')>`];
const AGENCY = `<script>alert('institution')</script>`;
const TOPIC = `<iframe src="https://evil.example/"></iframe>`;
const PLACE = `<svg onload=alert('lieu')>`;
const SUMMARY = `<b onmouseover=alert('résumé')>Résumé piégé</b> </textarea><script>alert('résumé')</script>`;
const NAMES = [...PEOPLE, AGENCY, TOPIC, PLACE];

/** The fixture content with the unsafe-text sources of the hostile corpus. */
function content(): string {
  const dir = fixtureContent();
  cpSync(join(import.meta.dirname, "../fixtures/hostile/articles/unsafe-text"), join(dir, "articles/unsafe-text"), { recursive: true });
  return dir;
}

/** What a payload could do that a page must never do: markup of its own in the page. */
const PLANTED = [
  "[onerror]",
  "[onload]",
  "[onmouseover]",
  "script:not([src]):not([type='application/ld+json'])",
  "iframe",
  "meta[http-equiv=refresh i]",
  "a[href*='evil.example']",
  "a[href^='javascript:' i]",
  "a[href^='data:' i]",
  "a[href^='vbscript:' i]",
  "b",
  "textarea",
].join(", ");

describe("a source's text, whatever markup it holds, in a browser", () => {
  const site = useBuiltSite({ content: content() });
  const origin = () => new URL(site.server.url).origin;

  /**
   * A page with the Content-Security-Policy bypassed, so escaping alone must keep the
   * payloads inert: dialogs (every payload calls alert), errors, requests to another origin
   * and navigations are recorded.
   */
  async function watched(): Promise<{ context: BrowserContext; page: Page; seen: { dialogs: string[]; errors: string[]; outside: string[]; navigations: string[] } }> {
    const context = await site.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const seen = { dialogs: [] as string[], errors: [] as string[], outside: [] as string[], navigations: [] as string[] };
    page.on("dialog", (dialog) => {
      seen.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => seen.errors.push(error.message));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) seen.navigations.push(frame.url());
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin())) return route.continue();
      seen.outside.push(url);
      return route.abort();
    });
    return { context, page, seen };
  }

  async function assertInert(page: Page, seen: Awaited<ReturnType<typeof watched>>["seen"], where: string, url: string): Promise<void> {
    // A refresh of 0 seconds fires right after the load.
    await page.waitForTimeout(150);
    assert.deepEqual(seen.dialogs, [], `${where}: dialogs`);
    assert.deepEqual(seen.errors, [], `${where}: errors`);
    assert.deepEqual(seen.outside, [], `${where}: requests to another origin`);
    assert.deepEqual(seen.navigations, [url], `${where}: navigations`);
    const planted = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((element) => element.outerHTML.slice(0, 120)), PLANTED);
    assert.deepEqual(planted, [], `${where}: elements from a source`);
  }

  it("shows every text as text on every page, and runs, loads and opens nothing", async () => {
    const pages = walkFiles(site.output)
      .filter((file) => file.endsWith(".html"))
      .map((file) => file.slice(site.output.length + 1).replace(/index\.html$/, ""));
    assert.ok(pages.length >= 30, `${pages.length} pages`);
    const article = pages.find((path) => path === "articles/every-field/");
    assert.ok(article, "the article of every-field.md is published");
    const { context, page, seen } = await watched();
    for (const path of pages) {
      for (const list of Object.values(seen)) list.length = 0;
      const url = new URL(path, site.server.url).href;
      await page.goto(url);
      if (path === article) {
        assert.equal((await page.locator("h1").textContent())?.trim(), TITLE);
        assert.ok((await page.title()).startsWith(TITLE), await page.title());
        assert.equal(await page.locator("meta[name=description]").getAttribute("content"), SUMMARY);
        assert.equal((await page.locator(".article .meta a").textContent())?.trim(), OUTLET);
        const tags = (await page.locator(".tags a").allTextContents()).map((text) => text.trim());
        for (const name of NAMES) assert.ok(tags.includes(name), `${name} in ${tags.join(" / ")}`);
        assert.equal(await page.locator(".source a").count(), 0, "no link to a javascript: original");
        const jsonLd = JSON.parse((await page.locator("script[type='application/ld+json']").textContent()) ?? "");
        assert.equal(jsonLd.headline, TITLE);
        assert.equal(jsonLd.publisher.name, OUTLET);
        assert.equal(jsonLd.isBasedOn, undefined);
        await page.locator(".body p").first().hover();
      }
      const heading = (await page.locator("h1").first().textContent())?.trim() ?? "";
      if (/^(personnes|institutions|sujets|lieux|medias)\/[^/]+\/$/.test(path) && heading.includes("<")) assert.ok([...NAMES, OUTLET].includes(heading), `${path}: ${heading}`);
      await assertInert(page, seen, path, url);
    }
    await context.close();
  });

  it("lists the names on the term pages as text", async () => {
    const { context, page, seen } = await watched();
    const url = new URL("personnes/", site.server.url).href;
    await page.goto(url);
    const names = (await page.locator(".terms a").allTextContents()).map((text) => text.trim());
    for (const name of PEOPLE) assert.ok(names.includes(name), `${name} in ${names.join(" / ")}`);
    await assertInert(page, seen, "personnes/", url);
    await context.close();
  });

  it("shows results and filters as text on the search page, and filters by a name that looks like markup", async () => {
    const { context, page, seen } = await watched();
    const url = new URL("recherche/", site.server.url).href;
    await page.goto(url);
    // The page keeps its search in its address (history.replaceState, pushState): those
    // same-page entries are its own, any other navigation is not.
    const answered = async (query: string) => {
      await page.waitForFunction((query) => {
        const status = document.getElementById("search-status");
        return status?.dataset["state"] === "done" && status.dataset["query"] === query;
      }, query, { timeout: 15_000 }).catch(() => {});
      seen.navigations = seen.navigations.filter((visited) => visited === url || !visited.startsWith(`${url}?`));
    };
    await page.locator("#search-input").fill("piégé");
    // A filter printed as markup navigates away or runs a script: what was seen says so before a timeout would.
    await answered("piégé");
    assert.deepEqual([seen.dialogs, seen.outside, seen.navigations], [[], [], [url]], "recherche/: dialogs, requests to another origin, navigations");
    const titles = (await page.locator(".search-result h2").allTextContents()).map((text) => text.trim());
    assert.ok(titles.includes(TITLE), titles.join(" / "));
    for (const group of await page.locator(".search-filter:not([open]) summary").all()) await group.click();
    // Each value's label: a checkbox, the value as text, its count.
    const labels = await page.locator(".search-filter label").evaluateAll((nodes) => nodes.map((node) => ({ text: node.textContent?.trim() ?? "", elements: [...node.querySelectorAll("*")].map((element) => element.tagName.toLowerCase()) })));
    for (const name of [...PEOPLE, AGENCY, TOPIC, OUTLET]) assert.ok(labels.some((label) => label.text === `${name} (1)`), `${name} in ${labels.map((label) => label.text).join(" / ")}`);
    assert.ok(labels.every((label) => label.elements.join(" ") === "input span"), "no element of a value's own inside a filter's label");
    await assertInert(page, seen, "recherche/", url);

    // Filtering by the outlet's escaped value keeps the article, and only it.
    await page.locator("#search-input").fill("paragraphe");
    await answered("paragraphe");
    assert.ok((await page.locator(".search-result").count()) > 1);
    await page.getByLabel(`${OUTLET} (1)`, { exact: true }).check();
    await answered("paragraphe");
    assert.deepEqual((await page.locator(".search-result h2").allTextContents()).map((text) => text.trim()), [TITLE]);
    await assertInert(page, seen, "recherche/ filtered", url);
    await context.close();
  });

  it("serves well-formed feeds and data that run nothing", async () => {
    const files = walkFiles(site.output)
      .filter((file) => file.endsWith(".xml"))
      .map((file) => file.slice(site.output.length + 1));
    assert.ok(files.length >= 5, files.join(", "));
    const { context, page, seen } = await watched();
    for (const path of [...files, "donnees/articles.json", "donnees/acteurs.json"]) {
      for (const list of Object.values(seen)) list.length = 0;
      const url = new URL(path, site.server.url).href;
      await page.goto(url);
      // Chromium shows an XML file it cannot parse with a <parsererror> element.
      assert.equal(await page.locator("parsererror").count(), 0, `${path} is well-formed`);
      await assertInert(page, seen, path, url);
    }
    await context.close();
  });
});
