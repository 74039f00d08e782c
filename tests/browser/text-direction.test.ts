import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureContent } from "../helpers/content.ts";
import { useBuiltSite } from "../helpers/built-site.ts";

const ARABIC_TITLE = "اجتماع أمني في الرباط";

/** The bundled fixture archive (French) with one article in Arabic beside its articles. */
function contentWithArabicArticle(): string {
  const content = fixtureContent();
  const folder = join(content, "articles", "2024");
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, "2024-03-12-ijtima-amni.md"),
    `---\ntitle: ${ARABIC_TITLE}\ndate: 2024-03-12\nsummary: استقبل المدير العام للأمن الوطني وفدا من الشرطة الإسبانية.\n---\n\nاستقبل المدير العام للأمن الوطني وفدا من الشرطة الإسبانية لبحث التعاون في مكافحة الهجرة غير النظامية.\n\nوأكد الجانبان أهمية تعزيز التنسيق الميداني.\n`,
  );
  return content;
}

describe("articles in a script written from the right", () => {
  const site = useBuiltSite({ content: contentWithArabicArticle() });

  it("reads an Arabic article's headline and text from the right, and a French one's from the left, on their pages and in the list", async () => {
    const page = await site.browser.newPage();
    await page.goto(new URL("archives/tous/", site.server.url).href);
    const card = page.locator(".card a", { hasText: ARABIC_TITLE });
    assert.equal(await card.evaluate((a) => getComputedStyle(a).direction), "rtl");
    const frenchCard = page.locator(".card a").filter({ hasNotText: ARABIC_TITLE }).first();
    assert.equal(await frenchCard.evaluate((a) => getComputedStyle(a).direction), "ltr");

    await card.click();
    await page.waitForLoadState("load");
    assert.equal(await page.locator("h1").evaluate((h) => getComputedStyle(h).direction), "rtl");
    assert.equal(await page.locator(".body").evaluate((body) => getComputedStyle(body).direction), "rtl");
    assert.equal(await page.locator(".meta").first().evaluate((meta) => getComputedStyle(meta).direction), "ltr", "the site's own words stay French");

    await page.goto(new URL("archives/tous/", site.server.url).href);
    await frenchCard.click();
    await page.waitForLoadState("load");
    assert.equal(await page.locator(".body").evaluate((body) => getComputedStyle(body).direction), "ltr");
    await page.close();
  });
});
