import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useBuiltSite } from "../helpers/built-site.ts";

describe("a reader browsing the bundled archive", () => {
  const site = useBuiltSite();

  it("goes from the home page to an article, then to Abdellatif Hammouchi's page listing both seed articles", async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(site.server.url);
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
