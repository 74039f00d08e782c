import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readMarkdown } from "../../../src/ingest/markdown.ts";
import { readSource } from "../../../src/ingest/read-source.ts";
import { SOURCE_LIMITS } from "../../../src/ingest/source-limits.ts";

const plain = (value: object) => JSON.parse(JSON.stringify(value));

describe("TOML front matter (+++)", () => {
  it("is read with each key's line, a table's key at its header, dates as the ISO 8601 text written", () => {
    const { doc, diagnostics } = readMarkdown(
      "+++\ntitle = 'Un titre'\ndate = 2023-05-04T10:30:00+02:00\nlastmod = 2023-05-06\n# un commentaire\ntags = [\n  'a',\n  'b',\n]\n\n[params]\n  toc = true\n+++\n\nLe texte.\n",
      "hugo.md",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(plain(doc.frontMatter), { title: "Un titre", date: "2023-05-04T10:30:00.000+02:00", lastmod: "2023-05-06", tags: ["a", "b"], params: { toc: true } });
    assert.deepEqual({ ...doc.frontMatterLines }, { title: 2, date: 3, lastmod: 4, tags: 6, params: 11 });
    assert.equal(doc.text.trim(), "Le texte.");
    assert.equal(doc.bodyLine, 14);
  });

  it("is also read between `---toml` lines", () => {
    const { doc, diagnostics } = readMarkdown("---toml\ntitle = \"Un titre\"\n---\nLe texte.\n", "toml.md");
    assert.deepEqual(diagnostics, []);
    assert.equal(doc.frontMatter["title"], "Un titre");
    assert.equal(doc.frontMatterLines["title"], 2);
  });

  it("reports a syntax error on its line, as a front matter that cannot be read", () => {
    const { doc, diagnostics } = readMarkdown("+++\ntitle = 'Un titre'\ndate = = 2023\n+++\nLe texte.\n", "broken.md");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.rule, "front-matter-shape");
    assert.equal(diagnostics[0]?.line, 3);
    assert.match(diagnostics[0]?.message ?? "", /^TOML syntax error/);
    assert.deepEqual(plain(doc.frontMatter), {});
    assert.equal(doc.text, "Le texte.\n");
  });
});

describe("JSON front matter", () => {
  it("is the object the file opens with (Hugo), each key on its line, the body after its closing brace", () => {
    const { doc, diagnostics } = readMarkdown('{\n  "title": "Un titre {entre accolades}",\n  "tags": ["a", "b"],\n  "cover": { "image": "/a.jpg", "alt": "}" }\n}\n\nLe texte.\n', "hugo.md");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(plain(doc.frontMatter), { title: "Un titre {entre accolades}", tags: ["a", "b"], cover: { image: "/a.jpg", alt: "}" } });
    assert.deepEqual({ ...doc.frontMatterLines }, { title: 2, tags: 3, cover: 4 });
    assert.equal(doc.bodyLine, 6);
    assert.equal(doc.text, "\nLe texte.\n");
  });

  it("is also read between `---json` lines", () => {
    const { doc, diagnostics } = readMarkdown('---json\n{\n  "title": "Un titre"\n}\n---\nLe texte.\n', "json.md");
    assert.deepEqual(diagnostics, []);
    assert.equal(doc.frontMatter["title"], "Un titre");
    assert.equal(doc.frontMatterLines["title"], 3);
  });

  it("leaves a body that opens with a shortcode or a Liquid tag as body", () => {
    for (const text of ["{{< figure src=\"a.jpg\" >}}\n\nLe texte.\n", "{% include note.html %}\n\nLe texte.\n"]) {
      const { doc, diagnostics } = readMarkdown(text, "body.md");
      assert.deepEqual(diagnostics, []);
      assert.equal(doc.text, text);
    }
  });

  it("reports an object that is not closed, or text after its closing brace", () => {
    const open = readMarkdown('{\n  "title": "Un titre"\n\nLe texte.\n', "open.md");
    assert.equal(open.diagnostics[0]?.rule, "front-matter-shape");
    assert.match(open.diagnostics[0]?.message ?? "", /JSON front matter cannot be read: .*no closing/);
    const trailing = readMarkdown('{ "title": "Un titre" } et la suite\n\nLe texte.\n', "trailing.md");
    assert.match(trailing.diagnostics[0]?.message ?? "", /text follows the closing/);
    const invalid = readMarkdown('{\n  "title": "Un titre",\n}\n\nLe texte.\n', "comma.md");
    assert.equal(invalid.diagnostics[0]?.rule, "front-matter-shape");
    assert.deepEqual(plain(invalid.doc.frontMatter), {});
  });
});

describe("JavaScript front matter", () => {
  it("is never run: the file is refused with the reason and the fix", () => {
    for (const fence of ["---js", "---javascript", "--- js"]) {
      const { doc, diagnostics } = readMarkdown(`${fence}\n{ title: (globalThis.frontMatterRan = "${fence}", "Un titre") }\n---\n# Un titre\n\nLe texte.\n`, "js.md");
      assert.equal((globalThis as Record<string, unknown>)["frontMatterRan"], undefined, fence);
      assert.equal(diagnostics.length, 1, fence);
      assert.equal(diagnostics[0]?.rule, "front-matter-shape");
      assert.equal(diagnostics[0]?.severity, "error");
      assert.match(diagnostics[0]?.message ?? "", /JavaScript front matter .* never runs it/);
      assert.match(diagnostics[0]?.fix ?? "", /Convert it to YAML/);
      assert.deepEqual(plain(doc.frontMatter), {});
      assert.equal(doc.text, "# Un titre\n\nLe texte.\n", "the body is what follows the front matter");
    }
  });

  it("refuses other languages gray-matter knows or not", () => {
    for (const language of ["coffee", "php", "constructor"]) {
      const { diagnostics } = readMarkdown(`---${language}\ntitle = "x"\n---\nLe texte.\n`, "other.md");
      assert.equal(diagnostics[0]?.rule, "front-matter-shape", language);
      assert.match(diagnostics[0]?.message ?? "", new RegExp(`\`${language}\` cannot be read`));
    }
  });
});

describe("front-matter limits apply to every format", () => {
  const depth = SOURCE_LIMITS.yamlDepth + 8;
  const cases: [name: string, text: string][] = [
    ["TOML tables nested by their header", `+++\ntitle = 'x'\n[${Array.from({ length: depth }, () => "a").join(".")}]\nb = 1\n+++\nTexte.\n`],
    ["TOML inline arrays", `+++\ntitle = 'x'\nb = ${"[".repeat(depth)}1${"]".repeat(depth)}\n+++\nTexte.\n`],
    ["JSON objects", `{\n"title": "x",\n"b": ${'{"c": '.repeat(depth)}1${"}".repeat(depth)}\n}\nTexte.\n`],
    ["TOML over the size limit", `+++\n${`t${"x".repeat(60)} = 'y'\n`.repeat(Math.ceil(SOURCE_LIMITS.yamlChars / 60))}+++\nTexte.\n`],
    ["a TOML line over the line limit", `+++\ntitle = '${"x".repeat(SOURCE_LIMITS.yamlLineChars + 1)}'\n+++\nTexte.\n`],
    ["JSON over the size limit", `{"title": "x", "b": [${"1, ".repeat(SOURCE_LIMITS.yamlChars / 3)}1]}\nTexte.\n`],
  ];
  for (const [name, text] of cases) {
    it(`refuses ${name} before building anything from it (yaml-limit)`, () => {
      const { doc, diagnostics } = readMarkdown(text, "limits.md");
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.equal(diagnostics[0]?.rule, "yaml-limit");
      assert.equal(diagnostics[0]?.severity, "error");
      assert.deepEqual(plain(doc.frontMatter), {});
    });
  }
});

describe("keys that name prototypes", () => {
  it("stay plain keys in TOML and JSON, in objects without prototype", () => {
    const toml = readSource("+++\n__proto__ = { polluted = true }\nconstructor = 'x'\n[prototype]\npolluted = true\n+++\nTexte.\n", "proto.md", "markdown").doc;
    const json = readSource('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}\nTexte.\n', "proto.md", "markdown").doc;
    for (const doc of [toml, json]) {
      assert.equal(Object.getPrototypeOf(doc.frontMatter), null);
      assert.deepEqual(Object.keys(doc.frontMatter).sort(), ["__proto__", "constructor", ...(doc === toml ? ["prototype"] : [])].sort());
      const nested = doc.frontMatter["__proto__"] as object;
      assert.equal(Object.getPrototypeOf(nested), null);
      assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
    }
  });
});

describe("front matter after blank lines", () => {
  it("is read as Hugo reads it, YAML or TOML, with each key's line in the file", () => {
    const yaml = readMarkdown("\n---\ndate: 2017-08-07\ntitle: \"Hugo 0.26\"\n---\n\nLe texte.\n", "relnotes.md");
    assert.deepEqual(yaml.diagnostics, []);
    assert.deepEqual(plain(yaml.doc.frontMatter), { date: "2017-08-07", title: "Hugo 0.26" });
    assert.deepEqual({ ...yaml.doc.frontMatterLines }, { date: 3, title: 4 });
    assert.equal(yaml.doc.bodyLine, 6);
    assert.equal(yaml.doc.text.trim(), "Le texte.");
    const toml = readMarkdown("\n \n+++\ntitle = 'Un titre'\n+++\nLe texte.\n", "toml.md");
    assert.equal(toml.doc.frontMatter["title"], "Un titre");
    assert.equal(toml.doc.frontMatterLines["title"], 4);
  });

  it("is not made of a Markdown body that opens with a blank line and a rule", () => {
    const raw = "\n---\n\nUn paragraphe entre deux filets.\n\n---\nLa suite.\n";
    const { doc, diagnostics } = readMarkdown(raw, "filets.md");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(plain(doc.frontMatter), {});
    assert.equal(doc.text, raw);
    assert.equal(doc.bodyLine, 1);
  });
});
