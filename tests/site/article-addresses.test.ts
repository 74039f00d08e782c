import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive, type Archive } from "../../src/pipeline/build-archive.ts";
import { planSite, type FeedView } from "../../src/site/site-data.ts";
import { urls } from "../../src/model/urls.ts";
import { build as buildSite } from "../../scripts/lib/build.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const today = new Date("2026-11-23T00:00:00Z");

function write(content: string, path: string, frontMatter: string, body = "Le Conseil de gouvernement s'est réuni jeudi à Rabat sous la présidence du chef du gouvernement."): void {
  const file = join(content, "articles", path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\n${frontMatter.trim()}\n---\n\n${body}\n`);
}

const build = (content: string, cacheDir?: string) => buildArchive({ contentDir: content, cwd: content, today, ...(cacheDir ? { cacheDir } : {}) });

/** Source path → the page's path, for every published article. */
function pagesOf(archive: Archive): Map<string, string> {
  return new Map(archive.records.map((record) => [record.sourcePath, urls.article(record)]));
}

/** Source path → the article's id in the site's Atom feed. */
function feedIdsOf(archive: Archive): Map<string, string> {
  const feed = planSite(archive).feeds.find((planned) => planned.url === urls.feed())?.make() as FeedView;
  const byUrl = new Map(archive.records.map((record) => [record.sourcePath, record]));
  return new Map([...byUrl].map(([path, record]) => [path, feed.entries.find((entry) => entry.url.endsWith(urls.article(record)))?.url ?? "(not in the feed)"]));
}

const A = "2023/2023-03-02-conseil-de-gouvernement.md";
const B = "2023/2023-06-08-conseil-de-gouvernement.md";

describe("articles titled alike", () => {
  it("are all published at distinct addresses that stay put when a third is added, earlier or later, and when a title is corrected", async () => {
    const content = fixtureContent();
    write(content, A, "title: Conseil de gouvernement\ndate: 2023-03-02");
    write(content, B, "title: Conseil de gouvernement\ndate: 2023-06-08");
    // Another file whose title reads the same, named otherwise.
    write(content, "2023/communique.md", "title: Conseil de gouvernement\ndate: 2023-04-01");
    const first = await build(content);
    assert.deepEqual(first.report.rejected, []);
    const pages = pagesOf(first);
    const [a, b] = [pages.get(`articles/${A}`), pages.get(`articles/${B}`)];
    assert.ok(a && b, [...pages.keys()].join(", "));
    assert.notEqual(a, b);
    assert.equal(new Set(pages.values()).size, pages.size, "every page its own address");
    assert.equal(pages.get("articles/2023/communique.md"), "/articles/2023/communique/", "a title never makes the address");
    const feedIds = feedIdsOf(first);

    for (const third of ["2023/2023-01-05-conseil-de-gouvernement.md", "2023/2023-11-30-conseil-de-gouvernement.md", "conseil-de-gouvernement.md"]) {
      write(content, third, `title: Conseil de gouvernement\ndate: ${third.slice(5, 15).replace(/^[^\d].*/, "2023-02-01")}`);
      const withThird = await build(content);
      assert.equal(withThird.records.length, first.records.length + 1, third);
      assert.equal(pagesOf(withThird).get(`articles/${A}`), a, `${third} moves nothing`);
      assert.equal(pagesOf(withThird).get(`articles/${B}`), b, `${third} moves nothing`);
      assert.equal(new Set(pagesOf(withThird).values()).size, withThird.records.length);
      rmSync(join(content, "articles", third));
    }

    // The title corrected, a date added to an undated article: nothing moves, the feed's ids stay.
    write(content, A, "title: Conseil de gouvernement du 2 mars\ndate: 2023-03-02");
    write(content, "2023/note-sans-date.md", "title: Une note sans date");
    const corrected = await build(content);
    write(content, "2023/note-sans-date.md", "title: Une note datée ensuite\ndate: 2023-05-05");
    const dated = await build(content);
    assert.equal(pagesOf(corrected).get(`articles/${A}`), a);
    assert.equal(feedIdsOf(corrected).get(`articles/${A}`), feedIds.get(`articles/${A}`));
    assert.equal(pagesOf(dated).get("articles/2023/note-sans-date.md"), pagesOf(corrected).get("articles/2023/note-sans-date.md"));
    assert.equal(feedIdsOf(dated).get(`articles/${B}`), feedIds.get(`articles/${B}`));
  });

  it("decides the same from a record cache and from a cold build, and in any order of the files", async () => {
    const content = fixtureContent();
    write(content, A, "title: Conseil de gouvernement\ndate: 2023-03-02");
    write(content, B, "title: Conseil de gouvernement\ndate: 2023-06-08");
    const cacheDir = join(content, "..", "cache");
    const cold = pagesOf(await build(content, cacheDir));
    const warm = pagesOf(await build(content, cacheDir));
    assert.deepEqual([...warm].sort(), [...cold].sort());
    assert.deepEqual([...pagesOf(await build(content))].sort(), [...cold].sort());
  });

  it("keeps a `slug:` asked for, the others told apart around it", async () => {
    const content = fixtureContent();
    write(content, "2023/2023-02-02-conseil-de-gouvernement.md", "title: Conseil\ndate: 2023-02-02");
    write(content, "2023/2023-09-09-special.md", "title: Conseil spécial\ndate: 2023-09-09\nslug: conseil-de-gouvernement");
    const archive = await build(content);
    const pages = pagesOf(archive);
    assert.equal(pages.get("articles/2023/2023-09-09-special.md"), "/articles/2023/conseil-de-gouvernement/");
    assert.equal(pages.get("articles/2023/2023-02-02-conseil-de-gouvernement.md"), "/articles/2023/conseil-de-gouvernement-2023-02-02/");
  });
});

describe("an address two files ask for", () => {
  it("is an error naming both files and the line of the key, and the first file keeps it", async () => {
    const content = fixtureContent();
    write(content, "a/premier.md", "title: Premier\ndate: 2023-01-01\nslug: meme-adresse");
    write(content, "b/second.md", "title: Second\ndate: 2022-01-01\noutlet: bladi\nslug: meme-adresse");
    const archive = await build(content);
    assert.deepEqual(archive.report.published.filter((path) => /premier|second/.test(path)), ["articles/a/premier.md"]);
    const rejected = archive.report.rejected.find((r) => r.path === "articles/b/second.md");
    assert.match(rejected?.reasons.join("; ") ?? "(not rejected)", /slug `meme-adresse` is also asked for by articles\/a\/premier\.md \(line 4\)/);
    const error = archive.diagnostics.find((d) => d.rule === "duplicate-slug");
    assert.equal(error?.severity, "error");
    assert.equal(error?.file, "articles/b/second.md");
    assert.equal(error?.line, 5, "the line of `slug:` in the file");
    assert.match(error?.fix ?? "", /articles\/b\/second\.md and articles\/a\/premier\.md/);
  });

  it("is an error for two permalinks too; a permalink is the page's path, unless it is one of the site's own", async () => {
    const content = fixtureContent();
    write(content, "un.md", "title: Un\ndate: 2023-01-01\npermalink: /2019/05/ancien-titre");
    write(content, "deux.md", "title: Deux\ndate: 2023-01-02\npermalink: /2019/05/ancien-titre/");
    write(content, "trois.md", "title: Trois\ndate: 2023-01-03\npermalink: /sujets/securite/");
    write(content, "quatre.md", "title: Quatre\ndate: 2023-01-04\npermalink: /2019/page.html");
    const archive = await build(content);
    const pages = pagesOf(archive);
    assert.equal(pages.get("articles/deux.md"), "/2019/05/ancien-titre/", "deux.md sorts first");
    assert.match(archive.report.rejected.find((r) => r.path === "articles/un.md")?.reasons.join() ?? "", /permalink \/2019\/05\/ancien-titre\/ is also asked for by articles\/deux\.md/);
    assert.equal(pages.get("articles/trois.md"), "/articles/trois/");
    assert.ok(archive.diagnostics.some((d) => d.file === "articles/trois.md" && d.rule === "permalink-not-a-page" && d.severity === "warning"));
    assert.equal(pages.get("articles/quatre.md"), "/2019/page.html");
  });
});

describe("former paths (aliases)", () => {
  it("become redirect pages, never over a page or another redirect, and appear and disappear with the source", async () => {
    const content = fixtureContent();
    write(content, "2023/2023-05-04-ancien.md", "title: Ancien\ndate: 2023-05-04\naliases: [/2023/05/04/ancien/, /2023/ancien.html, /sujets/x/, /articles/2023/voisin/]");
    write(content, "2023/2023-05-05-voisin.md", "title: Voisin\ndate: 2023-05-05\nredirect_from: [/2023/05/04/ancien/, /vieux/voisin]");
    const cacheDir = join(content, "..", "cache");
    const archive = await build(content, cacheDir);
    const plan = planSite(archive);
    const redirects = plan.pages.map((planned) => planned.make()).filter((view) => view.type === "redirect");
    assert.deepEqual(redirects.map((view) => [view.url, view.type === "redirect" ? view.target : ""]).sort(), [
      ["/2023/05/04/ancien/", "/articles/2023/ancien/"],
      ["/2023/ancien.html", "/articles/2023/ancien/"],
      ["/vieux/voisin/", "/articles/2023/voisin/"],
    ]);
    const warnings = archive.diagnostics.filter((d) => d.rule === "alias-taken").map((d) => `${d.file}:${d.line}: ${d.message}`);
    assert.equal(warnings.length, 3, warnings.join("\n"));
    assert.ok(warnings.some((w) => /^articles\/2023\/2023-05-04-ancien\.md:4: .*\/sujets\/x\/ is one of this site's own pages/.test(w)), warnings.join("\n"));
    assert.ok(warnings.some((w) => /\/articles\/2023\/voisin\/ is the page of articles\/2023\/2023-05-05-voisin\.md/.test(w)), warnings.join("\n"));
    assert.ok(warnings.some((w) => /^articles\/2023\/2023-05-05-voisin\.md:.*\/2023\/05\/04\/ancien\/ is already a redirect to articles\/2023\/2023-05-04-ancien\.md/.test(w)), warnings.join("\n"));
    assert.ok(!plan.sitemap.some((url) => url.endsWith("/vieux/voisin/")), "redirects are not in the sitemap");

    // An alias removed: its redirect page goes with it at the next build.
    const file = join(content, "articles/2023/2023-05-05-voisin.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("redirect_from: [/2023/05/04/ancien/, /vieux/voisin]\n", ""));
    const again = planSite(await build(content, cacheDir));
    assert.ok(!again.pages.some((planned) => planned.url === "/vieux/voisin/"));
    assert.ok(again.pages.some((planned) => planned.url === "/2023/05/04/ancien/"));
  });
});

describe("a rebuild of the site", () => {
  it("writes the redirects an edit adds, removes those it drops, and lists articles titled alike at the address the first had alone", async () => {
    const content = fixtureContent();
    write(content, A, "title: Conseil de gouvernement\ndate: 2023-03-02\naliases: [/2023/03/conseil/]");
    const output = join(scratchDir("site"), "_site");
    const rebuild = async () => {
      const lines: string[] = [];
      await buildSite({ content, output, ci: true, log: (line) => lines.push(line), env: { ...process.env } });
      return lines;
    };
    await rebuild();
    assert.match(readFileSync(join(output, "2023/03/conseil/index.html"), "utf8"), /url=\/articles\/2023\/conseil-de-gouvernement\//);
    // An article titled alike arrives, and the first one's alias changes: a rebuild, not a full build.
    write(content, B, "title: Conseil de gouvernement\ndate: 2023-06-08");
    write(content, A, "title: Conseil de gouvernement\ndate: 2023-03-02\naliases: [/2023/03/02/conseil/]");
    const lines = await rebuild();
    assert.ok(lines.some((line) => /fichiers? modifiés? rendus?, [1-9]\d* supprimés?/.test(line)), lines.join("\n"));
    assert.ok(!existsSync(join(output, "2023/03/conseil/index.html")), "the dropped alias's page is removed");
    assert.match(readFileSync(join(output, "2023/03/02/conseil/index.html"), "utf8"), /url=\/articles\/2023\/conseil-de-gouvernement-2023-03-02\//);
    assert.ok(existsSync(join(output, "articles/2023/conseil-de-gouvernement-2023-03-02/index.html")));
    assert.ok(existsSync(join(output, "articles/2023/conseil-de-gouvernement-2023-06-08/index.html")));
    // The address the first had alone now lists both, oldest first, for the links made to it then.
    const shared = readFileSync(join(output, "articles/2023/conseil-de-gouvernement/index.html"), "utf8");
    const links = [...shared.matchAll(/href="(\/articles\/2023\/conseil-de-gouvernement-[^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(links, ["/articles/2023/conseil-de-gouvernement-2023-03-02/", "/articles/2023/conseil-de-gouvernement-2023-06-08/"]);
    assert.ok(!readFileSync(join(output, "sitemap.xml"), "utf8").includes("/articles/2023/conseil-de-gouvernement/<"));
  });
});
