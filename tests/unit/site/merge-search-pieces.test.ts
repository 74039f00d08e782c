import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import * as pagefind from "pagefind";
import { canMergeSearchPieces, mergeSearchPieces, type SearchPiece } from "../../../src/site/merge-search-pieces.ts";
import { CborWriter, readPagefindFile } from "../../../src/site/pagefind-file.ts";
import { corpusRecords, pagefindIndex, searchView, type Files } from "../../helpers/pagefind.ts";

/**
 * The merge is checked against Pagefind itself: the index Pagefind makes of all the records
 * at once, and the merge of the indexes it makes of parts of them, must give every word the
 * same pages with the same locations, every filter value the same pages, and cut the words
 * into the same chunks.
 */
const pieceOf = (files: Files, name: string): SearchPiece => ({
  name,
  read: (path) => {
    const content = files.get(path);
    if (!content) throw new Error(`${name}: no ${path}`);
    return content;
  },
});

describe("merging Pagefind indexes", () => {
  const records = corpusRecords();
  let whole: Files;
  let parts: Files[];
  before(async () => {
    whole = await pagefindIndex(records);
    parts = [];
    for (let part = 0; part < 4; part++) parts.push(await pagefindIndex(records.filter((_, i) => i % 4 === part)));
  });
  after(() => pagefind.close());

  it("reads and writes Pagefind's files byte for byte", () => {
    for (const [path, content] of [...whole, ...(parts[1] as Files)]) {
      if (!/\.(pf_meta|pf_index|pf_filter)$/.test(path)) continue;
      const written = new CborWriter().value(readPagefindFile(content, path)).bytes();
      assert.ok(written.equals(gunzipSync(content).subarray(12)), path);
    }
  });

  it("gives the same index as Pagefind's of all the records, in as many chunks cut at the same words", () => {
    const merged = mergeSearchPieces(parts.map((files, i) => pieceOf(files, `piece ${i}`)));
    const fragments = new Map<string, Buffer>();
    merged.fragments.forEach((list, i) => {
      for (const { from, to } of list) fragments.set(to, (parts[i] as Files).get(from) as Buffer);
    });
    const expected = searchView((path) => whole.get(path) as Buffer);
    const actual = searchView((path) => merged.files.get(path) ?? (fragments.get(path) as Buffer));
    assert.equal(actual.pageCount, records.length);
    assert.deepEqual(actual.urls, expected.urls);
    assert.ok(expected.chunks.length >= 2, `${expected.chunks.length} chunks: the corpus must be large enough to need several`);
    assert.equal(actual.words.size, expected.words.size);
    for (const [word, pages] of expected.words) assert.deepEqual(actual.words.get(word), pages, word);
    assert.deepEqual(actual.order, expected.order, "the words in Pagefind's order");
    assert.ok(expected.order.includes("𝔸𝔹ℂ") && expected.order.some((word) => word.includes("ｆｕｌｌ")), expected.order.slice(-12).join(" "));
    assert.deepEqual(actual.chunks, expected.chunks);
    assert.ok([...expected.words.keys()].some((word) => (expected.words.get(word) ?? []).some((line) => line.includes(": "))), "some words have spellings with diacritics");
    assert.deepEqual(actual.filterPages, expected.filterPages);
    assert.deepEqual([actual.sorts, actual.fields], [expected.sorts, expected.fields]);
  });

  it("renames a page's fragment when another piece has one of the same name", () => {
    const first = parts[0] as Files;
    // The same piece twice: every name meets itself.
    const merged = mergeSearchPieces([pieceOf(first, "a"), pieceOf(first, "b")]);
    const [a = [], b = []] = merged.fragments;
    assert.equal(new Set([...a, ...b].map(({ to }) => to)).size, a.length + b.length);
    assert.deepEqual(a.map(({ from }) => from), b.map(({ from }) => from));
  });

  it("refuses the index of another Pagefind version, naming it", () => {
    const files = new Map(parts[0] as Files);
    const entry = JSON.parse((files.get("pagefind-entry.json") as Buffer).toString("utf8")) as { version: string };
    files.set("pagefind-entry.json", Buffer.from(JSON.stringify({ ...entry, version: "1.7.0" })));
    assert.throws(() => mergeSearchPieces([pieceOf(parts[1] as Files, "piece 1"), pieceOf(files, "piece 0")]), /piece 0: a Pagefind 1\.7\.0 index; Revue merges the indexes of Pagefind 1\.6\.0 only/);
  });

  it("splits shards into pieces only where the installed Pagefind indexer is the version it merges", () => {
    // Linux gets Pagefind 1.6.0 (package.json gives other systems 1.5.2).
    if (process.platform === "linux" && ["x64", "arm64"].includes(process.arch)) assert.equal(canMergeSearchPieces({}), true);
    assert.equal(canMergeSearchPieces({ PAGEFIND_BINARY_PATH: "/opt/pagefind/pagefind" }), false, "an indexer of unknown version");
  });
});
