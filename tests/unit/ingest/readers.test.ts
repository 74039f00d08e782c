import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readMarkdown } from "../../../src/ingest/markdown.ts";
import { formatOf, loadReaders, readSource, readSourceFile } from "../../../src/ingest/read-source.ts";
import { readText } from "../../../src/ingest/text.ts";
import { scratchDir } from "../../helpers/scratch.ts";

// The HTML reader is loaded on demand; these tests read HTML directly.
await loadReaders();

describe("readMarkdown", () => {
  it("splits front matter from the body and keeps each key's line", () => {
    const { doc, diagnostics } = readMarkdown("---\ntitle: Un titre\ndate: 2020-09-26\npeople:\n  - a\n---\n\nLe texte.\n", "a.md");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual({ ...doc.frontMatter }, { title: "Un titre", date: "2020-09-26", people: ["a"] });
    assert.deepEqual({ ...doc.frontMatterLines }, { title: 2, date: 3, people: 4 });
    assert.equal(doc.text.trim(), "Le texte.");
    assert.equal(doc.bodyLine, 7);
  });

  it("reads a file without front matter as all body", () => {
    const { doc } = readMarkdown("# Titre\n\nTexte.", "b.md");
    assert.deepEqual({ ...doc.frontMatter }, {});
    assert.equal(doc.text, "# Titre\n\nTexte.");
  });

  it("reports broken front matter with its line and still reads the body", () => {
    const { doc, diagnostics } = readMarkdown("---\ntitle: Un titre\ndate: [2020\n---\n\nLe texte.\n", "c.md");
    assert.equal(diagnostics[0]?.rule, "yaml-syntax");
    assert.equal(diagnostics[0]?.file, "c.md");
    assert.ok((diagnostics[0]?.line ?? 0) >= 3);
    assert.match(doc.text, /Le texte\./);
  });

  it("keeps front-matter keys such as __proto__ as plain keys", () => {
    const { doc } = readMarkdown("---\n__proto__:\n  x: 1\n---\nTexte", "d.md");
    assert.equal(Object.getPrototypeOf(doc.frontMatter), null);
    assert.equal(({} as Record<string, unknown>)["x"], undefined);
  });
});

describe("readSource", () => {
  it("removes a byte-order mark and Windows line ends before reading", () => {
    const { doc } = readSource("\uFEFF---\r\ntitle: BOM\r\n---\r\n\r\nA\r\nB\r\n", "e.md", "markdown");
    assert.equal(doc.frontMatter["title"], "BOM");
    assert.equal(doc.text.trim(), "A\nB");
  });

  it("keeps raw text as it is, for extraction to segment", () => {
    assert.equal(readText("Titre\n\nCorps", "f.txt").text, "Titre\n\nCorps");
  });

  it("picks the reader by extension", () => {
    assert.deepEqual(["a.md", "a.markdown", "a.txt", "a.html", "a.htm", "a.pdf"].map(formatOf), ["markdown", "markdown", "text", "html", "html", undefined]);
  });

  it("rejects binary files and reads Windows-1252 with a warning", () => {
    const dir = scratchDir("read");
    writeFileSync(join(dir, "x.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    assert.equal(readSourceFile(join(dir, "x.md")).doc, null);
    writeFileSync(join(dir, "y.txt"), Buffer.from("Le directeur g\xe9n\xe9ral\n", "latin1"));
    const read = readSourceFile(join(dir, "y.txt"));
    assert.equal(read.doc?.text, "Le directeur général\n");
    assert.equal(read.diagnostics[0]?.rule, "source-encoding");
  });
});
