import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import * as pagefind from "pagefind";
import { canIndexSearchRecords, indexSearchRecords } from "../../../src/site/pagefind-index.ts";
import type { SearchRecord } from "../../../src/site/search-records.ts";
import { corpusRecords, pagefindIndex, searchView, type Files } from "../../helpers/pagefind.ts";

/**
 * Revue's indexer is checked against Pagefind's: both index the same records, and the search
 * code must find the same thing in either index. Every word with its pages, positions, weights,
 * meta positions and spellings with diacritics; the words' order and chunks; the filters; the
 * fragments, byte for byte under the same names.
 */

/** Words whose indexing has rules of its own, each checked against Pagefind's. */
const TRICKY = [
  "13.04.2021 pic.twitter.com/8I7ccqhCNn cd.cd.cd www.le360.ma M.Y.M ab.cd.e (maghress.com/fr/<source>/…)",
  "WKWebVIEWComponent aBc1D G20, 2e. 1er n°5 x_y x‿y a:b 3,5 — # © ™ 🌦️cannon 👋👨‍👩‍👧‍👦🌾",
  "İstanbul ΣΑΣ Ǆemal ﬁn ½ L'ÉTAT l’Intérieur «Bonjour» aujourd'hui Jean-Pierre Ébène-été été-là McDonald's",
  "françaises sénégalaise gendarmerie.» mauvais niais hiboux",
  "zéro\u200blargeur\u00a0insécable\u202ffine\u3000idéographique",
].join("\n");

/** An English report whose words meet the rules of Snowball's English stemmer, among them those Snowball 3.1 changed. */
const ENGLISH = readFileSync(join(import.meta.dirname, "../../fixtures/english/report.txt"), "utf8");

function records(): SearchRecord[] {
  return [
    ...corpusRecords(),
    { url: "/en/report/", content: ENGLISH, language: "en", meta: { title: ENGLISH.split("\n")[0] as string }, filters: { actor: ["Council"] } },
    { url: "/en/tricky/", content: TRICKY, language: "en", meta: { title: "Tricky words" }, filters: {} },
    { url: "/tricky/", content: TRICKY, language: "fr", meta: { title: "www.le360.ma : Jean-Pierre, G20 et l’État" }, filters: { acteur: ["Élise Durand", "Acteur 1"] } },
    { url: "/empty/", content: "", language: "fr", meta: { title: "Sans texte" }, filters: {} },
  ];
}

describe("Revue's search indexer", () => {
  const all = records();
  let expected: Files;
  let actual: Files;
  before(async () => {
    expected = await pagefindIndex(all);
    actual = indexSearchRecords(all);
  });
  after(() => pagefind.close());

  for (const language of ["fr", "en"])
    it(`indexes every word as Pagefind does, in the same chunks (${language})`, () => {
      const theirs = searchView((path) => expected.get(path) as Buffer, language);
      const ours = searchView((path) => {
        const file = actual.get(path);
        if (!file) throw new Error(`Revue's index has no ${path}`);
        return file;
      }, language);
      assert.deepEqual(ours.urls, theirs.urls);
      for (const [word, pages] of theirs.words) assert.deepEqual(ours.words.get(word), pages, word);
      assert.deepEqual([...ours.words.keys()].filter((word) => !theirs.words.has(word)), [], "words Pagefind does not index");
      assert.deepEqual(ours.order, theirs.order);
      assert.deepEqual(ours.chunks, theirs.chunks);
      assert.deepEqual(ours.filterPages, theirs.filterPages);
      assert.deepEqual([ours.sorts, ours.fields], [theirs.sorts, theirs.fields]);
      // The rules the tricky words are there for, and the English Snowball 3.1 changed ("interval" was "interv", "skis" stayed "skis").
      const rules = language === "fr" ? ["042021", "com8i7ccqhcnn", "le360m", "wk", "view", "🌦️", "©", "l’interieur", "istanbul", "franc"] : ["042021", "le360ma", "interval", "ski", "geolog"];
      for (const word of rules) assert.ok(theirs.words.has(word), word);
      if (language === "fr") assert.ok(theirs.chunks.length >= 2, `${theirs.chunks.length} chunks`);
    });

  it("writes each page's fragment as Pagefind does, under the same name", () => {
    const fragments = (files: Files) => new Map([...files].filter(([path]) => path.startsWith("fragment/")).map(([path, content]) => [path, gunzipSync(content).toString("utf8")]));
    assert.deepEqual(fragments(actual), fragments(expected));
  });

  it("writes the entry Pagefind's search code starts from", () => {
    const entry = (files: Files) => JSON.parse((files.get("pagefind-entry.json") as Buffer).toString("utf8")) as { version: string; languages: Record<string, { wasm: string; page_count: number }>; include_characters: string[] };
    const theirs = entry(expected);
    const ours = entry(actual);
    assert.equal(ours.version, theirs.version);
    assert.deepEqual(ours.include_characters, theirs.include_characters);
    assert.deepEqual(Object.keys(ours.languages), ["en", "fr"]);
    assert.deepEqual(Object.keys(ours.languages), Object.keys(theirs.languages));
    for (const language of ["en", "fr"]) assert.equal(ours.languages[language]?.wasm, theirs.languages[language]?.wasm);
    // The page without text is left out, by both.
    const french = all.filter((record) => record.language === "fr").length;
    assert.equal(ours.languages["fr"]?.page_count, french - 1);
    assert.equal(theirs.languages["fr"]?.page_count, french - 1);
  });

  it("keeps a chunk's last word whole when cutting it would sort it before the chunk's first", async () => {
    // The first chunk's words all begin with "b", the next one's with "c": "bureau", cut to "b",
    // would sort before "bilt", and the search code would never look for "bureau" in that chunk.
    const chunky: SearchRecord[] = [{ url: "/chunks/", content: `${"bilt ".repeat(10_000)}${"bureau ".repeat(10_000)}cas`, language: "fr", meta: { title: "Chunks" }, filters: {} }];
    const theirs = await pagefindIndex(chunky);
    const ours = indexSearchRecords(chunky);
    const chunks = (files: Files) => searchView((path) => files.get(path) as Buffer).chunks;
    assert.deepEqual(chunks(theirs), ["bilt…bureau", "c…chunk"]);
    assert.deepEqual(chunks(ours), chunks(theirs));
  });

  it("leaves languages it has no stemmer for to Pagefind", () => {
    const record = (language: string): SearchRecord => ({ url: "/", content: "x", language, meta: { title: "x" }, filters: {} });
    if (process.platform === "linux" && ["x64", "arm64"].includes(process.arch)) assert.equal(canIndexSearchRecords([record("fr"), record("fr-CA"), record("en")], {}), true);
    assert.equal(canIndexSearchRecords([record("fr"), record("de")], {}), false);
    assert.equal(canIndexSearchRecords([record("fr")], { PAGEFIND_BINARY_PATH: "/opt/pagefind" }), false, "another Pagefind's search code");
  });
});
