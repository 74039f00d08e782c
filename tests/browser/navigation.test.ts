import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildSite } from "../helpers/site.ts";

describe("a reader browsing the bundled archive", () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const { output } = await buildSite();
    server = await serveStatic(output);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("goes from the home page to an article, then to Abdellatif Hammouchi's page listing both seed articles", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByRole("link", { name: "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis" }).first().click();
    await page.waitForURL(/\/articles\/2020\//);
    assert.equal(await page.locator("h1").textContent(), "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");

    await page.locator("section.tags").getByRole("link", { name: "Abdellatif Hammouchi", exact: true }).click();
    await page.waitForURL(/\/personnes\/abdellatif-hammouchi\/$/);
    assert.equal(await page.locator("h1").textContent(), "Abdellatif Hammouchi");
    const titles = await page.locator(".article-list h3 a").allTextContents();
    assert.ok(titles.includes("Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis"), titles.join(" | "));
    assert.ok(titles.includes("A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités"), titles.join(" | "));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
