import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeSearchIndex, type SearchShard } from "../../scripts/lib/search-index.ts";
import type { SearchRecord } from "../../src/search/records.ts";
import { openBuiltIndex } from "../helpers/pagefind.ts";
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
  return { shard, primary: shard === 0, records };
}

describe("the search indexers", () => {
  it("index while this thread is busy, without waiting for it (the build renders pages meanwhile)", async () => {
    const site = scratchDir("search-index");
    const shards = [shard(0, 3), shard(1, 2), shard(2, 2)];
    const written = writeSearchIndex(shards, site);
    // Busy the way a render is: no turn of this thread's event loop until every bundle is written, or a minute has passed.
    const bundles = shards.map(({ shard: number }) => join(site, number === 0 ? "pagefind" : `pagefind-${number}`, "pagefind-entry.json"));
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 60_000;
    while (!bundles.every((bundle) => existsSync(bundle)) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 50);
    assert.deepEqual(bundles.filter((bundle) => !existsSync(bundle)), [], "written while this thread was busy");
    assert.equal(await written, 7);
  });

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

  it("write bundles that Pagefind's search code answers from, merged: French stems, a record's meta, its filters, the date order", async () => {
    const site = scratchDir("search-index");
    const article = (url: string, content: string, date: string | undefined, person: string): SearchRecord => ({
      url,
      content,
      language: "fr",
      meta: { title: url, ...(date ? { date } : {}) },
      ...(date ? { sort: { date } } : {}),
      filters: { personne: [person] },
    });
    const shards = [
      { shard: 0, primary: true, records: [article("/a/", "Le ministre reçoit l'ambassadeur des États-Unis.", "2020-09-26", "Abdellatif Hammouchi")] },
      { shard: 3, primary: false, records: [article("/b/", "Les ambassadeurs européens se réunissent.", "2021-03", "Fouad Ali El Himma"), article("/c/", "Un ambassadeur sans date.", undefined, "Abdellatif Hammouchi"), article("/d/", "L'ambassade et son ambassadeur.", "2019", "Fouad Ali El Himma")] },
    ];
    assert.equal(await writeSearchIndex(shards, site), 4);
    const index = await openBuiltIndex(site);
    try {
      const found = await index.search("ambassadeur");
      assert.deepEqual(found.map((result) => result.url).sort(), ["/a/", "/b/", "/c/", "/d/"], "every form of the word, in both bundles");
      assert.deepEqual(found.find((result) => result.url === "/b/")?.meta, { title: "/b/", date: "2021-03" });
      assert.deepEqual((await index.search("ambassadeur", { filters: { personne: "Abdellatif Hammouchi" } })).map((result) => result.url).sort(), ["/a/", "/c/"]);
      assert.deepEqual((await index.filters())["personne"], { "Abdellatif Hammouchi": 2, "Fouad Ali El Himma": 2 });
      // Sorted by date, an undated article is left out. Each bundle's results come in date order,
      // but Pagefind does not order merged bundles' results with one another (a page showing
      // results by date orders them by `meta.date`).
      for (const order of ["desc", "asc"] as const) {
        const sorted = (await index.search("ambassadeur", { sort: { date: order } })).map((result) => result.url);
        assert.deepEqual([...sorted].sort(), ["/a/", "/b/", "/d/"], order);
        assert.deepEqual(sorted.filter((url) => url !== "/a/"), order === "desc" ? ["/b/", "/d/"] : ["/d/", "/b/"], order);
      }
    } finally {
      await index.close();
    }
  });

  it("index a language through Pagefind's own stemmer and search code for it", async () => {
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

  it("report a record that cannot be copied to the indexers, and index again afterwards", async () => {
    const site = scratchDir("search-index");
    const unwritable = shard(0, 1);
    (unwritable.records[0] as unknown as { meta: unknown }).meta = { title: () => "not data" };
    await assert.rejects(writeSearchIndex([unwritable], site), /could not be cloned/);
    assert.equal(await writeSearchIndex([shard(0, 2)], site), 2);
  });

  it("leave no Pagefind process behind, after an indexing and after a failed one, and nothing that keeps the process alive", async () => {
    const site = scratchDir("search-index");
    const holding = () => process.getActiveResourcesInfo().sort();
    const before = holding();
    assert.equal(await writeSearchIndex([shard(0, 2), shard(1, 2), shard(2, 1)], site), 5);
    await assert.rejects(writeSearchIndex([shard(3, 1), { ...shard(4, 1), records: [{ url: 42 } as unknown as SearchRecord] }], join(site, "failed")), /search shard 4: .*url/s);
    // Pagefind's processes are stopped when the indexers are done; they end, and are reaped, a moment later,
    // and a file operation still under way when the indexing returned (a closing write) ends with them.
    const settled = () => pagefindChildren().length === 0 && holding().join() === before.join();
    for (let wait = 0; wait < 50 && !settled(); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(pagefindChildren(), []);
    // The indexer threads wait for the next indexing without holding the process (a test file ends when its tests do).
    assert.deepEqual(holding(), before);
  });
});

/** This process's children that run Pagefind, zombies included (Linux's /proc): "pid state". */
function pagefindChildren(): string[] {
  return readdirSync("/proc").flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [state, parent] = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
      return Number(parent) === process.pid && /pagefind/.test(stat.slice(0, stat.lastIndexOf(") "))) ? [`${pid} ${state}`] : [];
    } catch {
      return [];
    }
  });
}
