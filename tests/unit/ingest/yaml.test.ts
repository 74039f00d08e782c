import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseYaml } from "../../../src/ingest/yaml.ts";
import { SOURCE_LIMITS } from "../../../src/ingest/source-limits.ts";

/** Data as JSON would write it: prototype-less objects compare equal to plain ones. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("YAML read by the yaml package, lines kept", () => {
  it("reads a knowledge-base file: texts, numbers, booleans, lists, lists of maps, comments, a list at its key's indentation", () => {
    const actor = `# Un acteur\nname: Abbas El Fassi\ncountry: MA\nroles:\n  - title: Premier ministre\n    agency: gouvernement-maroc\n    from: "2007-09"\n\n  - title: Ministre\n    to: "2007"\naliases:\n- El Fassi\n- Abbas\nmin_mentions: 2\nactive: true`;
    const read = parseYaml(actor, "actor.yml");
    assert.deepEqual(read.diagnostics, []);
    assert.deepEqual(plain(read.data), {
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
    // A path that goes further than the data: the line of the closest node it reaches.
    assert.equal(read.lineOf(["aliases", 5]), 11);
    assert.equal(read.lineOf(["roles", 0, "missing"]), 5);
  });

  it("counts lines from where the YAML starts in its file (front matter starts at line 2)", () => {
    const read = parseYaml(`title: "Un titre : avec deux-points"\ndate: 2020-01-01\ntags: [politique, diplomatie]\nsummary: >-\n  Un résumé\n  sur deux lignes`, "a.md", 2);
    assert.deepEqual(read.diagnostics, []);
    assert.deepEqual(plain(read.data), { title: "Un titre : avec deux-points", date: "2020-01-01", tags: ["politique", "diplomatie"], summary: "Un résumé sur deux lignes" });
    assert.equal(read.lineOf(["date"]), 3);
    assert.equal(read.lineOf(["tags", 1]), 4);
    assert.equal(read.lineOf(["summary"]), 5);
  });

  it("keeps the later value of a key written twice, as Hugo and Jekyll do, with a warning at its line", () => {
    const repeated = parseYaml(`title: x\ndate: 2020-01-01\nroles:\n  - title: a\n    title: b\ntitle: y`, "a.md", 2);
    assert.deepEqual(plain(repeated.data), { title: "y", date: "2020-01-01", roles: [{ title: "b" }] });
    assert.deepEqual(
      repeated.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity, d.params]),
      [
        ["a.md", 6, "yaml-duplicate-key", "warning", { key: "title", firstLine: 5 }],
        ["a.md", 7, "yaml-duplicate-key", "warning", { key: "title", firstLine: 2 }],
      ],
    );
    assert.match(repeated.diagnostics[1]?.message ?? "", /`title` is written a second time \(first at line 2\)/);
    // The line of a repeated key's value is the kept one's.
    assert.equal(repeated.lineOf(["title"]), 7);
  });

  it("names the line of a syntax error and says how to fix it", () => {
    const unclosed = parseYaml(`title: x\ndate: 2020-01-01\nsummary: "pas fermé`, "a.md", 2);
    assert.equal(unclosed.data, undefined);
    assert.deepEqual(
      unclosed.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity]),
      [["a.md", 4, "yaml-syntax", "error"]],
    );
    assert.match(unclosed.diagnostics[0]?.fix ?? "", /quote values/);
    const colon = parseYaml(`title: x\nsummary: deux: points\ndate: 2020-01-01`, "b.md", 2);
    assert.deepEqual(colon.diagnostics.map((d) => [d.line, d.rule]), [[3, "yaml-syntax"]]);
    const badIndent = parseYaml(`name: X\naliases:\n  - A\n - B`, "c.yml");
    assert.equal(badIndent.diagnostics[0]?.rule, "yaml-syntax");
    assert.equal(badIndent.diagnostics[0]?.line, 4);
  });

  it("keeps keys that name prototypes as plain keys, in objects without prototype", () => {
    const read = parseYaml(`__proto__:\n  polluted: true\nconstructor: x`, "p.md", 2);
    assert.deepEqual(read.diagnostics, []);
    const data = read.data as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(data), null);
    assert.deepEqual(Object.keys(data), ["__proto__", "constructor"]);
    assert.equal(Object.getPrototypeOf(data["__proto__"]), null);
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  });
});

describe("hostile YAML is refused, at its line", () => {
  it("refuses an alias bomb before building it, at the line of its first alias", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) levels.push(`${"abcdefghij"[level]}: &${"abcdefghij"[level]} [${Array.from({ length: 10 }, () => `*${"abcdefghij"[level - 1]}`).join(", ")}]`);
    const read = parseYaml(`title: x\n${levels.join("\n")}`, "bomb.md", 2);
    assert.equal(read.data, undefined);
    assert.deepEqual(read.diagnostics.map((d) => [d.line, d.rule]), [[4, "yaml-limit"]]);
    assert.match(read.diagnostics[0]?.message ?? "", /more than 100 copies/);
    assert.match(read.diagnostics[0]?.fix ?? "", /Write the values out/);
  });

  it("reads a few aliases, and names the line of one whose anchor is not set", () => {
    assert.deepEqual(plain(parseYaml(`a: &x [1, 2]\nb: *x`, "ok.yml").data), { a: [1, 2], b: [1, 2] });
    const read = parseYaml(`title: x\ndate: 2020-01-01\nother: *nowhere`, "alias.md", 2);
    assert.equal(read.data, undefined);
    assert.deepEqual(read.diagnostics.map((d) => [d.line, d.rule]), [[4, "yaml-syntax"]]);
    assert.match(read.diagnostics[0]?.fix ?? "", /&anchor/);
  });

  it("refuses nesting and sizes over the limits before the parser runs", () => {
    const depth = SOURCE_LIMITS.yamlDepth + 5;
    const nested = `title: x\nb: ${"[".repeat(depth)}1${"]".repeat(depth)}`;
    assert.deepEqual(parseYaml(nested, "deep.md", 2).diagnostics.map((d) => [d.line, d.rule]), [[3, "yaml-limit"]]);
    const indented = `title: x\n${Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1`;
    const deep = parseYaml(indented, "indent.md", 2);
    assert.equal(deep.diagnostics[0]?.rule, "yaml-limit");
    assert.equal(deep.diagnostics[0]?.line, 2 + 1 + SOURCE_LIMITS.yamlDepth);
    const long = parseYaml(`title: x\nsummary: ${"x".repeat(SOURCE_LIMITS.yamlLineChars + 1)}`, "long.md", 2);
    assert.deepEqual(long.diagnostics.map((d) => [d.line, d.rule]), [[3, "yaml-limit"]]);
    assert.equal(long.data, undefined);
  });
});
