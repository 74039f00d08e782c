import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { useBuiltSite } from "../helpers/built-site.ts";
import { PAGE_TYPES } from "./page-types.ts";

/** Records CSP violations and console errors of a page. */
async function watch(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    (window as unknown as { __violations: string[] }).__violations = [];
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  return { page, problems };
}

// The pages wait for the network to be idle: a few are loaded at once.
describe("pages under the strict Content-Security-Policy", { concurrency: 4 }, () => {
  const site = useBuiltSite();

  it("sends the policy as a header and as a <meta>", async () => {
    const response = await fetch(site.server.url);
    assert.match(response.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.match(await response.text(), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  });

  it("gives in <meta> what a host without headers cannot send, and guards against framing before the body", async () => {
    const text = await (await fetch(site.server.url)).text();
    const head = text.slice(0, text.indexOf("<body>"));
    assert.match(head, /<meta name="referrer" content="strict-origin-when-cross-origin">/);
    assert.match(head, /<script src="\/assets\/frame-guard\.js"><\/script>/, "a blocking script of the site's own, in the head");
    // frame-ancestors works only as a header: in a <meta> browsers ignore it and log an error.
    assert.doesNotMatch(head, /frame-ancestors/);
    assert.match(text, /<p class="framed-notice" hidden><a href="\/" target="_top">/);
  });

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`loads the ${type} page without a violation`, async () => {
      const { page, problems } = await watch(site.browser);
      const response = await page.goto(new URL(path.replace(/^\//, ""), site.server.url).href);
      assert.ok(response && (response.status() === 200 || path.includes("404")));
      await page.waitForLoadState("networkidle");
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      assert.deepEqual(violations, []);
      assert.deepEqual(problems.filter((p) => !p.includes("404")), []);
      await page.close();
    });
  }

  it("runs the search under the policy", async () => {
    const { page, problems } = await watch(site.browser);
    await page.goto(new URL("recherche/", site.server.url).href);
    await page.locator("#search-input").fill("Hammouchi");
    await page.waitForFunction(() => {
      const status = document.getElementById("search-status");
      return status?.dataset["state"] === "done" && status.dataset["query"] === "Hammouchi";
    });
    assert.equal(await page.locator(".search-result").count(), 2);
    // A search without result fetches the vocabulary its suggestion comes from.
    await page.locator("#search-input").fill("Hamouchi");
    await page.waitForFunction(() => document.getElementById("search-status")?.dataset["query"] === "Hamouchi" && document.getElementById("search-status")?.dataset["state"] === "done");
    assert.equal(await page.locator("#search-suggestion a").textContent(), "Hammouchi");
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
