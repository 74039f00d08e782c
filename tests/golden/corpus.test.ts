import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArticle } from "../../src/build/build-article.ts";
import { compileKnowledge } from "../../src/extract/compile.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { foldText } from "../../src/text/fold.ts";

/**
 * Real French news captures (tests/fixtures/corpus, from the dev set) with what a careful
 * reader finds in them (expected.json): headline, publication date, outlet, the people and
 * institutions of the article proper — never those of the page's teasers.
 */
interface Expected {
  url: string | null;
  title: string | null;
  date: string | null;
  outlet: string[];
  people: string[][];
  agencies: string[][];
  acceptable: string[][];
  never?: string[];
}

const FIXTURES = join(import.meta.dirname, "../fixtures/corpus");
const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as Record<string, Expected>;
const compiled = compileKnowledge(loadKnowledgeBase(join(import.meta.dirname, "../../content")).kb);
const today = new Date("2026-11-23T00:00:00Z");
const norm = (name: string) => foldText(name).replace(/[.'’]/g, " ").replace(/\b(m|mme)\b/g, "").replace(/\s+/g, " ").trim();

function namesOf(ref: { name: string; mentions: readonly string[]; acronym?: string }): Set<string> {
  return new Set([ref.name, ...ref.mentions, ...(ref.acronym ? [ref.acronym] : [])].map(norm));
}

function compare(found: readonly { name: string; mentions: readonly string[]; acronym?: string }[], wanted: string[][], acceptable: string[][], label: string) {
  const free = wanted.map((names) => new Set(names.map(norm)));
  const extra: string[] = [];
  for (const ref of found) {
    const names = namesOf(ref);
    const hit = free.findIndex((set) => set.size > 0 && [...names].some((n) => set.has(n)));
    if (hit >= 0) free[hit] = new Set();
    else if (!acceptable.some((list) => list.map(norm).some((n) => names.has(n)))) extra.push(ref.name);
  }
  const missed = wanted.filter((_, i) => (free[i] as Set<string>).size > 0).map((names) => names[0]);
  assert.deepEqual({ missed, extra }, { missed: [], extra: [] }, label);
}

describe("extraction on real captures", () => {
  for (const [file, want] of Object.entries(expected)) {
    it(`reads ${file} as a reader would`, () => {
      const { doc } = readSource(readFileSync(join(FIXTURES, file), "utf8"), file, "text");
      const record = buildArticle(doc, compiled, { url: want.url ?? undefined, today, homeCountry: "MA", render: false });
      assert.equal(record.title, want.title, "title");
      assert.equal(record.date?.value ?? null, want.date, `date (${record.date?.evidence ?? "none"})`);
      assert.ok(want.outlet.map(norm).includes(norm(record.outlet?.name ?? "")), `outlet ${record.outlet?.name}`);
      compare(record.people, want.people, want.acceptable, "people");
      compare(record.agencies, want.agencies, want.acceptable, "agencies");
      const everyone = [...record.people, ...record.agencies].flatMap((ref) => [...namesOf(ref)]);
      for (const name of want.never ?? []) assert.ok(!everyone.includes(norm(name)), `${name} only appears in teasers`);
    });
  }
});
