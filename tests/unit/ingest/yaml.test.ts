import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { generateCorpus } from "../../../src/bench/generate-corpus.ts";
import { walkFiles } from "../../../src/build/walk.ts";
import { parseYaml, parseYamlDocument, type YamlPath } from "../../../src/ingest/yaml.ts";

const ROOT = join(import.meta.dirname, "../../..");

/** The same data, and the same line for every path, as the YAML parser gives. */
function assertSameAsDocument(text: string): void {
  const fast = parseYaml(text, "a.md", 2);
  const full = parseYamlDocument(text, "a.md", 2);
  assert.deepStrictEqual(fast.data, full.data, text);
  assert.deepStrictEqual(fast.diagnostics, full.diagnostics, text);
  const keys = full.data && typeof full.data === "object" ? Object.keys(full.data) : [];
  const paths: YamlPath[] = [[], ["missing"], ["missing", 0], ...keys.map((key) => [key]), ...keys.map((key) => [key, 0])];
  for (const path of paths) assert.equal(fast.lineOf(path), full.lineOf(path), `${JSON.stringify(path)} in ${text}`);
}

const FLAT = [
  `title: "Coup de filet à Marseille : 18 arrestations"\ndate: 2019-05-07\noutlet: le-journal-du-sahel\nurl: https://www.example.com/securite/coup.html`,
  `title: 'L’ONU: un rapport'\n\ndate: 2021-11-03T10:00:00+01:00\nsummary: Une phrase, avec des virgules; et des points.`,
  `\ntitle: Le 14 juillet\nlang: fr\nstatus: draft\nauthor: Jean-Pierre d'Ormesson`,
  `true: oui\nyes: no\non: off\ncount: 12 articles\nversion: 1.2.3\nphone: +212 5 37`,
  `a: x:y\nb: "#hashtag"\nc: 'quote " inside'\nd: 100%\ne: a -- b\nf: (parenthèses)`,
];

// Each one flat but for one line, which only the YAML parser reads right.
const NOT_FLAT = [
  "count: 12", "ratio: 1.5", "exp: 1e3", "hex: 0x1F", "oct: 0o17", "neg: -4", "inf: .inf", "nan: .NaN",
  "draft: true", "other: False", "nothing: null", "tilde: ~", "empty:",
  `quoted: "a \\"quoted\\" word"`, `tab: "a\\tb"`, "single: 'it''s'",
  "line: une valeur # un commentaire", "url: https://example.com/#ancre",
  "line: deux: points", "line: ends with a colon:", "line: trailing space ", "line: a\ttab",
  "list: [a, b]", "map: {a: 1}", "people:\n  - Abdellatif Hammouchi\n  - DGST",
  "title: y", "line: x\r", "  indented: x",
  "line: -dash", "anchor: &a x\nother: *a", "tag: !!str x", "block: |\n  text", "alias: *undefined",
  "null: x", "123: y", `line: "unterminated`, "# only a comment", "",
].map((line) => `title: x\n${line}\ndate: 2020-01-01`);

describe("YAML front matter", () => {
  it("reads flat `key: text` lines as the YAML parser does: same data, same line for every path", () => {
    for (const text of FLAT) assertSameAsDocument(text);
  });

  it("leaves everything else to the YAML parser: numbers, booleans, nulls, escapes, comments, lists, indentation, repeated keys", () => {
    for (const text of NOT_FLAT) assertSameAsDocument(text);
    assert.equal(parseYaml(`title: x\ntitle: y`, "a.md", 2).diagnostics[0]?.rule, "yaml-syntax");
    assert.equal(parseYaml(`title: x\ntitle: y`, "a.md", 2).diagnostics[0]?.line, 3);
  });

  it("reads every front matter of the fixtures (hostile ones too) and of a generated archive as the YAML parser does", () => {
    const corpus = join(mkdtempSync(join(tmpdir(), "revue-yaml-")), "content");
    generateCorpus(corpus, { articles: 200, actors: 50 });
    const files = [...walkFiles(join(ROOT, "tests/fixtures")), ...walkFiles(corpus)].filter((file) => file.endsWith(".md"));
    assert.ok(files.length > 220);
    // Split as the Markdown reader does: gray-matter finds the front matter, and parses none of it.
    for (const file of files) assertSameAsDocument((matter(readFileSync(file, "utf8"), { engines: { yaml: () => ({}) } } as never).matter ?? "").replace(/^\r?\n/, ""));
    rmSync(corpus, { recursive: true });
  });
});
