import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { generateCorpus } from "../../scripts/bench/generate-corpus.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { scratchDir } from "../helpers/scratch.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Drawing {
  visible: string[];
  labels: { text: string; left: number; top: number; right: number; bottom: number; px: number }[];
  svg: { left: number; right: number; top: number; bottom: number };
}

/** What a reader sees of the page's visible network drawing: its labels' boxes on screen and their effective font size. */
async function visibleDrawing(page: Page, selector: string): Promise<Drawing> {
  return page.evaluate((selector) => {
    const shown = [...document.querySelectorAll<SVGSVGElement>(selector)].filter((svg) => svg.getClientRects().length > 0);
    const svg = shown[0];
    if (!svg) return { visible: [], labels: [], svg: { left: 0, right: 0, top: 0, bottom: 0 } };
    const scale = svg.getScreenCTM()?.a ?? 0;
    const labels = [...svg.querySelectorAll("text")].map((text) => {
      const box = text.getBoundingClientRect();
      return { text: text.textContent ?? "", left: box.left, top: box.top, right: box.right, bottom: box.bottom, px: parseFloat(getComputedStyle(text).fontSize) * scale };
    });
    const frame = svg.getBoundingClientRect();
    return { visible: shown.map((s) => s.getAttribute("class") ?? ""), labels, svg: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom } };
  }, selector);
}

function checkReadable(drawing: Drawing, where: string): void {
  assert.equal(drawing.visible.length, 1, `${where}: one drawing shown (${drawing.visible.join(", ")})`);
  assert.ok(drawing.labels.length > 0, `${where}: labels drawn`);
  for (const label of drawing.labels) {
    assert.ok(label.px >= 12, `${where}: « ${label.text} » is ${label.px.toFixed(1)} px`);
    const inside = label.left >= drawing.svg.left - 0.5 && label.right <= drawing.svg.right + 0.5 && label.top >= drawing.svg.top - 0.5 && label.bottom <= drawing.svg.bottom + 0.5;
    assert.ok(inside, `${where}: « ${label.text} » is cut by the drawing's edge`);
  }
  const clash: string[] = [];
  const { labels } = drawing;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]] as [Drawing["labels"][number], Drawing["labels"][number]];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) clash.push(`« ${a.text} » / « ${b.text} »`);
    }
  }
  assert.deepEqual(clash, [], `${where}: labels overlap`);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

function networkSuite(name: string, content?: string): void {
  describe(`the actors' network in Chromium (${name})`, () => {
    const site = useBuiltSite(content ? { content } : {});
    const open = async (path: string, viewport: { width: number; height: number }) => {
      const page = await site.browser.newPage({ viewport });
      await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
      return page;
    };

    for (const [label, viewport, drawing] of [["390 px phone", PHONE, "network-phone"], ["1280 px screen", DESKTOP, "network-wide"]] as const) {
      it(`shows the ${drawing} drawing on a ${label}: a key, labels of 12 px or more that do not overlap, no axe violation`, async () => {
        const page = await open("/reseau/", viewport);
        const shown = await visibleDrawing(page, "svg.network");
        assert.deepEqual(shown.visible, [`network ${drawing}`]);
        checkReadable(shown, `network page, ${label}`);
        const legend = await page.locator(".network-legend").innerText();
        assert.match(legend, /Personne/);
        assert.match(legend, /Institution/);
        assert.match(legend, /mêmes articles/);
        assert.ok(await page.locator(".network-legend svg circle.person").isVisible());
        assert.ok(await page.locator(".network-legend svg rect.agency").isVisible());
        // The text alternative: the strongest pairs, as links.
        assert.ok((await page.locator("ol.pairs li a").count()) >= 2);
        // The drawing is never wider than the screen unless it can be scrolled within its own box.
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= viewport.width, `the page is ${pageWidth} px wide`);
        assert.deepEqual(await axeViolations(page), []);
        await page.close();
      });

      it(`draws an actor's companions on the actor's page on a ${label}, readable and accessible`, async () => {
        // The first person the list of strongest pairs names: someone with companions.
        const network = await open("/reseau/", viewport);
        const actorPage = (await network.locator('ol.pairs a[href*="/personnes/"]').first().getAttribute("href")) as string;
        await network.close();
        const page = await open(actorPage, viewport);
        const shown = await visibleDrawing(page, "svg.network-companions");
        checkReadable(shown, `actor page, ${label}`);
        assert.equal(await page.locator("svg.network-companions .self").count(), 1);
        assert.ok((await page.locator("svg.network-companions a.node").count()) >= 1);
        assert.deepEqual(await axeViolations(page), []);
        await page.close();
      });
    }
  });
}

networkSuite("the bundled archive");

// Enough actors to fill the drawings: 60 actors named across 40 generated articles (seeded, so the same every run).
const generated = join(scratchDir("network"), "content");
generateCorpus(generated, { articles: 40, actors: 60 });
networkSuite("a generated archive of 60 actors", generated);
