import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { writeSearchIndex, type SearchShard } from "../../scripts/lib/search-index.ts";
import { walkFiles } from "../../src/build/walk.ts";
import type { SearchRecord } from "../../src/site/search-records.ts";
import { scratchDir } from "../helpers/scratch.ts";

/** `count` articles of a shard, each with a word of its own. */
function shard(shard: number, count: number): SearchShard & { records: SearchRecord[] } {
  const records: SearchRecord[] = Array.from({ length: count }, (_, i) => ({
    url: `/articles/s${shard}-${i}/`,
    content: `Article ${i} du lot ${shard}. Le mot repère est marqueur${shard}x${i}.`,
    language: "fr",
    meta: { title: `Article ${shard}-${i}` },
    filters: { Année: [String(2000 + shard)] },
  }));
  return { shard, records };
}

describe("the search indexers", () => {
  it("index every shard once, side by side, and leave nothing behind beside the site", async () => {
    const parent = scratchDir("search-index");
    const site = join(parent, "site");
    mkdirSync(site);
    const shards = [shard(0, 3), shard(1, 1), shard(2, 4), shard(3, 2), shard(5, 5), shard(6, 1), shard(7, 2)];
    const indexed = await writeSearchIndex(shards, site);
    // Counted per shard as the indexers report them: a shard indexed by both would count twice.
    assert.equal(indexed, 18);
    assert.deepEqual(readdirSync(site).sort(), ["pagefind", "pagefind-1", "pagefind-2", "pagefind-3", "pagefind-5", "pagefind-6", "pagefind-7"]);
    for (const { shard: number, records } of shards) {
      const entry = JSON.parse(readFileSync(join(site, number === 0 ? "pagefind" : `pagefind-${number}`, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      assert.equal(entry.languages["fr"]?.page_count, records.length, `shard ${number}`);
    }
    assert.ok(existsSync(join(site, "pagefind", "pagefind.js")), "the primary bundle has the search code");
    assert.deepEqual(readdirSync(parent), ["site"], "the records' files and claims are removed");
  });

  it("merge a shard of pieces, indexing only the pieces missing from the cache", async () => {
    const parent = scratchDir("search-index");
    const site = join(parent, "site");
    mkdirSync(site);
    const folders = [join(parent, "pieces", "a"), join(parent, "pieces", "b")];
    const records = [shard(0, 3).records, shard(1, 2).records];
    const filesOf = (bundle: string) => Object.fromEntries(walkFiles(bundle).map((file) => [relative(bundle, file), readFileSync(file).toString("base64")]));
    assert.equal(await writeSearchIndex([{ shard: 0, pieces: folders.map((folder, i) => ({ folder, records: records[i] ?? [] })) }], site), 5);
    const bundle = join(site, "pagefind");
    const entry = JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    assert.equal(entry.languages["fr"]?.page_count, 5);
    assert.ok(existsSync(join(bundle, "pagefind.js")), "the primary bundle has the search code, from its first piece");
    assert.equal(readdirSync(join(bundle, "fragment")).length, 5);
    const first = filesOf(bundle);
    rmSync(bundle, { recursive: true });
    assert.equal(await writeSearchIndex([{ shard: 0, pieces: folders.map((folder) => ({ folder })) }], site), 0, "nothing indexed again");
    assert.deepEqual(filesOf(bundle), first);
    // A piece damaged in the cache: the error says how to make it again.
    rmSync(join(folders[1] as string, "index"), { recursive: true });
    rmSync(bundle, { recursive: true });
    await assert.rejects(writeSearchIndex([{ shard: 0, pieces: folders.map((folder) => ({ folder })) }], site), /pf_index.*\n.*cannot be read: remove .*pieces and build again/s);
  });

  it("leave records in a language without a stemmer here to Pagefind's indexer", async () => {
    const site = scratchDir("search-index");
    const german = shard(0, 3);
    german.records.forEach((record) => (record.language = "de"));
    assert.equal(await writeSearchIndex([german], site), 3);
    const bundle = join(site, "pagefind");
    const entry = JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number; wasm: string }> };
    assert.equal(entry.languages["de"]?.page_count, 3);
    assert.equal(entry.languages["de"]?.wasm, "de");
    assert.ok(existsSync(join(bundle, "wasm.de.pagefind")), "Pagefind's German search code");
  });

  it("report a record Pagefind refuses", async () => {
    const site = scratchDir("search-index");
    const broken = shard(1, 2);
    (broken.records[1] as { url: unknown }).url = 42;
    await assert.rejects(writeSearchIndex([shard(0, 2), broken, shard(2, 2)], site), /Pagefind|url/i);
  });

  it("stop the indexers they started when the records cannot be written", async () => {
    const site = scratchDir("search-index");
    const unwritable = shard(0, 1);
    (unwritable.records[0] as unknown as { meta: unknown }).meta = { title: () => "not data" };
    await assert.rejects(writeSearchIndex([unwritable], site), /could not be cloned/);
    // The indexers are gone: nothing keeps this process alive (their processes, their pipes).
    for (let wait = 0; wait < 50 && process.getActiveResourcesInfo().includes("ProcessWrap"); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!process.getActiveResourcesInfo().includes("ProcessWrap"), process.getActiveResourcesInfo().join(", "));
  });
});
