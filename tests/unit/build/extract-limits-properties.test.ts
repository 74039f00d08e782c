import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { extractSource, type Extracted } from "../../../src/pipeline/extract-source.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadReaders } from "../../../src/ingest/read-source.ts";
import { SOURCE_LIMITS } from "../../../src/ingest/source-limits.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { extractEachWithinTimeLimit, timedOutSource } from "../../../src/pipeline/source-timeout.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

await loadReaders();

// Modest: two cores are shared, and some inputs are large.
const RUNS = { numRuns: 60 };
const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const options = { homeCountry: "MA", today: new Date("2026-11-23T00:00:00Z") };
const dir = scratchDir("extract-limits");

/**
 * Extracts `bytes` as a source file named with `extension`: what a build does with any file it
 * finds, under the build's time limit (a source over it is rejected with that reason, and a
 * never-ending one is cut instead of hanging the suite).
 */
function extractFile(bytes: Uint8Array | string, extension: string, index: number): Extracted {
  const display = `source-${index}${extension}`;
  const file = join(dir, display);
  writeFileSync(file, bytes);
  const limitMs = SOURCE_LIMITS.extractionSeconds * 1000;
  const [extracted] = extractEachWithinTimeLimit([file], (path) => extractSource(path, display, compiled, options), () => timedOutSource(display, limitMs), limitMs);
  return extracted as Extracted;
}

/** Published, a draft, or rejected with a reason; never an exception. */
function assertAccountedFor(extracted: Extracted): void {
  const { record, diagnostics } = extracted.result;
  if (record === null) {
    const reasons = diagnostics.filter((d) => d.severity === "error");
    assert.ok(reasons.length > 0, "a rejected source has a reason");
    for (const reason of reasons) assert.ok(reason.message.length > 0 && reason.file.startsWith("source-"), "the reason names the file");
  } else assert.equal(typeof record.draft, "boolean");
}

const nested = (unit: string, close = "") => fc.integer({ min: 1, max: 4000 }).map((depth) => unit.repeat(depth) + "v" + close.repeat(depth));
/** Pieces of YAML, deep and wide ones included. */
const yamlValue = fc.oneof(
  fc.string(),
  nested("{k: ", "}"),
  nested("["),
  nested("- "),
  fc.integer({ min: 1, max: 200 }).map((depth) => Array.from({ length: depth }, (_, i) => `\n${" ".repeat(i + 2)}k${i}:`).join("") + " v"),
  fc.integer({ min: 1, max: 200_000 }).map((length) => "a".repeat(length)),
  fc.constantFrom("|\n  bloc\n   plus\n", "'l''apostrophe'", '"\\u00e9"', "&a [*a]", "*nowhere", "!!binary x", "null", "2021-02-31"),
);
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom("title", "date", "summary", "people", "topics", "draft", "outlet", "url", "extra", "__proto__"), yamlValue), { maxLength: 5 })
  .map((entries) => `---\n${entries.map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n`);
/** Pieces of Markdown, deep nesting and delimiter runs included. */
const markdownPiece = fc.oneof(
  fc.string(),
  fc.integer({ min: 1, max: 4000 }).map((depth) => "> ".repeat(depth) + "citation"),
  fc.integer({ min: 1, max: 2000 }).map((depth) => "- ".repeat(depth) + "item"),
  fc.integer({ min: 1, max: 300 }).map((depth) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item`).join("\n")),
  fc.tuple(fc.constantFrom("*_", "[", "**a", "[a](", "<a ", "`", "a*b_", "[a]: "), fc.integer({ min: 1, max: 30_000 })).map(([unit, count]) => unit.repeat(count)),
  fc.constantFrom("# Titre", "```\n> > >\n```", "***", "<script>x</script>", "\n\n", "\u0000", "\uFEFF", "Abdellatif Hammouchi"),
);
const markdown = fc
  .tuple(fc.option(frontMatter, { nil: "" }), fc.array(markdownPiece, { maxLength: 6 }), fc.constantFrom("\n", "\n\n", " "))
  .map(([matter, pieces, separator]) => matter + pieces.join(separator));

describe("any input file is published, a draft or rejected with a reason, within the limits", () => {
  let index = 0;

  it("arbitrary bytes, as any kind of source", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom(".md", ".txt", ".html"), (bytes, extension) => assertAccountedFor(extractFile(bytes, extension, index++))),
      RUNS,
    );
  });

  it("arbitrary front matter and Markdown, deep nesting and long runs included", () => {
    fc.assert(
      fc.property(markdown, (text) => assertAccountedFor(extractFile(text, ".md", index++))),
      RUNS,
    );
  });

  it("saved pages nested deep, and the same text read as a raw capture", () => {
    const nestedHtml = fc
      .tuple(fc.constantFrom(["<blockquote>", "</blockquote>"], ["<ul><li>", "</li></ul>"], ["<div>", "</div>"], ["<em>", "</em>"]), fc.integer({ min: 1, max: 3000 }), markdownPiece)
      .map(([[open, close], depth, text]) => `<html><head><title>Une page</title></head><body><article><h1>Une page</h1><p>Un paragraphe.</p>${open.repeat(depth)}${text}${close.repeat(depth)}</article></body></html>`);
    fc.assert(
      fc.property(fc.oneof(nestedHtml.map((html) => [html, ".html"] as const), markdown.map((text) => [text, ".txt"] as const)), ([text, extension]) => assertAccountedFor(extractFile(text, extension, index++))),
      { numRuns: 30 },
    );
  });
});
