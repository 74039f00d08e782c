import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { CborWriter, pagefindFile, readPagefindFile, type CborValue } from "../../../src/site/pagefind-file.ts";

const file = (bytes: number[]) => gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(bytes)]));

describe("Pagefind's index files", () => {
  it("write every head as short as CBOR allows, as minicbor does (RFC 8949, appendix A)", () => {
    const encoded = (value: CborValue) => [...new CborWriter().value(value).bytes()];
    assert.deepEqual(encoded(23), [0x17]);
    assert.deepEqual(encoded(24), [0x18, 0x18]);
    assert.deepEqual(encoded(1000), [0x19, 0x03, 0xe8]);
    assert.deepEqual(encoded(1_000_000), [0x1a, 0x00, 0x0f, 0x42, 0x40]);
    assert.deepEqual(encoded(1_000_000_000_000), [0x1b, 0x00, 0x00, 0x00, 0xe8, 0xd4, 0xa5, 0x10, 0x00]);
    assert.deepEqual(encoded(-1), [0x20]);
    assert.deepEqual(encoded(-25), [0x38, 0x18]);
    assert.deepEqual(encoded(-1000), [0x39, 0x03, 0xe7]);
    assert.deepEqual(encoded("ü"), [0x62, 0xc3, 0xbc]);
    assert.deepEqual(encoded([1, [2, 3]]), [0x82, 0x01, 0x82, 0x02, 0x03]);
  });

  it("read back what they write, through the gzip and the signature", () => {
    const value: CborValue = ["1.6.0", [["fr_1234567", 420, ""]], [[0, [-25, 3, 40, 2], []], [7, [-49, 1], [-1, 6]]], "Élysée 𝔸", [], 4_294_967_296, -70_000];
    assert.deepEqual(readPagefindFile(pagefindFile(new CborWriter().value(value)), "test"), value);
  });

  it("refuse what Pagefind 1.6 does not write, naming the file", () => {
    assert.throws(() => readPagefindFile(gzipSync(Buffer.from("{}")), "index/x.pf_index"), /index\/x\.pf_index: not a Pagefind index file/);
    // A CBOR map, then an indefinite-length array.
    assert.throws(() => readPagefindFile(file([0xa0]), "filter/y.pf_filter"), /filter\/y\.pf_filter: CBOR major type 5 at byte 12/);
    assert.throws(() => readPagefindFile(file([0x9f, 0x01, 0xff]), "m"), /m: an indefinite or reserved CBOR length/);
    assert.throws(() => readPagefindFile(file([0x82, 0x01]), "m"), /m: the index ends early/);
    assert.throws(() => readPagefindFile(file([0x01, 0x02]), "m"), /m: data after the index value \(the last 1 of 14 bytes\)/);
  });
});
