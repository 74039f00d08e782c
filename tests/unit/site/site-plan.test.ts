import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive, type Archive } from "../../../src/pipeline/build-archive.ts";
import { importSources } from "../../../src/editor/import.ts";
import { diffManifests, fingerprintSite, outputPath } from "../../../src/site/fingerprint.ts";
import { planSite, type ArticlePage, type SiteMemo } from "../../../src/site/site-data.ts";
import { urls } from "../../../src/model/urls.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const today = new Date("2026-11-23T00:00:00Z");

/** The corpus fixtures as content, one article per term page, with a record cache (its digests). */
async function corpus(): Promise<{ content: string; archive: () => Promise<Archive> }> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../../fixtures/corpus")], cwd: content, today });
  const cacheDir = join(scratchDir("cache"), "records");
  return { content, archive: () => buildArchive({ contentDir: content, cwd: content, today, cacheDir, env: { REVUE_PER_PAGE: "1" } }) };
}

describe("the site plan", () => {
  it("changes the digest of a term's first page and of the page that lists an edited card, not of the term's other pages", async () => {
    const { content, archive } = await corpus();
    const before = await archive();
    // The term with the most articles, and an article on one of its later pages.
    const kinds = [["person", "people"], ["agency", "agencies"], ["place", "places"], ["topic", "topics"]] as const;
    const counts = new Map<string, number>();
    for (const record of before.records) for (const [kind, field] of kinds) for (const ref of record[field]) counts.set(`${kind}:${ref.id}`, (counts.get(`${kind}:${ref.id}`) ?? 0) + 1);
    const [key, total] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const [kind, id] = key.split(":") as [(typeof kinds)[number][0], string];
    const field = (kinds.find(([k]) => k === kind) as (typeof kinds)[number])[1];
    assert.ok(total >= 3, `${key}: ${total} articles`);
    const listed = before.records.filter((record) => record[field].some((ref) => ref.id === id));
    const edited = listed[2];
    assert.ok(edited);
    const file = join(content, edited.sourcePath);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Un titre corrigé par l'éditeur"));
    const changes = diffManifests(fingerprintSite(planSite(before), "t"), fingerprintSite(planSite(await archive()), "t"));
    assert.ok(changes);
    const first = outputPath(urls.term(kind, id));
    const termPages = [...changes.changed].filter((path) => path.startsWith(first.replace(/index\.html$/, "")) && path.endsWith("index.html"));
    assert.deepEqual(termPages.sort(), [first, outputPath(urls.term(kind, id, 3))].sort());
  });

  it("gives the same related articles from a session's memo as without it, and finds them again when actors change", async () => {
    const { content, archive } = await corpus();
    const memo: SiteMemo = {};
    const relatedOf = (plan: ReturnType<typeof planSite>) => plan.pages.map((p) => p.make()).filter((v): v is ArticlePage => v.type === "article").map((v) => [v.url, v.related.map((card) => card.url)]);
    const first = await archive();
    assert.deepEqual(relatedOf(planSite(first, memo)), relatedOf(planSite(first)));
    const signature = memo.related?.signature;
    const file = join(content, (first.records[0] as Archive["records"][number]).sourcePath);
    // Last in the front matter: a key written before it too gives way to it.
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n/, "\nagencies: [cia]\n---\n"));
    const second = await archive();
    assert.deepEqual(relatedOf(planSite(second, memo)), relatedOf(planSite(second)));
    assert.notEqual(memo.related?.signature, signature);
  });

  it("gives from a memo of each record's card and data row the digests it finds without one, before and after an edit", async () => {
    const { content, archive } = await corpus();
    const memo: SiteMemo = {};
    const digests = (archive: Archive, memo?: SiteMemo) => fingerprintSite(planSite(archive, memo), "t").files;
    const first = await archive();
    assert.deepEqual(digests(first, memo), digests(first));
    assert.equal(memo.records?.byDigest.size, first.records.length);
    const edited = first.records[1] as Archive["records"][number];
    const file = join(content, edited.sourcePath);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Un titre corrigé par l'éditeur"));
    const second = await archive();
    const fromMemo = digests(second, memo);
    assert.deepEqual(fromMemo, digests(second));
    // The edited title is in the article's card (the home page lists it) and in the open data: both digests moved.
    const before = digests(first);
    assert.notEqual(fromMemo[outputPath(urls.data() + "articles.json")], before[outputPath(urls.data() + "articles.json")]);
    assert.notEqual(fromMemo[outputPath(urls.home())], before[outputPath(urls.home())]);
  });
});
