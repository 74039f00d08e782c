import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { generateCorpus } from "../../../src/bench/generate-corpus.ts";
import { DEFAULT_SEARCH_BUNDLES } from "../../../src/config.ts";
import { buildArchive } from "../../../src/build/build-archive.ts";
import { importSources } from "../../../src/build/import.ts";
import { urls } from "../../../src/site/urls.ts";
import type { SearchRecord } from "../../../src/site/search-records.ts";
import { planSearchShards, searchBundlePath, searchFilesKept, searchPieceCount, searchShardCount, searchShardDigest, searchShardOf, splitSearchRecords } from "../../../src/site/search-shards.ts";
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

  it("splits shards into pieces of at most twice the shard size once the shards are capped", () => {
    // 10,000 articles: 32 shards of about 313, one piece each; 19,201: two pieces per shard.
    assert.deepEqual([searchShardCount(10_000, 300), searchPieceCount(10_000, 300)], [32, 32]);
    assert.deepEqual([searchShardCount(19_200, 300), searchPieceCount(19_200, 300)], [32, 32]);
    assert.deepEqual([searchShardCount(19_201, 300), searchPieceCount(19_201, 300)], [32, 64]);
    assert.deepEqual([searchShardCount(100_000, 300), searchPieceCount(100_000, 300)], [32, 256]);
    assert.deepEqual([searchShardCount(40, 1, 2), searchPieceCount(40, 1, 2)], [2, 32]);
    assert.deepEqual([searchShardCount(3, 2, 8), searchPieceCount(3, 2, 8)], [2, 2]);
  });

  it("plans each shard's pieces: an article's piece is in the shard of the article", async () => {
    const content = scratchDir("pieces");
    generateCorpus(content, { articles: 40, actors: 60 });
    const today = new Date("2026-11-23T00:00:00Z");
    const env = { REVUE_SEARCH_SHARD_SIZE: "1", REVUE_SEARCH_BUNDLES: "2" };
    const archive = await buildArchive({ contentDir: content, cwd: content, cacheDir: join(scratchDir("cache"), "records"), env, today });
    const plan = planSearchShards(archive);
    const pieceCount = searchPieceCount(archive.records.length, 1, 2);
    assert.equal(plan.pieces.length, 2);
    plan.pieces.forEach((pieces, shard) => {
      assert.deepEqual(pieces.flatMap((piece) => piece.records), plan.shards[shard], "a shard's records are its pieces'");
      for (const piece of pieces) {
        assert.ok(piece.records.length > 0, "no empty piece");
        const [first] = piece.records.map((record) => searchShardOf(urls.article(record), pieceCount));
        for (const record of piece.records) {
          assert.equal(searchShardOf(urls.article(record), pieceCount), first, "one piece per hash");
          assert.equal(searchShardOf(urls.article(record), 2), shard, "the piece's shard");
        }
      }
    });
    assert.ok(plan.pieces.some((pieces) => pieces.length >= 2), "a shard of several pieces");
    assert.equal(new Set(plan.pieces.flat().map((piece) => piece.digest)).size, plan.pieces.flat().length, "a digest per piece");
  });

  it("puts each article in the same shard whatever else the archive holds, and keeps the archive's order inside a shard", () => {
    const records = Array.from({ length: 1000 }, (_, i) => record(`/articles/2020/a-${i}/`));
    const shards = splitSearchRecords(records, 8);
    assert.equal(shards.length, 8);
    assert.equal(shards.flat().length, records.length);
    for (const [shard, list] of shards.entries()) {
      assert.ok(list.length > 60 && list.length < 190, `shard ${shard}: ${list.length} articles`);
      for (const r of list) assert.equal(searchShardOf(r.url, 8), shard);
      const positions = list.map((r) => records.indexOf(r));
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    }
    const fewer = splitSearchRecords(records.slice(500), 8);
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

  it("keeps in every bundle its index, and the search code and interface the site loads in the primary only", () => {
    // The paths of a bundle as Pagefind 1.6 gives them.
    const index = ["pagefind-entry.json", "pagefind.fr_f28e2c12b0.pf_meta", "fragment/fr_4048a85.pf_fragment", "index/fr_75c32b7.pf_index", "filter/fr_9df6eba.pf_filter"];
    const code = ["pagefind.js", "pagefind-worker.js", "wasm.fr.pagefind", "wasm.unknown.pagefind", "pagefind-ui.js", "pagefind-ui.css"];
    const unused = ["pagefind-highlight.js", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css"];
    const kept = (shard: number) => [...index, ...code, ...unused].filter((path) => searchFilesKept(shard).test(path));
    assert.deepEqual(kept(0), [...index, ...code]);
    assert.deepEqual(kept(3), index);
    assert.ok(searchFilesKept(3).test("fragment\\fr_4048a85.pf_fragment"), "a Windows path");
    assert.ok(!searchFilesKept(3).test("fragment.js"));
  });

  it("names the bundles pagefind/, pagefind-1/…", () => {
    assert.deepEqual([0, 1, 15].map(searchBundlePath), ["/pagefind/", "/pagefind-1/", "/pagefind-15/"]);
  });
});
