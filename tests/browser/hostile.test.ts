import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { hostileContent } from "../helpers/hostile.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { inTurn } from "../helpers/in-turn.ts";

describe("the hostile articles in a browser", () => {
  const site = useBuiltSite({ content: hostileContent() });

  const pages = (): string[] =>
    walkFiles(join(site.output, "articles"))
      .filter((f) => f.endsWith("index.html"))
      .map((f) => f.slice(site.output.length + 1).replace(/index\.html$/, ""));

  it("opens every published hostile article with no script run and no request leaving the site", async () => {
    assert.ok(pages().length >= 15, `${pages().length} article pages`);
    const origin = new URL(site.server.url).origin;
    // A page waits for the network to be idle: a few are opened at once.
    await inTurn(pages(), 4, async (path) => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      const outside: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(new URL(path, site.server.url).href);
      await page.waitForLoadState("networkidle");
      // Hovering what an attacker would hide handlers on (a page listing articles that shared an address has no body).
      const paragraph = page.locator(".body p").first();
      if (await paragraph.count()) await paragraph.hover();
      assert.deepEqual(dialogs, [], path);
      assert.deepEqual(errors, [], path);
      assert.deepEqual(outside, [], path);
      await context.close();
    });
  });
});
