import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { brokenLinks, validateHtml } from "../../src/pipeline/site-checks.ts";
import { importSources } from "../../src/editor/import.ts";
import { useBuiltSite } from "../helpers/built-site.ts";
import { fixtureContent } from "../helpers/content.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Posts brought from Hugo (`aliases`), Jekyll (`redirect_from`) and a WordPress export (its permalinks), in the test knowledge base. */
async function migratedContent(): Promise<string> {
  const content = fixtureContent();
  cpSync(join(ROOT, "tests/fixtures/ecosystem/hugo/content/posts"), join(content, "articles/hugo"), { recursive: true });
  cpSync(join(ROOT, "tests/fixtures/ecosystem/jekyll/_posts"), join(content, "articles/jekyll"), { recursive: true });
  await importSources({ contentDir: content, sources: [join(ROOT, "tests/fixtures/import/wordpress.xml")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
  return content;
}

/** Former path → the article's path (by its file name or `slug:`), as the fixtures ask for them. */
const REDIRECTS: Record<string, string> = {
  // Hugo: `slug = 'conseil-de-gouvernement-surete-nationale'`, in a folder with no year.
  "2023/05/04/conseil-gouvernement/": "/revue/articles/conseil-de-gouvernement-surete-nationale/",
  "posts/conseil-gouvernement-4-mai/": "/revue/articles/conseil-de-gouvernement-surete-nationale/",
  // Jekyll: named 2023-05-04-ambassadeur-a-rabat.md.
  "2023/05/04/ambassadeur/": "/revue/articles/2023/ambassadeur-a-rabat/",
  "actualites/ambassadeur-rabat.html": "/revue/articles/2023/ambassadeur-a-rabat/",
  // WordPress: the post `dgsn-commissariat-fes` of 4 May 2023, imported to articles/2023/2023-05-04-dgsn-commissariat-fes.md.
  "2023/05/04/dgsn-commissariat-fes/": "/revue/articles/2023/dgsn-commissariat-fes/",
};

const fileOf = (path: string) => (path.endsWith("/") ? `${path}index.html` : path);

describe("an archive's former paths, on a site under /revue/", async () => {
  const site = useBuiltSite({ content: await migratedContent(), env: { REVUE_PATH_PREFIX: "/revue/", REVUE_BASE_URL: "https://example.org" }, prefix: "/revue/" });

  it("are small pages sending on to the article with the path prefix: refresh, canonical link, visible link, noindex", () => {
    for (const [from, to] of Object.entries(REDIRECTS)) {
      const page = readFileSync(join(site.output, fileOf(from)), "utf8");
      assert.match(page, new RegExp(`<meta http-equiv="refresh" content="0; url=${to}">`), from);
      assert.match(page, new RegExp(`<link rel="canonical" href="https://example\\.org${to}">`), from);
      assert.match(page, new RegExp(`<a href="${to}">`), from);
      assert.match(page, /<meta name="robots" content="noindex">/, from);
      assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src /, from);
    }
    const sitemap = readFileSync(join(site.output, "sitemap.xml"), "utf8");
    assert.ok(!Object.keys(REDIRECTS).some((from) => sitemap.includes(`/revue/${from}<`)), "no redirect in the sitemap");
  });

  it("are valid HTML, and link to pages that exist", async () => {
    for (const from of Object.keys(REDIRECTS)) assert.ok(existsSync(join(site.output, fileOf(from))), from);
    const problems = await validateHtml(site.output);
    assert.deepEqual(problems.filter((line) => Object.keys(REDIRECTS).some((from) => line.startsWith(fileOf(from)))), []);
    assert.deepEqual(brokenLinks(site.output, "/revue/").filter((link) => Object.keys(REDIRECTS).some((from) => JSON.stringify(link).includes(fileOf(from)))), []);
  });

  it("land the reader on the article in a browser", async () => {
    const page = await site.browser.newPage();
    for (const [from, to] of Object.entries(REDIRECTS)) {
      await page.goto(new URL(from, site.server.url).href);
      await page.waitForURL((url) => url.pathname === to);
      assert.equal(await page.locator("article h1, h1").first().isVisible(), true, from);
    }
    await page.close();
  });
});
