import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { fixtureContent } from "../helpers/content.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildSite } from "../helpers/site.ts";

const ARTICLE = "articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/";

/** A page of another origin (another port) that frames a page of the site. */
async function framer(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Autre site</title><p>Cliquez ici pour gagner</p><iframe id="cadre" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("a page framed by another site, on a host that sends no headers (GitHub Pages)", () => {
  let browser: Browser;
  let site: StaticServer;
  let other: Awaited<ReturnType<typeof framer>>;

  before(async () => {
    const { output } = await buildSite(fixtureContent());
    // The host ignores `_headers`: no frame-ancestors header protects the pages.
    rmSync(join(output, "_headers"));
    site = await serveStatic(output);
    other = await framer(new URL(ARTICLE, site.url).href);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await other?.close();
    await site?.close();
  });

  it("is not shown in the frame: its content is hidden, or the page leaves the frame", async () => {
    const page = await browser.newPage();
    await page.goto(other.url);
    const frame = page.frames().find((f) => f.url().includes(ARTICLE));
    await page.waitForLoadState("networkidle");
    if (page.url().includes(ARTICLE)) return page.close(); // it left the frame
    assert.ok(frame, "the article is in the frame");
    await frame.locator("html.framed").waitFor({ state: "attached" });
    assert.equal(await frame.locator("main").isVisible(), false, "the article is hidden in the frame");
    assert.equal(await frame.locator("h1").isVisible(), false);
    // Only a link that opens it outside the frame.
    const link = frame.locator(".framed-notice a");
    assert.equal(await link.isVisible(), true);
    assert.equal(await link.getAttribute("target"), "_top");
    await link.click();
    await page.waitForURL((url) => url.href.includes(ARTICLE));
    assert.equal(await page.locator("main h1").isVisible(), true, "the link opens the article on its own");
    await page.close();
  });

  it("is shown as always on its own, with or without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(new URL(ARTICLE, site.url).href);
      assert.equal(await page.locator("main h1").isVisible(), true, `JavaScript ${javaScriptEnabled ? "on" : "off"}`);
      assert.equal(await page.locator(".framed-notice").isVisible(), false);
      assert.equal(await page.locator("html.framed").count(), 0);
      await context.close();
    }
  });
});
