import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sha1 } from "../../../src/text/sha1.ts";

describe("sha1", () => {
  it("gives the SHA-1 of a text in each encoding (FIPS 180 test vector)", () => {
    assert.equal(sha1("abc", "hex"), "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert.equal(sha1("abc", "base64url"), "qZk-NkcGgWq6PiVxeFDCbJzQ2J0");
    assert.deepEqual([...sha1("abc", "buffer").subarray(0, 2)], [0xa9, 0x99]);
  });
});
