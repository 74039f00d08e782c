import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import * as pagefind from "pagefind";
import { canMergeSearchPieces, mergeSearchPieces, type SearchPiece } from "../../../src/site/merge-search-pieces.ts";
import { CborWriter, readPagefindFile, type CborValue } from "../../../src/site/pagefind-file.ts";
import type { SearchRecord } from "../../../src/site/search-records.ts";

/**
 * The merge is checked against Pagefind itself: the index Pagefind makes of all the records
 * at once, and the merge of the indexes it makes of parts of them, must give every word the
 * same pages with the same locations, every filter value the same pages, and cut the words
 * into the same chunks.
 */
const CORPUS = join(import.meta.dirname, "../../fixtures/corpus");

/** Real articles (headlines, accents, hyphens, figures), three times each under other addresses, so the index needs several chunks. */
function corpusRecords(): SearchRecord[] {
  const texts = readdirSync(CORPUS).filter((name) => name.endsWith(".txt")).sort().map((name) => readFileSync(join(CORPUS, name), "utf8"));
  return [0, 1, 2].flatMap((copy) =>
    texts.map((text, i) => ({
      url: `/articles/${copy}-${i}/`,
      // Words past U+FFFF and just below it, which UTF-16 and UTF-8 sort differently (Pagefind sorts by UTF-8 bytes).
      content: i === 0 ? `${text}\nLe 𝔸𝔹ℂ, le ＦＵＬＬ et l’ﬁn 😀 — fin.` : text,
      language: "fr",
      meta: { title: text.split("\n")[0] ?? "" },
      filters: { acteur: [`Acteur ${i % 5}`, ...(i % 3 === 0 ? ["Élise Durand"] : [])], année: [String(2020 + (i % 4))] },
    })),
  );
}

type Files = Map<string, Buffer>;

async function pagefindIndex(records: readonly SearchRecord[]): Promise<Files> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join("; "));
  for (const record of records) await index.addCustomRecord(record);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content)]));
}

const pieceOf = (files: Files, name: string): SearchPiece => ({
  name,
  read: (path) => {
    const content = files.get(path);
    if (!content) throw new Error(`${name}: no ${path}`);
    return content;
  },
});

/** An index as what a search can see of it: words → pages (by address) with their locations, filters → pages, chunk boundaries. */
function searchView(read: (path: string) => Buffer) {
  const entry = JSON.parse(read("pagefind-entry.json").toString("utf8")) as { languages: Record<string, { hash: string; page_count: number }> };
  const { hash, page_count: pageCount } = entry.languages["fr"] as { hash: string; page_count: number };
  const [, pages, chunks, filters, sorts, fields] = readPagefindFile(read(`pagefind.${hash}.pf_meta`), "meta") as CborValue[][];
  const urls = (pages as [string][]).map(([fragment]) => (JSON.parse(gunzipSync(read(`fragment/${fragment}.pf_fragment`)).subarray(12).toString("utf8")) as { url: string }).url);
  const listed = (list: CborValue[][]) => {
    let page = 0;
    return list.map(([delta, ...rest]) => `${urls[(page += delta as number)]} ${JSON.stringify(rest)}`).sort();
  };
  const words = new Map<string, string[]>();
  const order: string[] = [];
  for (const [, , chunk] of chunks as string[][]) {
    const [chunkWords] = readPagefindFile(read(`index/${chunk}.pf_index`), chunk as string) as CborValue[][][];
    for (const [word, wordPages, variants] of chunkWords as [string, CborValue[][], [string, CborValue[][]][]][]) {
      order.push(word);
      words.set(word, [...listed(wordPages), ...variants.map(([spelling, spellingPages]) => `${spelling}: ${listed(spellingPages).join("; ")}`).sort()]);
    }
  }
  const filterPages = new Map<string, string[]>();
  for (const [name, filter] of filters as string[][]) {
    const [, values] = readPagefindFile(read(`filter/${filter}.pf_filter`), filter as string) as [string, [string, number[]][]];
    for (const [value, valuePages] of values) filterPages.set(`${name}=${value}`, valuePages.map((page) => urls[page] as string).sort());
  }
  return { pageCount, urls: [...urls].sort(), words, order, filterPages, chunks: (chunks as string[][]).map(([from, to]) => `${from}…${to}`), sorts, fields };
}

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
