import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { oneTypoApart } from "../../../src/extract/misspelling.ts";

describe("oneTypoApart", () => {
  it("accepts one swapped, changed, added or dropped letter", () => {
    assert.ok(oneTypoApart("haines", "hainse"));
    assert.ok(oneTypoApart("hammouchi", "hamouchi"));
    assert.ok(oneTypoApart("laftit", "laftite"));
    assert.ok(oneTypoApart("bourita", "bourota"));
  });

  it("refuses two typos and equal words", () => {
    assert.ok(!oneTypoApart("haines", "hanes2"));
    assert.ok(!oneTypoApart("burns", "burns"));
    assert.ok(!oneTypoApart("wray", "gray1"));
  });
});
