import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { useBuiltSite } from "../helpers/built-site.ts";
import { inTurn } from "../helpers/in-turn.ts";
import { IMAGE_ARTICLE, pagesContent, UNDATED_ARTICLE } from "../helpers/pages-content.ts";
import { PAGE_TYPES } from "./page-types.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];
/** Every page type, with those only this content has. */
const PAGES: Record<string, string> = { ...PAGE_TYPES, "undated archive": "/archives/sans-date/", "article with an image": IMAGE_ARTICLE, "undated article": UNDATED_ARTICLE };
/** Set to a folder to keep a screenshot of every page type at both widths, light and dark. */
const SHOTS = process.env["REVUE_SHOTS"];

async function contrastViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ["color-contrast"], resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("every page type on a phone and a desktop", () => {
  const site = useBuiltSite({ content: pagesContent() });
  const open = async (path: string, viewport: (typeof WIDTHS)[number], colorScheme: "light" | "dark" = "light") => {
    const page = await site.browser.newPage({ viewport, colorScheme });
    const response = await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
    return { page, status: response?.status() };
  };

  it("shows the search field in the header on the brand's line, without sideways scrolling, and AA contrast in light and dark", async () => {
    const views = Object.entries(PAGES).flatMap(([type, path]) => WIDTHS.flatMap((viewport) => (["light", "dark"] as const).map((colorScheme) => ({ type, path, viewport, colorScheme }))));
    // A few pages at a time: each waits on the browser's processes as much as it works.
    await inTurn(views, 3, async ({ type, path, viewport, colorScheme }) => {
      const { page, status } = await open(path, viewport, colorScheme);
      assert.equal(status, 200, type);
      // Functions given to the page are written without named helpers: the test runner's compiler would name them with a helper the page lacks.
      const layout = {
        ...(await page.evaluate(() => ({ overflow: document.documentElement.scrollWidth - window.innerWidth, background: getComputedStyle(document.body).backgroundColor }))),
        input: await page.locator(".site-search input").boundingBox(),
        brand: await page.locator(".brand").boundingBox(),
        h1: await page.locator("main h1").first().boundingBox(),
      };
      const where = `${type} at ${viewport.width}px, ${colorScheme}`;
      assert.ok(layout.overflow <= 0, `${where}: ${layout.overflow}px wider than the screen`);
      assert.ok(layout.input && layout.brand && layout.input.width >= 120, `${where}: search field ${layout.input?.width}px wide`);
      assert.ok(Math.abs(layout.input.y + layout.input.height / 2 - (layout.brand.y + layout.brand.height / 2)) < 12, `${where}: search field beside the brand`);
      assert.ok(layout.input.x + layout.input.width <= viewport.width, `${where}: search field inside the screen`);
      if (type !== "search") assert.ok(layout.h1 && layout.h1.y < (viewport.width < 500 ? 260 : 200), `${where}: the page's heading starts at ${layout.h1?.y}px`);
      assert.equal(layout.background, colorScheme === "dark" ? "rgb(22, 22, 26)" : "rgb(253, 252, 249)", where);
      assert.deepEqual(await contrastViolations(page), [], where);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${type.replace(/\W+/g, "-")}-${viewport.width}-${colorScheme}.png`), fullPage: true });
      }
      await page.close();
    });
  });

  it("sends the header's search to the search page as ?q=, from a phone", async () => {
    const { page } = await open(IMAGE_ARTICLE, WIDTHS[0] as (typeof WIDTHS)[number]);
    await page.getByRole("searchbox", { name: "Rechercher dans l’archive" }).fill("Le Drian");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/recherche\/\?q=Le\+Drian$/);
    await page.close();
  });

  it("leads from the home page to every index, to all the articles and to the undated ones", async () => {
    const { page } = await open("/", WIDTHS[0] as (typeof WIDTHS)[number]);
    const navigation = await page.locator(".site-header nav a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    for (const url of ["/", "/archives/tous/", "/personnes/", "/institutions/", "/sujets/", "/lieux/", "/medias/", "/archives/"]) assert.ok(navigation.includes(url), `${url} in ${navigation.join(" ")}`);
    await page.getByRole("link", { name: "Voir tout — Lieux" }).click();
    await page.waitForURL(/\/lieux\/$/);
    assert.equal(await page.locator("h1").textContent(), "Lieux");
    await page.goBack();
    await page.getByRole("link", { name: "Tous les articles" }).click();
    await page.waitForURL(/\/archives\/tous\/$/);
    const titles = await page.locator(".article-list h2 a").allTextContents();
    assert.equal(titles[0], "Rencontre à Bruxelles sur la coopération");
    assert.equal(titles.at(-1), "Note de la rédaction sur la sécurité routière");
    await page.goto(new URL("archives/", site.server.url).href);
    await page.getByRole("link", { name: "Articles non datés" }).click();
    await page.waitForURL(/\/archives\/sans-date\/$/);
    assert.equal(await page.locator("h1").textContent(), "Articles non datés");
    await page.close();
  });

  it("prints an article black on white, without the site's chrome, with the addresses of its outside links", async () => {
    const { page } = await open(IMAGE_ARTICLE, WIDTHS[1] as (typeof WIDTHS)[number], "dark");
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    const printed = await page.evaluate(() => ({
      chrome: ["nav", ".site-search", ".site-footer", ".related"].filter((selector) => [...document.querySelectorAll(selector)].some((element) => getComputedStyle(element).display !== "none")),
      after: getComputedStyle(document.querySelector('.article .body a[href^="https://www.example.org/"]') as Element, "::after").content,
      colors: [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor],
    }));
    assert.deepEqual(printed, { chrome: [], after: '" (https://www.example.org/communique)"', colors: ["rgb(0, 0, 0)", "rgb(255, 255, 255)"] });
    if (SHOTS) await page.pdf({ path: join(SHOTS, "article-print.pdf") });
    await page.close();
  });
});
