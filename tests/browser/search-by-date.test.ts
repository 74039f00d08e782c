import assert from "node:assert/strict";
import { readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { searchShardCount, searchShardOf } from "../../src/search/shards.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

/**
 * Watch reports alone (the fixture's own articles removed), in several search bundles: dated
 * out of order, at the day, the month or the year, and undated: every report of one shard
 * (a bundle without any dated article) and two more elsewhere.
 */
const REPORTS = 30;
const SHARD_SIZE = 8;
const SHARDS = searchShardCount(REPORTS, SHARD_SIZE);
const addressOf = (n: number) => `/releves/releve-${n}/`;
const undatedShard = searchShardOf(addressOf(0), SHARDS);
const undated = (n: number) => searchShardOf(addressOf(n), SHARDS) === undatedShard || n === 7 || n === 19;
function reportDate(n: number): string | null {
  if (undated(n)) return null;
  // Distinct years, scrambled (11 is prime to 31), some given to the month or the year only.
  const year = 1990 + ((n * 11) % 31);
  return n % 5 === 0 ? `${year}` : n % 5 === 1 ? `${year}-0${1 + (n % 9)}` : `${year}-0${1 + (n % 9)}-1${n % 10}`;
}

function reportsContent(): string {
  const content = fixtureContent();
  rmSync(join(content, "articles"), { recursive: true });
  mkdirSync(join(content, "articles"));
  for (let n = 0; n < REPORTS; n++) {
    const date = reportDate(n);
    writeFileSync(
      join(content, `articles/releve-${n}.md`),
      `---\ntitle: "Relevé de garde ${n}"\n${date ? `date: "${date}"\n` : ""}permalink: ${addressOf(n)}\n---\n\nLa garde ${n} a relevé les compteurs sans incident.\n`,
    );
  }
  return content;
}

describe("the search sorted by date, over several bundles", () => {
  const site = useBuiltSite({ content: reportsContent(), env: { REVUE_SEARCH_SHARD_SIZE: String(SHARD_SIZE) } });

  it("lists every dated result newest first across pages of results, then the undated ones", async () => {
    const bundles = readdirSync(site.output).filter((name) => /^pagefind(-\d+)?$/.test(name));
    assert.ok(bundles.length >= 3, `bundles: ${bundles.join(", ")}`);
    const expectedUndated = Array.from({ length: REPORTS }, (_, n) => n).filter(undated);
    assert.ok(expectedUndated.length >= 3 && expectedUndated.length < REPORTS / 2, `undated: ${expectedUndated.join(", ")}`);

    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
    });
    await page.goto(new URL("recherche/?q=compteurs&tri=date", site.server.url).href);
    const answered = () =>
      page.waitForFunction(() => {
        const status = document.getElementById("search-status");
        return status?.dataset["state"] === "done" && status.dataset["query"] === "compteurs";
      });
    await answered();
    assert.equal(await page.locator(".search-result").count(), 10);
    while (await page.locator("#search-more").isVisible()) {
      await page.locator("#search-more").click();
      await answered();
    }
    const shown = await page.locator(".search-result").evaluateAll((items) =>
      items.map((item) => ({ title: item.querySelector("h2")?.textContent?.trim() ?? "", date: item.querySelector("time")?.getAttribute("datetime") ?? null })),
    );
    assert.equal(shown.length, REPORTS);
    assert.equal(new Set(shown.map((result) => result.title)).size, REPORTS, "each report once");
    const dates = Array.from({ length: REPORTS }, (_, n) => reportDate(n)).filter((date): date is string => date !== null);
    // ISO dates sort as text: « 2004-05 » is after « 2004 », before « 2004-05-12 ».
    const newestFirst = [...dates].sort().reverse();
    assert.deepEqual(
      shown.map((result) => result.date),
      [...newestFirst, ...expectedUndated.map(() => null)],
      shown.map((result) => `${result.date} ${result.title}`).join("\n"),
    );
    assert.deepEqual(
      shown.slice(newestFirst.length).map((result) => result.title).sort(),
      expectedUndated.map((n) => `Relevé de garde ${n}`).sort(),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
