import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { importSources, type ImportOutcome } from "../../../src/editor/import.ts";
import { fixtureContent } from "../../helpers/content.ts";

/**
 * The alias an imported post gets for its address on its former site. Sites shaped as real
 * ones are (tests/fixtures/import/real-like/README.md); each expected address of a Hugo site
 * is the one Hugo 0.111 gives (`hugo list all`, and the alias pages of `hugo`), each of the
 * Jekyll site the one Jekyll's rules give (its source: collection permalink, defaults, `timezone`).
 */
const SITES = join(import.meta.dirname, "../../fixtures/import/real-like");
const today = new Date("2026-11-23T12:00:00Z");

async function aliasesOf(site: string): Promise<Map<string, unknown>> {
  const content = fixtureContent();
  const outcomes: ImportOutcome[] = await importSources({ contentDir: content, sources: [join(SITES, site)], cwd: content, today });
  const aliases = new Map<string, unknown>();
  for (const outcome of outcomes) {
    if (outcome.status !== "imported") continue;
    const head = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(content, outcome.file), "utf8"))?.[1] ?? "";
    aliases.set(outcome.source.slice(outcome.source.indexOf(`${site}/`) + site.length + 1), (parse(head) as Record<string, unknown>)["aliases"]);
  }
  return aliases;
}

describe("the address a post had on its Hugo site", () => {
  it("follows config/_default/ (permalinks.toml as the key permalinks) merged over a root config.yaml", async () => {
    const aliases = await aliasesOf("hugo-config-folder");
    assert.deepEqual(aliases.get("content/post/onze-mille-pages/index.md"), ["/2021/03/09/onze-mille-pages/"], ":filename is a bundle's folder");
    assert.deepEqual(aliases.get("content/post/cinq-raisons.md"), ["/2017/03/16/cinq-raisons/"], ":filename is the file's name, not its slug");
  });

  it("reads the section and the language from each language's contentDir, the default language without a prefix", async () => {
    const aliases = await aliasesOf("hugo-content-per-language");
    assert.deepEqual(aliases.get("content/fr/posts/2019/2019-06-12-reprenons-serieusement.md"), ["/2019/06/12/reprenons-serieusement/"], ":slug is the title without its accents (removePathAccents), the address ends with /");
    assert.deepEqual(aliases.get("content/en/posts/2021/2021-12-02-backup-label.md"), ["/en/2021/12/02/a-brief-history-of-backup_label/"]);
    assert.deepEqual(aliases.get("content/fr/notes/une-idee.md"), ["/notes/ancienne-idee/", "/idees/premiere/", "/notes/une-idee/"], "a relative alias beside the post's address, an absolute one as written");
    assert.deepEqual(aliases.get("content/en/notes/an-idea.md"), ["/en/notes/old-idea/", "/en/notes/an-idea/"]);
  });

  it("reads a translation from its file's name, and puts the default language in its folder with defaultContentLanguageInSubdir", async () => {
    const aliases = await aliasesOf("hugo-translations");
    assert.deepEqual(aliases.get("content/articles/2018-10-25-zanata.md"), ["/fr/2018/10/zanata-effondrement/", "/fr/2018/10/zanata-est-il-en-train-de-disparaître/"]);
    assert.deepEqual(aliases.get("content/articles/2018-10-25-zanata.en.md"), ["/en/2018/10/zanata-effondrement/", "/en/2018/10/is-zanata-collapsing/"]);
  });

  it("imports a bundle's translation (index.en.md) as a page of its language, named after the original with its language", async () => {
    const aliases = await aliasesOf("hugo-translations");
    assert.deepEqual(aliases.get("content/articles/visite/index.md"), ["/fr/2020/05/une-visite/"]);
    assert.deepEqual(aliases.get("content/articles/visite/index.en.md"), ["/en/2020/05/a-visit/"]);
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [join(SITES, "hugo-translations")], cwd: content, today });
    const fileOf = (source: string) => outcomes.find((o) => o.source.endsWith(source) && o.status === "imported");
    assert.deepEqual(
      ["visite/index.md", "visite/index.en.md", "2018-10-25-zanata.md", "2018-10-25-zanata.en.md"].map((source) => (fileOf(source) as { file?: string } | undefined)?.file),
      ["articles/2020/2020-05-03-visite.md", "articles/2020/2020-05-03-visite-en.md", "articles/2018/2018-10-25-zanata.md", "articles/2018/2018-10-25-zanata-en.md"],
      "the site's default language keeps the page's name, whichever file is read first",
    );
  });
});

describe("the address a post had on its Jekyll site", () => {
  it("follows collections.posts.permalink over permalink:, a default for posts over both, and reads dates in the site's timezone", async () => {
    const aliases = await aliasesOf("jekyll-posts-collection");
    assert.deepEqual(aliases.get("_posts/2013-05-06-jekyll-1-0-0-released.markdown"), ["/news/2013/05/05/jekyll-1-0-0-released/"], "02:12 at +02:00 is the evening before in Los Angeles");
    assert.deepEqual(aliases.get("_posts/2016-04-19-jekyll-3-0-4-released.markdown"), ["/news/2016/04/19/jekyll-3-0-4-released/"]);
    assert.deepEqual(aliases.get("_posts/annonces/2020-01-01-Nouvelle-Annee.md"), ["/annonces/Nouvelle-Annee/"], "the default scoped to the folder; :title keeps the case of the file's name");
  });
});

describe("the address a post had on its Eleventy site", () => {
  it("follows the permalink of the front matter or of the nearest data file, and the default where none is written", async () => {
    const aliases = await aliasesOf("eleventy-data-permalinks");
    assert.deepEqual(aliases.get("src/blog/2019-12-05-demenagement.md"), ["/blog/demenagement/"], "blog.json's permalink, page.fileSlug without the date");
    assert.deepEqual(aliases.get("src/posts/cxx14.md"), ["/posts/reference-indefinie-c-14-et-c-17/"], "the front matter's permalink, the title slugified, without index.html");
    assert.deepEqual(aliases.get("src/posts/quatrieme/quatrieme.md"), ["/posts/quatrieme/"], "a file named as its folder stands for the folder");
  });

  it("gives no address where only running the site's code would tell it", async () => {
    const aliases = await aliasesOf("eleventy-data-permalinks");
    assert.equal(aliases.get("src/notes/une-note.md"), undefined, "notes.11tydata.js computes the permalink");
    assert.equal(aliases.get("src/posts/par-annee.md"), undefined, "a date filter Revue does not run");
    assert.ok(aliases.has("src/notes/une-note.md") && aliases.has("src/posts/par-annee.md"), "both imported");
  });
});
