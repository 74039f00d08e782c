import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildSite } from "../helpers/site.ts";
import { PAGE_TYPES } from "./page-types.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");


describe("accessibility (axe-core in Chromium)", () => {
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

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`finds no violation on the ${type} page, wide and narrow`, async () => {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
        const page = await browser.newPage({ viewport });
        await page.goto(new URL(path.replace(/^\//, ""), server.url).href);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
        });
        assert.deepEqual(violations, [], `${type} at ${viewport.width}px`);
        await page.close();
      }
    });
  }
});
