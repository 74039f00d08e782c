import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { useBuiltSite } from "../helpers/built-site.ts";
import { PAGE_TYPES } from "./page-types.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");


describe("accessibility (axe-core in Chromium)", () => {
  const site = useBuiltSite();

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`finds no violation on the ${type} page, wide and narrow`, async () => {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
        const page = await site.browser.newPage({ viewport });
        await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
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
