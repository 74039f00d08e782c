import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildArticle } from "../../src/archive/build-article.ts";
import { findDateMentions } from "../../src/extract/date-mentions.ts";
import { dateInUrl, parseIsoLike } from "../../src/extract/date.ts";
import { compileKnowledge } from "../../src/extract/compile.ts";
import { segmentPage } from "../../src/extract/segment.ts";
import { loadReaders, readSource } from "../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { isRealDate } from "../../src/text/calendar.ts";
import { slugify } from "../../src/text/slug.ts";
import { tokenize } from "../../src/text/tokenize.ts";
import { fixtureContent } from "../helpers/content.ts";

// The HTML reader is loaded on demand; these tests read HTML directly.
await loadReaders();

const RUNS = { numRuns: 300 };
const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const today = new Date("2026-11-23T00:00:00Z");

/** Text that looks like news pages: words, dates, names, front matter and HTML fragments mixed with noise. */
const newsish = fc.array(
  fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.constantFrom("---\n", "title: ", "date: ", "\n", "\r\n", "\uFEFF", "<script>", "</p>", "<h1>", "M. ", "(DGST)", "Abdellatif Hammouchi", "31/02/2020", "29 février 2023", "mercredi 3 juin", "le 1er", "2020-13-45", "Sujets associés : ", "Aller plus loin", "&amp;", "’", "…", "__proto__: 1\n"),
    fc.integer({ min: 0, max: 3000 }).map(String),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(" "));

describe("properties", () => {
  it("a slug is always a safe path segment", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const slug = slugify(text);
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(slug.length <= 80);
      }),
      RUNS,
    );
  });

  it("every date read from text is a real calendar date", () => {
    fc.assert(
      fc.property(newsish, (text) => {
        for (const mention of findDateMentions(text)) {
          if (mention.day !== undefined && mention.month !== undefined) assert.ok(isRealDate(mention.year ?? 2000, mention.month, mention.day), mention.text);
          if (mention.month !== undefined) assert.ok(mention.month >= 1 && mention.month <= 12);
          assert.equal(text.slice(mention.start, mention.end).trim(), mention.text);
        }
      }),
      RUNS,
    );
  });

  it("an ISO-like or URL date, when read, is a real calendar date", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)), (text) => {
        for (const parsed of [parseIsoLike(text), dateInUrl(`https://example.org/${text.replace(/-/g, "/")}/x`)]) {
          if (!parsed) continue;
          const [y, m = 1, d = 1] = parsed.value.split("-").map(Number);
          assert.ok(isRealDate(y ?? 0, m, d), parsed.value);
        }
      }),
      RUNS,
    );
  });

  it("tokens always point at their text", () => {
    fc.assert(
      fc.property(newsish, (text) => {
        for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
      }),
      RUNS,
    );
  });

  it("readers and extraction never throw, whatever the input", () => {
    fc.assert(
      fc.property(newsish, fc.constantFrom("markdown", "text", "html") as fc.Arbitrary<"markdown" | "text" | "html">, (text, format) => {
        const { doc } = readSource(text, "arbitrary", format, { pageFurniture: compiled.kb.rules.pageFurniture });
        assert.equal(doc.format, format);
        segmentPage(doc.text, compiled.kb.rules);
        const record = buildArticle(doc, compiled, { today });
        assert.match(record.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        if (record.date?.precision === "day") {
          const [y, m, d] = record.date.value.split("-").map(Number);
          assert.ok(isRealDate(y ?? 0, m ?? 0, d ?? 0));
        }
      }),
      { numRuns: 150 },
    );
  });
});
