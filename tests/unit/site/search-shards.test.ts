import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SearchRecord } from "../../../src/site/search-records.ts";
import { MAX_SEARCH_SHARDS, searchBundlePath, searchShardCount, searchShardDigest, searchShardOf, splitSearchRecords } from "../../../src/site/search-shards.ts";

const record = (url: string, content = url): SearchRecord => ({ url, content, language: "fr", meta: { title: url }, filters: {} });

describe("search shards", () => {
  it("keeps one index for a small archive, then doubles the count as the archive outgrows the shards, up to a cap", () => {
    assert.equal(searchShardCount(0, 2000), 1);
    assert.equal(searchShardCount(2000, 2000), 1);
    assert.equal(searchShardCount(2001, 2000), 2);
    assert.equal(searchShardCount(10_000, 2000), 8);
    assert.equal(searchShardCount(16_001, 2000), 16);
    assert.equal(searchShardCount(1_000_000, 2000), MAX_SEARCH_SHARDS);
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

  it("names the bundles pagefind/, pagefind-1/…", () => {
    assert.deepEqual([0, 1, 15].map(searchBundlePath), ["/pagefind/", "/pagefind-1/", "/pagefind-15/"]);
  });
});
