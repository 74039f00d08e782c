import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ArticleRecord } from "../../../src/model/article.ts";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { planSite } from "../../../src/site/site-data.ts";
import { evenlySpread, SEARCH_VOCABULARY_URL, searchVocabulary } from "../../../src/search/vocabulary.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

/**
 * The fixture archive (Hammouchi receiving the US ambassador) with two articles of the test's
 * own: « Bien » opens a sentence in both, « Rabat » is a name written with its capital, and
 * « Hammouchi » is in all three.
 */
async function archive() {
  const dir = fixtureContent();
  mkdirSync(join(dir, "articles/2021"), { recursive: true });
  writeFileSync(join(dir, "articles/2021/hammouchi-a-rabat.md"), '---\ntitle: "Hammouchi à Rabat"\ndate: "2021-03-02"\n---\n\nAbdellatif Hammouchi, patron de la DGST, était à Rabat. Bien que discret, il a parlé.\n');
  writeFileSync(join(dir, "articles/2021/hammouchi-encore.md"), '---\ntitle: "Hammouchi encore"\ndate: "2021-04-02"\n---\n\nAbdellatif Hammouchi revient à Rabat. « Bien entendu », dit-il, la DGSN suit.\n');
  return buildArchive({ contentDir: dir, cwd: dir, cacheDir: join(scratchDir("cache"), "records"), today: new Date("2026-11-23T00:00:00Z") });
}

/** An article as the vocabulary reads it: its title, its Markdown body, no actors. */
function article(title: string | null, body: string): ArticleRecord {
  return { title, body, people: [], agencies: [] } as unknown as ArticleRecord;
}

describe("the search vocabulary", async () => {
  const built = await archive();

  it("lists the actors the articles mention, with the institutions' acronyms", () => {
    const { actors } = searchVocabulary(built.records);
    assert.ok(actors.includes("Abdellatif Hammouchi"), actors.join(", "));
    assert.ok(actors.some((name) => /^DGS[TN]$/.test(name)), actors.join(", "));
    assert.equal(new Set(actors).size, actors.length, "each once");
  });

  it("lists the text's words most frequent first, as written, without a capital that only opens a sentence", () => {
    const { words } = searchVocabulary(built.records);
    // In all three articles, before words of one article.
    assert.ok(words.indexOf("Hammouchi") >= 0 && words.indexOf("Hammouchi") < words.indexOf("discret"), words.slice(0, 20).join(", "));
    assert.ok(words.includes("Rabat"), "a name keeps its capital");
    assert.ok(words.includes("bien") && !words.includes("Bien"), "« Bien » opens its sentences only");
    assert.ok(words.includes("ambassadeur"), "a word after an elided article");
    assert.ok(words.every((word) => [...word].length >= 4), "no word under four letters");
    assert.equal(new Set(words.map((word) => word.toLowerCase())).size, words.length, "each once");
  });

  it("reads the words of at most so many articles, spread over the archive, and every article's actors", () => {
    const all = searchVocabulary(built.records);
    const one = searchVocabulary(built.records, 6000, 1);
    assert.deepEqual(one.actors, all.actors);
    const first = built.records[0];
    assert.ok(first && built.records.length > 1);
    assert.deepEqual(one.words, searchVocabulary([first]).words);
    assert.ok(one.words.length < all.words.length);
    assert.deepEqual(evenlySpread(["a", "b", "c", "d", "e", "f"], 3), ["a", "c", "e"]);
    assert.deepEqual(evenlySpread(["a", "b"], 3), ["a", "b"]);
  });

  it("keeps the most frequent words when it must leave some out", () => {
    const { words } = searchVocabulary(built.records, 3);
    assert.equal(words.length, 3);
    assert.ok(words.includes("Hammouchi"), words.join(", "));
  });

  it("is a file of the site, at the address the search page reads, changed only with the articles", async () => {
    const file = planSite(built).files.find((planned) => planned.url === SEARCH_VOCABULARY_URL);
    assert.ok(file, "planned");
    assert.deepEqual(JSON.parse(file.make().content), searchVocabulary(built.records));
    assert.equal(planSite(built).files.find((planned) => planned.url === SEARCH_VOCABULARY_URL)?.digest, file.digest, "the same digest for the same archive");
    const fewer = { ...built, records: built.records.slice(1) };
    assert.notEqual(planSite(fewer).files.find((planned) => planned.url === SEARCH_VOCABULARY_URL)?.digest, file.digest);
  });

  it("reads words as runs of letters, counted in code points, split by apostrophes and hyphens", () => {
    // 𐐨 (U+10428) is one letter written with two UTF-16 units.
    const { words } = searchVocabulary([article(null, "aujourd’hui le porte-parole parle, 𐐨𐐨𐐨 et 𐐨𐐨𐐨𐐨 sont là.")]);
    for (const word of ["aujourd", "porte", "parole", "parle", "𐐨𐐨𐐨𐐨", "sont"]) assert.ok(words.includes(word), `${word} in ${words.join(", ")}`);
    for (const word of ["hui", "aujourd’hui", "porte-parole", "𐐨𐐨𐐨"]) assert.ok(!words.includes(word), `${word} not in ${words.join(", ")}`);
  });

  it("lowers a capital only where it opens the text, a line or a sentence, within eight units after it", () => {
    const body = [
      "Il dit: Voici la suite, selon la Rabatoise « Aziza » ici.",
      // A line break opens a sentence: followed by seven spaces it still does, by eight no longer.
      "       Souvent vrai.",
      "        Parfois aussi.",
      // A supplementary capital (𐐀, U+10400) opening a line; another (𐐒) in the middle of one.
      "𐐀𐐯𐐲𐐰 ouvre la 𐐒𐐨𐐮𐐰 ligne. DGST suit.",
    ].join("\n");
    const { words } = searchVocabulary([article("« Bien vu »", body)]);
    for (const word of ["bien", "voici", "souvent", "Parfois", "𐐨𐐯𐐲𐐰", "𐐒𐐨𐐮𐐰", "DGST", "Rabatoise", "Aziza"]) assert.ok(words.includes(word), `${word} in ${words.join(", ")}`);
    for (const word of ["Bien", "Voici", "Souvent", "parfois", "𐐀𐐯𐐲𐐰", "dgst"]) assert.ok(!words.includes(word), `${word} not in ${words.join(", ")}`);
  });
});
