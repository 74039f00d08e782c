import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { decodeSource, resolveLabel } from "../../../src/ingest/decode.ts";
import { loadReaders, readSourceFile } from "../../../src/ingest/read-source.ts";
import { PROJECT_RULES } from "../../helpers/rules.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const ENCODING = join(import.meta.dirname, "../../fixtures/hostile/articles/encoding");
const fixture = (name: string) => join(ENCODING, name);

/** The decoded text, or a failure naming why the file was taken for binary. */
function decoded(bytes: Buffer, format: "markdown" | "text" | "html" = "text") {
  const result = decodeSource(bytes, format, "x");
  if (result.binary) assert.fail(`read as binary: ${result.diagnostic.message}`);
  return result;
}

describe("decoding a source's bytes", () => {
  before(() => loadReaders());

  it("reads Windows-1252 as Windows-1252: ’ — “ ” € œ … are its bytes 0x80–0x9F, not control characters", () => {
    const read = readSourceFile(fixture("windows-1252.txt"), "windows-1252.txt");
    const text = read.doc?.text ?? "";
    for (const character of ["’", "—", "“", "”", "€", "œ", "…", "Sûreté"]) assert.ok(text.includes(character), character);
    assert.doesNotMatch(text, /[\u0080-\u009F]/);
    assert.deepEqual(read.diagnostics.map((d) => [d.rule, d.severity, d.line]), [["source-encoding", "warning", 1]], "the existing warning, and no control characters found");
    assert.equal(decoded(Buffer.from([0x92, 0x97, 0x93, 0x94, 0x80, 0x9c, 0x85])).text, "’—“”€œ…");
  });

  it("honours a page's <meta charset> (Shift_JIS)", () => {
    const read = readSourceFile(fixture("shift-jis.html"), "shift-jis.html", { pageFurniture: PROJECT_RULES.pageFurniture });
    assert.equal(read.doc?.meta.title, "日本の警察庁長官が来日した代表団と会談");
    assert.match(read.doc?.text ?? "", /警察庁長官は、モロッコの代表団と会談し/);
    assert.deepEqual(read.diagnostics, []);
  });

  it("honours <meta http-equiv=content-type> and an XML declaration, with labels resolved as browsers do", () => {
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b]); // 日本
    const httpEquiv = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>'), sjis, Buffer.from("</p></body></html>")]);
    assert.match(decoded(httpEquiv, "html").text, /<p>日本<\/p>/);
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="x-sjis"?>\n<html><body><p>'), sjis, Buffer.from("</p></body></html>")]);
    assert.equal(decoded(xml, "html").encoding, "shift_jis");
    // `iso-8859-1` is Windows-1252 in every browser: the quote is ’, not U+0092.
    const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>l\x92\xe9t\xe9</p>', "latin1");
    assert.match(decoded(latin1, "html").text, /l’été/);
    assert.equal(resolveLabel("latin1"), "windows-1252");
    assert.equal(resolveLabel("SJIS"), "shift_jis");
    assert.equal(resolveLabel("no-such-charset"), undefined);
  });

  it("warns when the declared charset is unknown, and when the text is UTF-8 whatever it declares", () => {
    const unknown = decoded(Buffer.from('<html><head>\n<meta charset="klingon-8"></head><body><p>été</p></body></html>'), "html");
    assert.match(unknown.text, /été/);
    assert.deepEqual(unknown.diagnostics.map((d) => [d.rule, d.severity, d.line]), [["source-encoding", "warning", 2]]);
    assert.match(unknown.diagnostics[0]?.message ?? "", /klingon-8.*read as UTF-8/);
    const mislabelled = decoded(Buffer.from('<meta charset="windows-1252"><p>l’été</p>'), "html");
    assert.match(mislabelled.text, /l’été/, "not mojibake");
    assert.match(mislabelled.diagnostics[0]?.message ?? "", /declares the encoding `windows-1252` but its text is UTF-8/);
    // A declaration in a text capture's words is not a declaration.
    assert.equal(decoded(Buffer.from('Le code <meta charset="shift_jis"> est cité.\xe9', "latin1"), "text").encoding, "windows-1252");
  });

  it("reads UTF-16 with a byte-order mark, little- and big-endian", () => {
    for (const [file, order] of [["utf-16le.txt", "LE"], ["utf-16be.txt", "BE"]] as const) {
      const read = readSourceFile(fixture(file), file);
      assert.deepEqual(read.diagnostics, [], file);
      assert.ok(read.doc?.text.startsWith(`La coopération sécuritaire franco-marocaine en débat (${order}) à l’Assemblée\n\nRabat, le 12 mai 2021 –`), file);
    }
  });

  it("reads UTF-8 with or without its byte-order mark", () => {
    assert.equal(decoded(Buffer.from("\uFEFFl’été")).text, "l’été");
    assert.equal(decoded(Buffer.from("l’été")).text, "l’été");
  });

  it("takes a NUL byte anywhere for binary, after the first 8 KB too, naming its line", () => {
    const read = readSourceFile(fixture("nul-after-8k.txt"), "nul-after-8k.txt");
    assert.equal(read.doc, null);
    assert.equal(read.diagnostics.length, 1);
    assert.equal(read.diagnostics[0]?.severity, "error");
    assert.equal(read.diagnostics[0]?.line, 4);
    assert.match(read.diagnostics[0]?.message ?? "", /binary/);
    // In UTF-16 a NUL byte is half of a character; a NUL character is binary there too.
    const dir = scratchDir("decode");
    writeFileSync(join(dir, "a.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("texte\u0000", "utf16le")]));
    assert.equal(readSourceFile(join(dir, "a.txt")).doc, null);
    assert.ok(readFileSync(fixture("nul-after-8k.txt")).indexOf(0) > 8192, "the fixture's NUL is past 8 KB");
  });
});
