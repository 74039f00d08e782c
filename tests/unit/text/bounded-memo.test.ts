import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { boundedMemo } from "../../../src/text/bounded-memo.ts";

describe("boundedMemo", () => {
  it("computes a word once, however often it is asked for", () => {
    const computed: string[] = [];
    const upper = boundedMemo((word) => (computed.push(word), word.toUpperCase()));
    assert.deepEqual(["été", "loi", "été", "été", "loi"].map(upper), ["ÉTÉ", "LOI", "ÉTÉ", "ÉTÉ", "LOI"]);
    assert.deepEqual(computed, ["été", "loi"]);
  });

  it("remembers falsy values too (an empty stem is still an answer)", () => {
    let calls = 0;
    const empty = boundedMemo(() => (calls++, ""));
    empty("x");
    empty("x");
    assert.equal(calls, 1);
  });

  it("forgets everything past its limit, and still answers right", () => {
    const computed: string[] = [];
    const length = boundedMemo((word) => (computed.push(word), word.length), 2);
    assert.deepEqual(["a", "bb", "ccc", "a", "ccc"].map(length), [1, 2, 3, 1, 3]);
    // "ccc" came when two words were remembered: they were forgotten, so "a" is computed again.
    assert.deepEqual(computed, ["a", "bb", "ccc", "a"]);
  });
});
