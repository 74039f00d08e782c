import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_SEARCH_BUNDLES } from "../../../src/config.ts";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { importSources } from "../../../src/editor/import.ts";
import { urls } from "../../../src/model/urls.ts";
import type { SearchRecord } from "../../../src/search/records.ts";
import { planSearchShards, searchBundlePath, searchFilesKept, searchShardCount, searchShardDigest, searchShardOf, splitByShard } from "../../../src/search/shards.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const record = (url: string, content = url): SearchRecord => ({ url, content, language: "fr", meta: { title: url }, filters: {} });

describe("search shards", () => {
  it("keeps one index for a small archive, then doubles the count as the archive outgrows the shards, up to a cap", () => {
    assert.equal(searchShardCount(0, 2000), 1);
    assert.equal(searchShardCount(2000, 2000), 1);
    assert.equal(searchShardCount(2001, 2000), 2);
    assert.equal(searchShardCount(10_000, 2000), 8);
    assert.equal(searchShardCount(16_001, 2000), 16);
    assert.equal(searchShardCount(1_000_000, 2000), DEFAULT_SEARCH_BUNDLES);
  });

  it("grows the shards once their count is capped: 10,000 articles in 32 shards of about 300, 100,000 in 32 of about 3,000", () => {
    assert.equal(searchShardCount(10_000, 300), 32);
    assert.equal(searchShardCount(100_000, 300), 32);
    assert.equal(searchShardCount(40, 1, 2), 2);
    assert.equal(searchShardCount(3, 2, 8), 2);
    assert.equal(searchShardCount(5, 1, 1), 1);
  });

  it("puts each article in the same shard whatever else the archive holds, and keeps the archive's order inside a shard", () => {
    const records = Array.from({ length: 1000 }, (_, i) => record(`/articles/2020/a-${i}/`));
    const shards = splitByShard(records, (r) => r.url, 8);
    assert.equal(shards.length, 8);
    assert.equal(shards.flat().length, records.length);
    for (const [shard, list] of shards.entries()) {
      assert.ok(list.length > 60 && list.length < 190, `shard ${shard}: ${list.length} articles`);
      for (const r of list) assert.equal(searchShardOf(r.url, 8), shard);
      const positions = list.map((r) => records.indexOf(r));
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    }
    const fewer = splitByShard(records.slice(500), (r) => r.url, 8);
    for (const [shard, list] of fewer.entries()) for (const r of list) assert.ok((shards[shard] as SearchRecord[]).includes(r));
  });

  it("gives a digest that changes with any record of the shard", () => {
    const records = [record("/a/"), record("/b/")];
    assert.equal(searchShardDigest(records), searchShardDigest(records.map((r) => ({ ...r }))));
    assert.notEqual(searchShardDigest(records), searchShardDigest([records[0] as SearchRecord, record("/b/", "autre texte")]));
  });

  it("plans a rebuild's indexing: only the shard of an edited article has another digest", async () => {
    const content = fixtureContent();
    const today = new Date("2026-11-23T00:00:00Z");
    await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../../fixtures/corpus")], cwd: content, today });
    const cacheDir = join(scratchDir("cache"), "records");
    const env = { REVUE_SEARCH_SHARD_SIZE: "1" };
    const before = await buildArchive({ contentDir: content, cwd: content, cacheDir, env, today });
    const plan = planSearchShards(before);
    assert.ok(plan.inUse.length >= 2, `${plan.inUse.length} shards in use`);
    assert.deepEqual(plan.shards.flat().map((r) => r.id).sort(), before.records.map((r) => r.id).sort());
    const edited = before.records[0];
    assert.ok(edited);
    const file = join(content, edited.sourcePath);
    writeFileSync(file, `${readFileSync(file, "utf8")}\nUn paragraphe ajouté.\n`);
    const after = planSearchShards(await buildArchive({ contentDir: content, cwd: content, cacheDir, env, today }));
    const shard = searchShardOf(urls.article(edited), plan.shards.length);
    assert.deepEqual(
      after.digests.map((digest, i) => digest !== plan.digests[i]),
      plan.digests.map((_, i) => i === shard),
    );
  });

  it("keeps in every bundle its index, and what Pagefind's JavaScript API loads in the primary only", () => {
    // The paths of a bundle as Pagefind 1.6 gives them.
    const index = ["pagefind-entry.json", "pagefind.fr_f28e2c12b0.pf_meta", "fragment/fr_4048a85.pf_fragment", "index/fr_75c32b7.pf_index", "filter/fr_9df6eba.pf_filter"];
    const code = ["pagefind.js", "pagefind-worker.js", "wasm.fr.pagefind", "wasm.unknown.pagefind"];
    const unused = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind/playground/index.html"];
    const kept = (primary: boolean) => [...index, ...code, ...unused].filter((path) => searchFilesKept(primary).test(path));
    assert.deepEqual(kept(true), [...index, ...code]);
    assert.deepEqual(kept(false), index);
    assert.ok(searchFilesKept(false).test("fragment\\fr_4048a85.pf_fragment"), "a Windows path");
    assert.ok(!searchFilesKept(false).test("fragment.js"));
  });

  it("names the bundles pagefind/, pagefind-1/…", () => {
    assert.deepEqual([0, 1, 15].map(searchBundlePath), ["/pagefind/", "/pagefind-1/", "/pagefind-15/"]);
  });
});
