import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { brokenLinks, overBudget, validateHtml } from "../../src/pipeline/site-checks.ts";
import { buildSite } from "../helpers/site.ts";

const ARTICLE_BUDGET = 50 * 1024;

describe("the built site's quality gates", () => {
  let output: string;

  before(async () => {
    ({ output } = await buildSite());
  });

  it("passes html-validate's standard preset on every page", async () => {
    assert.deepEqual(await validateHtml(output), []);
  });

  it("has no broken internal link", () => {
    assert.deepEqual(brokenLinks(output), []);
  });

  it("keeps every article page under 50 KB of HTML and CSS, and every page within its budget", () => {
    const css = statSync(join(output, "assets/style.css")).size;
    for (const file of walkFiles(join(output, "articles")).filter((f) => f.endsWith(".html"))) {
      const size = statSync(file).size + css;
      assert.ok(size < ARTICLE_BUDGET, `${file}: ${size} bytes`);
    }
    assert.deepEqual(overBudget(output), []);
  });

  it("writes well-formed Atom feeds with absolute links", () => {
    const feeds = walkFiles(output).filter((f) => f.endsWith("feed.xml"));
    assert.ok(feeds.length >= 3, "site feed and per-actor feeds");
    for (const file of feeds) {
      const xml = readFileSync(file, "utf8");
      assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.match(xml, /<\/feed>\s*$/);
      for (const href of xml.matchAll(/href="([^"]+)"/g)) assert.match(href[1] ?? "", /^https?:\/\//, file);
      assert.equal((xml.match(/<entry>/g) ?? []).length, (xml.match(/<\/entry>/g) ?? []).length);
    }
  });
});
