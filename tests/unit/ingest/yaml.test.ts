import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { generateCorpus } from "../../../src/bench/generate-corpus.ts";
import { walkFiles } from "../../../src/build/walk.ts";
import { parseYaml, parseYamlDocument, type YamlPath } from "../../../src/ingest/yaml.ts";
import { readSimpleYaml } from "../../../src/ingest/yaml-block.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "../../..");

/** Every path into `data`, with a missing key and a missing index below each node. */
function pathsOf(data: unknown, path: YamlPath = []): YamlPath[] {
  const below = [[...path, "missing"], [...path, 99]];
  if (Array.isArray(data)) return [path, ...below, ...data.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (data && typeof data === "object") return [path, ...below, ...Object.keys(data).flatMap((key) => pathsOf((data as Record<string, unknown>)[key], [...path, key]))];
  return [path, ...below];
}

/** The same data, the same diagnostics and the same line for every path, as the YAML parser gives. */
function assertSameAsDocument(text: string, firstLine = 2): void {
  const fast = parseYaml(text, "a.md", firstLine);
  const full = parseYamlDocument(text, "a.md", firstLine);
  assert.deepStrictEqual(fast.data, full.data, text);
  assert.deepStrictEqual(fast.diagnostics, full.diagnostics, text);
  for (const path of pathsOf(full.data)) assert.equal(fast.lineOf(path), full.lineOf(path), `${JSON.stringify(path)} in ${text}`);
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values read directly: text (plain and quoted), whole numbers, booleans.
const SIMPLE = [
  "Abdellatif Hammouchi", "Le 14 juillet", "Direction générale de la sûreté nationale", "x:y", "https://example.com/a?b=c", "100%", "a -- b", "(parenthèses)",
  "2020-01-01", "2007-09", '"1992"', "'L’ONU: un rapport'", '"#hashtag"', "'quote \" inside'", '""', "''", "y", "no", "on",
  "12", "0", "123456789012345", "true", "false",
];
// Values only the YAML parser reads (or rejects): other numbers, nulls, indicators, escapes, comments.
const OTHER = [
  "1234567890123456", "007", "-4", "+5", "1.5", "1e3", "0x1F", "0o17", ".inf", ".NaN", "True", "FALSE", "null", "Null", "~",
  "a: b", "ends:", "a #b", "#tag", "- dash", "[a, b]", "{a: 1}", "&anchor x", "*alias", "!!str x", "|", ">", "%x", "@x", "`x", "?x", ",x",
  '"a \\"b\\" c"', '"unterminated', "'it''s'", "trailing ",
];
const KEYS = ["name", "title", "aliases", "roles", "from", "to", "agency", "my-key", "_private", "y"];
const OTHER_KEYS = ["true", "null", "123", "__proto__", "name"];

/** A random block YAML document: maps, sequences (some at their key's indentation), comments, blank lines, now and then a broken line. */
function randomDocument(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = () => (next() < 0.9 ? pick(SIMPLE) : pick(OTHER));
  // Keys of one map differ, but now and then one the YAML parser reads otherwise (or twice).
  const keyOf = (i: number) => (next() < 0.03 ? pick(OTHER_KEYS) : (KEYS[(i * 3 + Math.floor(next() * 3)) % KEYS.length] as string));
  const lines: string[] = [];
  const pad = (n: number) => " ".repeat(n);
  const extras = (indent: number) => {
    if (next() < 0.08) lines.push("");
    if (next() < 0.06) lines.push(`${pad(Math.floor(next() * (indent + 3)))}# un commentaire`);
  };
  const block = (indent: number, depth: number, kind: "map" | "seq"): void => {
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      extras(indent);
      if (kind === "seq") {
        const roll = next();
        if (depth < 3 && roll < 0.35) {
          // A map in the item: its first entry on the dash's line, the others below at the key's column.
          const gap = next() < 0.9 ? 1 : 3;
          lines.push(`${pad(indent)}-${pad(gap)}title: ${value()}`);
          if (next() < 0.7) entries(indent + 1 + gap, depth + 1);
        } else {
          lines.push(`${pad(indent)}- ${value()}`);
          if (next() < 0.03) lines.push(`${pad(indent + 1 + Math.floor(next() * 3))}suite du texte`);
        }
      } else entries(indent, depth, 1);
    }
  };
  const entries = (indent: number, depth: number, count = 1 + Math.floor(next() * 3)): void => {
    for (let i = 0; i < count; i++) {
      extras(indent);
      const key = keyOf(i);
      const roll = next();
      if (depth >= 3 || roll < 0.55) {
        lines.push(`${pad(indent)}${key}: ${value()}`);
        // Text that goes on, more indented, on the next line.
        if (next() < 0.03) lines.push(`${pad(indent + 1 + Math.floor(next() * 3))}suite du texte`);
        // An item where the map goes on.
        if (next() < 0.02) lines.push(`${pad(indent)}- ${pick(["x", "k: v"])}`);
      }
      else if (roll < 0.57) lines.push(`${pad(indent)}${key}:`);
      else {
        lines.push(`${pad(indent)}${key}:`);
        const sameIndentSeq = next() < 0.25;
        block(sameIndentSeq ? indent : indent + (next() < 0.9 ? 2 : 4), depth + 1, sameIndentSeq || next() < 0.5 ? "seq" : "map");
      }
    }
  };
  block(0, 0, next() < 0.8 ? "map" : "seq");
  // Now and then a line moved by one column, or given a tab or a carriage return.
  if (next() < 0.1) {
    const i = Math.floor(next() * lines.length);
    lines[i] = pick([" ", "\t", ""]) + (lines[i] as string) + pick(["", "\r", " "]);
  }
  return lines.join("\n");
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
    const corpus = join(scratchDir("yaml"), "content");
    generateCorpus(corpus, { articles: 200, actors: 50 });
    const files = [...walkFiles(join(ROOT, "tests/fixtures")), ...walkFiles(corpus)].filter((file) => file.endsWith(".md"));
    assert.ok(files.length > 220);
    // Split as the Markdown reader does: gray-matter finds the front matter, and parses none of it (its own `javascript` engine would run `---js` fixtures).
    for (const file of files) assertSameAsDocument((matter(readFileSync(file, "utf8"), { engines: { yaml: () => ({}), javascript: () => ({}) } } as never).matter ?? "").replace(/^\r?\n/, ""));
  });
});

// Documents at the edge of what is read directly: each is read as the YAML parser reads it (or refuses it).
const EDGES = [
  "a: x\n- b: y", "a: x\n- y", "a:\n- x\nb: y", "a:\n- x\n- y\n  - z", "- a: x\n  - y", "- a: x\n b: y", "- a: x\n   b: y", "-   a: x\n    b: y",
  "a:\n  b: x\n c: y", "a:\n  - x\n   - y", "a: x\n  b: y", "a: x\n  suite", "- x\n  y: z", "- x\n  suite", "a:\n\n  # c\n  b: x",
  "a:\n  b:\n    c: x\n  d: y\ne: z", "a: 007\nb: True\nc: 1234567890123456\nd: 123456789012345", "__proto__: x", "a:\n  __proto__: y",
  "a:\n  - b:\n    - c\n  - d", "a: x # c", "a: 'x' ", "a:\nb: x", "a:", "- ", "-", "---\na: x", "a: x\n...", "  a: x", "a: x\n  # c\nb: y",
];

describe("YAML read directly (block maps and sequences of simple values)", () => {
  it("reads documents at the edge of the subset as the YAML parser does", () => {
    for (const text of EDGES) assertSameAsDocument(text, 1);
    assert.ok(readSimpleYaml("a:\n- x\nb: y", 1));
    assert.ok(readSimpleYaml("a:\n  b:\n    c: x\n  d: y\ne: z", 1));
    assert.equal(readSimpleYaml("a: x\n- y", 1), undefined);
    assert.equal(readSimpleYaml("a: x\n  suite", 1), undefined);
  });

  it("reads knowledge-base files itself: names, aliases as lists, roles as lists of maps, lists at their key's indentation, comments", () => {
    const actor = `# Un acteur\nname: Abbas El Fassi\ncountry: MA\nroles:\n  - title: Premier ministre\n    agency: gouvernement-maroc\n    from: "2007-09"\n\n  - title: Ministre\n    to: "2007"\naliases:\n- El Fassi\n- Abbas\nmin_mentions: 2\nactive: true`;
    const read = readSimpleYaml(actor, 1);
    assert.ok(read, "read without the YAML parser");
    assert.deepStrictEqual(JSON.parse(JSON.stringify(read.data)), {
      name: "Abbas El Fassi",
      country: "MA",
      roles: [
        { title: "Premier ministre", agency: "gouvernement-maroc", from: "2007-09" },
        { title: "Ministre", to: "2007" },
      ],
      aliases: ["El Fassi", "Abbas"],
      min_mentions: 2,
      active: true,
    });
    assert.equal(read.lineOf(["roles", 1, "to"]), 10);
    assert.equal(read.lineOf(["roles", 1]), 9);
    assert.equal(read.lineOf(["aliases", 1]), 13);
    assert.equal(read.lineOf(["aliases", 5]), 11);
    assert.equal(read.lineOf([]), 2);
    assertSameAsDocument(actor, 1);
    const places = `- name: Afghanistan\n  country: AF\n  demonyms:\n    - afghan\n    - afghane\n- name: Kaboul\n  country: AF`;
    assert.ok(readSimpleYaml(places, 1));
    assertSameAsDocument(places, 1);
  });

  it("reads every YAML file of content/, and of a generated knowledge base, as the YAML parser does, and most of them itself", () => {
    const corpus = join(scratchDir("yaml"), "content");
    generateCorpus(corpus, { articles: 10, actors: 300 });
    const files = [...walkFiles(join(ROOT, "content")), ...walkFiles(corpus)].filter((file) => file.endsWith(".yml") || file.endsWith(".yaml"));
    assert.ok(files.length > 1000);
    let direct = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      assertSameAsDocument(text, 1);
      if (readSimpleYaml(text, 1)) direct++;
    }
    assert.ok(direct / files.length > 0.9, `${direct} of ${files.length} read directly`);
  });

  it("gives the YAML parser's data, diagnostics and lines on 6,000 random block documents, reading a good share of them itself", () => {
    const next = random(20261124);
    let direct = 0;
    for (let i = 0; i < 6000; i++) {
      const text = randomDocument(next);
      assertSameAsDocument(text, 1 + (i % 3));
      if (readSimpleYaml(text, 1)) direct++;
    }
    process.stderr.write(`${direct}\n`); assert.ok(direct > 1000 && direct < 5000, `${direct} of 6000 read directly`);
  });
});
