import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { importSources } from "../../src/editor/import.ts";
import { STRINGS } from "../../src/site/strings.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const { filterPerson, filterInstitution, filterTopic, filterOutlet, filterYear } = STRINGS.fr;

/** Patrol reports: more than a page of results for « patrouille », dated out of order, two undated. */
const PATROLS = 24;
const patrolDate = (n: number) => (n < PATROLS - 2 ? `${2001 + ((n * 7) % 22)}-0${1 + (n % 9)}-1${n % 10}` : null);

/** The fixture archive plus the articles of tests/fixtures/corpus (dated and undated articles, four of them on Hammouchi) and the patrol reports. */
async function corpusContent(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
  mkdirSync(join(content, "articles/patrouilles"), { recursive: true });
  for (let n = 0; n < PATROLS; n++) {
    const date = patrolDate(n);
    writeFileSync(join(content, `articles/patrouilles/patrouille-${n}.md`), `---\ntitle: "Rapport de patrouille ${n}"\n${date ? `date: "${date}"\n` : ""}---\n\nLa patrouille ${n} a sillonné la ville sans incident.\n`);
  }
  return content;
}

const content = await corpusContent();

/** Text as read aloud: runs of spaces (no-break ones included) as one space. */
const spaced = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

describe("the search page", () => {
  const site = useBuiltSite({ content });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const page = await site.browser.newPage({ viewport });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    (page as Page & { errors: string[] }).errors = errors;
    const response = await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  /** Waits until the page shows the whole answer to `query` (its status line says so), and returns that line. */
  async function answered(page: Page, query: string): Promise<string> {
    await page.waitForFunction((query) => {
      const status = document.getElementById("search-status");
      return status?.dataset["state"] === "done" && status.dataset["query"] === query;
    }, query);
    return spaced(await page.locator("#search-status").textContent());
  }

  const titles = async (page: Page) => (await page.locator(".search-result h2").allTextContents()).map(spaced);

  for (const viewport of [PHONE, DESKTOP]) {
    it(`says « Aucun résultat » for names the archive lacks instead of listing prefix matches, at ${viewport.width}px`, async () => {
      const page = await open("/recherche/", viewport);
      for (const name of ["Biden", "Bourita", "Macron"]) {
        await page.locator("#search-input").fill(name);
        assert.equal(await answered(page, name), `Aucun résultat pour « ${name} »`);
        assert.equal(await page.locator(".search-result").count(), 0, name);
        assert.equal(await page.locator(".search-filter").count(), 0, `${name}: no filter value keeps a result`);
      }
      // A word the archive holds still finds its articles, and only its own words are marked.
      await page.locator("#search-input").fill("Béziers");
      assert.equal(await answered(page, "Béziers"), "1 résultat pour « Béziers »");
      const marked = (await page.locator(".search-excerpt mark").allTextContents()).map((text) => text.toLowerCase());
      assert.ok(marked.length > 0 && marked.every((text) => text.includes("béziers")), marked.join(", "));
      assert.deepEqual((page as Page & { errors: string[] }).errors, []);
      await page.close();
    });

    it(`offers the archive's spelling of a misspelt name, and runs it, at ${viewport.width}px`, async () => {
      const page = await open("/recherche/", viewport);
      await page.locator("#search-input").fill("Hamouchi");
      await page.locator("#search-input").press("Enter");
      assert.equal(await answered(page, "Hamouchi"), "Aucun résultat pour « Hamouchi »");
      assert.equal(spaced(await page.locator("#search-suggestion").textContent()), "Vouliez-vous dire « Hammouchi » ?");
      await page.locator("#search-suggestion a").click();
      assert.equal(await answered(page, "Hammouchi"), "4 résultats pour « Hammouchi »");
      assert.equal(new URL(page.url()).searchParams.get("q"), "Hammouchi");
      assert.ok(await page.locator("#search-suggestion").isHidden());
      // Back returns to the misspelt search.
      await page.goBack();
      assert.equal(await answered(page, "Hamouchi"), "Aucun résultat pour « Hamouchi »");
      assert.equal(await page.locator("#search-input").inputValue(), "Hamouchi");
      await page.close();
    });

    it(`splits the actors into people and institutions, sorted, without empty values, at ${viewport.width}px`, async () => {
      const page = await open("/recherche/?q=Hammouchi", viewport);
      await answered(page, "Hammouchi");
      const groups = await page.locator(".search-filter").evaluateAll((nodes) => nodes.map((node) => ({ name: (node as HTMLElement).dataset["filter"], open: (node as HTMLDetailsElement).open })));
      assert.deepEqual(groups.map((group) => group.name), [filterPerson, filterInstitution, filterTopic, filterOutlet, filterYear]);
      // Collapsed on a phone, where the first result must show without scrolling; open on a wide screen.
      assert.ok(groups.every((group) => group.open === (viewport.width >= 768)), JSON.stringify(groups));
      const first = await page.locator(".search-result h2 a").first().boundingBox();
      assert.ok(first && first.y + first.height <= viewport.height, `first result at ${first?.y}px`);
      const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
      for (const name of [filterPerson, filterInstitution, filterTopic, filterOutlet]) {
        const values = await page.locator(`.search-filter[data-filter="${name}"] input`).evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
        assert.deepEqual(values, [...values].sort(collator.compare), name);
      }
      const counts = await page.locator(".search-count").allTextContents();
      assert.ok(counts.length > 0 && counts.every((count) => /^\((?!0\))\d+\)$/.test(count)), counts.join(" "));
      const people = await page.locator(`.search-filter[data-filter="${filterPerson}"] input`).evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
      assert.ok(people.includes("Abdellatif Hammouchi") && !people.includes("Direction générale de la sûreté nationale"), people.join(", "));
      await page.close();
    });
  }

  it("runs the search in the address on load, keeps filters there, and Back returns to the previous search", async () => {
    const page = await open(`/recherche/?q=Hammouchi&${encodeURIComponent(filterOutlet)}=Bladi.net`);
    assert.equal(await answered(page, "Hammouchi"), "1 résultat pour « Hammouchi »");
    assert.equal(await page.locator("#search-input").inputValue(), "Hammouchi");
    assert.deepEqual(await titles(page), ["Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis"]);
    assert.ok(await page.getByLabel("Bladi.net (1)").isChecked());
    // Unchecking the filter is a new entry in the history.
    await page.getByLabel("Bladi.net (1)").uncheck();
    assert.equal(await answered(page, "Hammouchi"), "4 résultats pour « Hammouchi »");
    assert.equal(new URL(page.url()).searchParams.get(filterOutlet), null);
    await page.locator("#search-input").fill("Doha");
    await page.locator("#search-input").press("Enter");
    assert.equal(await answered(page, "Doha"), "1 résultat pour « Doha »");
    assert.equal(new URL(page.url()).search, "?q=Doha");
    await page.goBack();
    assert.equal(await answered(page, "Hammouchi"), "4 résultats pour « Hammouchi »");
    await page.goBack();
    assert.equal(await answered(page, "Hammouchi"), "1 résultat pour « Hammouchi »");
    assert.ok(await page.getByLabel("Bladi.net (1)").isChecked());
    // A result's link leaves the page; Back comes back to the same search.
    await page.locator(".search-result h2 a").first().click();
    await page.waitForURL(/\/articles\//);
    await page.goBack();
    assert.equal(await answered(page, "Hammouchi"), "1 résultat pour « Hammouchi »");
    await page.close();
  });

  it("runs the search the header's field sends from any page", async () => {
    const page = await open("/");
    const field = page.locator(".site-header input[name=q]");
    await field.fill("Doha");
    await field.press("Enter");
    assert.equal(await answered(page, "Doha"), "1 résultat pour « Doha »");
    await page.close();
  });

  it("shows each result's date and outlet, and sorts by date, newest first, the undated last", async () => {
    const page = await open("/recherche/?q=Hammouchi");
    await answered(page, "Hammouchi");
    const byRelevance = await titles(page);
    const details = (await page.locator(".search-result-meta").allTextContents()).map(spaced);
    assert.ok(details.includes("26 septembre 2020 · Bladi.net"), details.join(" / "));
    await page.locator("#search-sort").selectOption("date");
    await answered(page, "Hammouchi");
    assert.equal(new URL(page.url()).searchParams.get("tri"), "date");
    const byDate = await titles(page);
    assert.deepEqual([...byDate].sort(), [...byRelevance].sort(), "the same results");
    const dates = await page.locator(".search-result").evaluateAll((items) => items.map((item) => item.querySelector("time")?.getAttribute("datetime") ?? ""));
    const dated = dates.filter(Boolean);
    assert.ok(dated.length >= 2, dates.join(", "));
    assert.deepEqual(dates, [...dated].sort().reverse().concat(dates.filter((date) => !date)), dates.join(", "));
    await page.close();
  });

  it("shows ten results at a time and more on demand, in date order across pages", async () => {
    const page = await open("/recherche/?q=patrouille&tri=date");
    assert.equal(await answered(page, "patrouille"), `${PATROLS} résultats pour « patrouille »`);
    assert.equal(await page.locator(".search-result").count(), 10);
    for (const shown of [20, PATROLS]) {
      await page.locator("#search-more").click();
      assert.equal(await answered(page, "patrouille"), `${PATROLS} résultats pour « patrouille »`);
      assert.equal(await page.locator(".search-result").count(), shown);
    }
    assert.ok(await page.locator("#search-more").isHidden());
    const dates = await page.locator(".search-result").evaluateAll((items) => items.map((item) => item.querySelector("time")?.getAttribute("datetime") ?? null));
    const expected = Array.from({ length: PATROLS }, (_, n) => patrolDate(n));
    const dated = expected.filter((date): date is string => date !== null).sort().reverse();
    assert.deepEqual(dates, [...dated, null, null]);
    await page.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`finds no accessibility violation with results and filters shown, at ${viewport.width}px`, async () => {
      const page = await open("/recherche/?q=Hamouchi", viewport);
      await answered(page, "Hamouchi");
      await page.locator("#search-suggestion a").click();
      await answered(page, "Hammouchi");
      await page.locator(".search-filter summary").first().click();
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      });
      assert.deepEqual(violations, []);
      await page.close();
    });
  }
});
