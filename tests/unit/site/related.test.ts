import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleRecord, EntityRef } from "../../../src/model/article.ts";
import { relatedArticles } from "../../../src/site/related.ts";

const ref = (id: string): EntityRef => ({ id, name: id, via: "text", mentions: [id] });

/** A record with only what relatedness reads: its id and its actors and topics. */
function record(id: string, people: string[], topics: string[] = []): ArticleRecord {
  return { id, people: people.map(ref), agencies: [], topics: topics.map(ref) } as unknown as ArticleRecord;
}

describe("related articles", () => {
  it("ranks by shared actors and topics, rarer ones weighing more, and never lists the article itself", () => {
    const records = [
      record("a", ["hammouchi", "rare"], ["terrorisme"]),
      record("b", ["hammouchi", "rare"]),
      record("c", ["hammouchi"], ["terrorisme"]),
      record("d", ["autre"]),
      ...Array.from({ length: 40 }, (_, i) => record(`filler-${i}`, [`x${i}`], ["terrorisme"])),
    ];
    const related = relatedArticles(records, 3);
    const ids = (id: string) => (related.get(id) ?? []).map((r) => r.id);
    // "rare" (2 articles) outweighs "terrorisme" (42 articles): b before c, then the newest article sharing only the topic.
    assert.deepEqual(ids("a").slice(0, 2), ["b", "c"]);
    assert.ok(!ids("a").includes("a"));
    assert.deepEqual(ids("d"), []);
    assert.equal(ids("a")[2], "filler-0");
  });

  it("skips entities found in most of the archive", () => {
    const records = Array.from({ length: 300 }, (_, i) => record(`r${i}`, ["everywhere"]));
    assert.deepEqual(relatedArticles(records).get("r0"), []);
  });

  it("keeps the work per article bounded: a frequent actor proposes the articles nearest in date", () => {
    // Records are newest first; one actor in 1,000 of 10,000 articles.
    const records = Array.from({ length: 10_000 }, (_, i) => record(`r${i}`, i % 10 === 0 ? ["frequent"] : [`solo${i}`]));
    const related = relatedArticles(records, 5);
    const picked = (related.get("r5000") ?? []).map((r) => Number(r.id.slice(1)));
    assert.equal(picked.length, 5);
    for (const index of picked) assert.ok(Math.abs(index - 5000) <= 2010, `r${index} is far from r5000`);
    // Equal scores: the newer article first.
    assert.deepEqual(picked, [...picked].sort((a, b) => a - b));
  });
});
