import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { markdownNestingProblem, oversizeParagraphs } from "../../../src/ingest/markdown-limits.ts";
import { SOURCE_LIMITS } from "../../../src/ingest/source-limits.ts";
import { yamlLimitProblem } from "../../../src/ingest/yaml-limits.ts";

const LIMIT = SOURCE_LIMITS.yamlDepth;

describe("the YAML limits", () => {
  it("measure nesting by indentation, `- ` items and flow brackets, naming the first line over the limit", () => {
    const map = Array.from({ length: LIMIT + 1 }, (_, depth) => `${" ".repeat(depth)}k${depth}:`).join("\n") + ` v`;
    assert.equal(yamlLimitProblem(map, 2)?.line, 2 + LIMIT);
    assert.equal(yamlLimitProblem(Array.from({ length: LIMIT }, (_, depth) => `${" ".repeat(depth)}k${depth}:`).join("\n") + " v", 2), undefined);
    assert.match(yamlLimitProblem(`a: 1\nb: ${"- ".repeat(LIMIT + 1)}v`, 1)?.message ?? "", /nested \d+ levels deep/);
    assert.equal(yamlLimitProblem(`a: 1\nb:\n  ${"- ".repeat(LIMIT + 1)}v`, 1)?.line, 3);
    assert.equal(yamlLimitProblem(`a: 1\nb: ${"[".repeat(LIMIT + 1)}${"]".repeat(LIMIT + 1)}`, 1)?.line, 2);
    assert.equal(yamlLimitProblem(`b: {x: [\n  {y: ${"[".repeat(LIMIT)}`, 1)?.line, 2, "a flow collection spans lines");
  });

  it("leave text alone: brackets and dashes inside values, quotes, comments and block scalars open nothing", () => {
    const brackets = "[".repeat(LIMIT * 2);
    assert.equal(yamlLimitProblem(`title: "${brackets}"\nsummary: '${brackets}'\nnote: a ${brackets}\n# ${brackets}`, 1), undefined);
    assert.equal(yamlLimitProblem(`title: l'affaire [${brackets}\nsummary: - - - - - - - -`, 1), undefined);
    const poem = Array.from({ length: LIMIT * 2 }, (_, i) => `${" ".repeat(2 + i)}vers ${i}`).join("\n");
    assert.equal(yamlLimitProblem(`summary: |\n${poem}\ntitle: x`, 1), undefined, "a block scalar's indentation is text");
    assert.equal(yamlLimitProblem(`summary: "${brackets}\n  ${brackets}"\ntitle: x`, 1), undefined, "a quoted value spans lines");
  });

  it("bound a line and a document", () => {
    assert.equal(yamlLimitProblem(`title: x\nsummary: ${"a".repeat(SOURCE_LIMITS.yamlLineChars)}`, 2)?.line, 3);
    assert.equal(yamlLimitProblem(`title: x\nsummary: ${"a".repeat(SOURCE_LIMITS.yamlLineChars - 10)}`, 2), undefined);
    assert.equal(yamlLimitProblem(`a: b\n`.repeat(SOURCE_LIMITS.yamlChars / 5 + 1), 2)?.line, 2);
  });
});

describe("the Markdown limits", () => {
  const depth = SOURCE_LIMITS.markdownDepth;

  it("count block quotes and list items, written on one line or by indentation", () => {
    assert.equal(markdownNestingProblem(`Texte.\n\n${"> ".repeat(depth + 1)}x`, 5)?.line, 7);
    assert.equal(markdownNestingProblem(`${"> ".repeat(depth)}x`), undefined);
    assert.equal(markdownNestingProblem(`${"- ".repeat(depth + 1)}x`)?.line, 1);
    const indented = Array.from({ length: depth + 1 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
    assert.equal(markdownNestingProblem(indented)?.line, depth + 1);
    assert.equal(markdownNestingProblem(Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n")), undefined);
    assert.equal(markdownNestingProblem(`${"> - ".repeat(depth / 2)}> x`)?.line, 1, "quotes and lists together");
  });

  it("leave fenced code, thematic breaks and lists that end alone", () => {
    assert.equal(markdownNestingProblem(`\`\`\`\n${"> ".repeat(depth * 2)}\n\`\`\`\nTexte.`), undefined);
    assert.equal(markdownNestingProblem("- ".repeat(depth * 2).trim()), undefined, "`- - - …` is a thematic break");
    const lists = Array.from({ length: depth * 2 }, (_, i) => `- item ${i}\n  - sous-item`).join("\n\nParagraphe.\n\n");
    assert.equal(markdownNestingProblem(lists), undefined);
  });

  it("find the paragraphs too long or too full of delimiters for the inline parser, where they start", () => {
    const long = "mot ".repeat(SOURCE_LIMITS.inlineChars / 4 + 1);
    const delimiters = "*_".repeat(SOURCE_LIMITS.inlineDelimiters / 2 + 1);
    const markdown = `Court.\n\n${long}\n\nCourt.\n\n${delimiters}\n   \n${"*_".repeat(SOURCE_LIMITS.inlineDelimiters / 2)}`;
    const found = oversizeParagraphs(markdown);
    assert.deepEqual(found.map((p) => p.offset), [8, markdown.indexOf(delimiters)]);
    assert.deepEqual(found.map((p) => p.text), [long, delimiters]);
  });
});
