import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { buildArticle } from "../../src/archive/build-article.ts";
import { compileKnowledge } from "../../src/extract/compile.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import type { ArticleRecord } from "../../src/model/article.ts";
import { foldText } from "../../src/text/fold.ts";

/**
 * Real French news captures (tests/fixtures/corpus, from the dev set) with what a careful
 * reader finds in them (expected.json): headline, publication date, outlet, the people and
 * institutions of the article proper — never those of the page's teasers.
 *
 * expected.json, per capture: `url` (given to the extraction, as `--url` would be), `title`,
 * `date` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null), `outlet` (the names any of which is right;
 * [] when the page names none), `people` and `agencies` (one list of accepted names per
 * actor), `acceptable` (actors that may be found or not) and `never` (names only the teasers
 * hold). A mismatch fails the capture's test with one line per field that differs.
 *
 * Regenerating it on purpose, after a change meant to alter extraction:
 *
 *     UPDATE=1 npm test -- tests/golden/corpus.test.ts
 *     git diff tests/fixtures/corpus/expected.json
 *
 * rewrites expected.json from what the program now finds: title, date and a wrong outlet are
 * replaced, missed actors dropped, new actors added with the names they were found under,
 * names of `never` that are now found dropped, a capture without an entry given one and an
 * entry without a capture removed; `url`, `acceptable` and the accepted names of actors still
 * found are kept. Captures are in file-name order and fields in the order above, pretty-printed,
 * so the regeneration reads as a diff of what changed. Each change must then be checked against
 * the capture by reading it: the diff is the review, not a formality. A new capture's entry
 * starts with `url: null`: set its page's address by hand when it has one, then regenerate.
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

type Actor = { name: string; mentions: readonly string[]; acronym?: string };

const FIXTURES = join(import.meta.dirname, "../fixtures/corpus");
const EXPECTED_FILE = join(FIXTURES, "expected.json");
const UPDATING = process.env["UPDATE"] === "1";
const REGENERATE = "UPDATE=1 npm test -- tests/golden/corpus.test.ts, then review git diff tests/fixtures/corpus/expected.json";

const expected = JSON.parse(readFileSync(EXPECTED_FILE, "utf8")) as Record<string, Expected>;
const captures = readdirSync(FIXTURES).filter((file) => file.endsWith(".txt")).sort();
const compiled = compileKnowledge(loadKnowledgeBase(join(import.meta.dirname, "../../content")).kb);
const today = new Date("2026-11-23T00:00:00Z");
const norm = (name: string) => foldText(name).replace(/[.'’]/g, " ").replace(/\b(m|mme)\b/g, "").replace(/\s+/g, " ").trim();

function namesOf(ref: Actor): Set<string> {
  return new Set([ref.name, ...ref.mentions, ...(ref.acronym ? [ref.acronym] : [])].map(norm));
}

/** The actors found matched against those wanted: which wanted ones matched, which were missed, which found ones are extra. */
function matchActors(found: readonly Actor[], wanted: readonly string[][], acceptable: readonly string[][]) {
  const free = wanted.map((names) => new Set(names.map(norm)));
  const matched = new Set<number>();
  const extra: Actor[] = [];
  for (const ref of found) {
    const names = namesOf(ref);
    const hit = free.findIndex((set, i) => !matched.has(i) && [...names].some((n) => set.has(n)));
    if (hit >= 0) matched.add(hit);
    else if (!acceptable.some((list) => list.map(norm).some((n) => names.has(n)))) extra.push(ref);
  }
  const missed = wanted.filter((_, i) => !matched.has(i));
  return { matched, missed, extra };
}

const quote = (value: string | null | undefined) => (value == null ? "none" : JSON.stringify(value));
const describeActor = (ref: Actor) => `${ref.name} (as ${ref.mentions.map((m) => JSON.stringify(m)).join(", ") || "no mention"})`;

/** One line per field where the record and the expectation differ, and the expectation regenerated from the record. */
function compare(want: Expected, record: ArticleRecord): { differences: string[]; regenerated: Expected } {
  const differences: string[] = [];
  const regenerated: Expected = { ...want, never: want.never ?? [] };

  const title = record.title ?? null;
  if (title !== want.title) differences.push(`title: expected ${quote(want.title)}\n         found    ${quote(title)}`);
  regenerated.title = title;

  const date = record.date?.value ?? null;
  if (date !== want.date) differences.push(`date: expected ${quote(want.date)}, found ${quote(date)}${record.date ? ` (from ${quote(record.date.evidence)}, ${record.date.via})` : ""}`);
  regenerated.date = date;

  const outlet = record.outlet?.name;
  const outletRight = outlet === undefined ? want.outlet.length === 0 : want.outlet.map(norm).includes(norm(outlet));
  if (!outletRight) {
    differences.push(`outlet: expected ${want.outlet.length ? `one of ${want.outlet.map(quote).join(", ")}` : "none"}, found ${quote(outlet)}`);
    regenerated.outlet = outlet === undefined ? [] : [outlet];
  }

  for (const field of ["people", "agencies"] as const) {
    const { matched, missed, extra } = matchActors(record[field], want[field], want.acceptable);
    if (missed.length) differences.push(`${field}: missed ${missed.map((names) => names[0]).join("; ")}`);
    if (extra.length) differences.push(`${field}: not expected ${extra.map(describeActor).join("; ")}`);
    regenerated[field] = [...want[field].filter((_, i) => matched.has(i)), ...extra.map((ref) => [...new Set([ref.name, ...ref.mentions])])];
  }

  const everyone = new Set([...record.people, ...record.agencies].flatMap((ref) => [...namesOf(ref)]));
  const foundNever = (want.never ?? []).filter((name) => everyone.has(norm(name)));
  if (foundNever.length) differences.push(`never: found ${foundNever.join("; ")}, which only the teasers name`);
  regenerated.never = (want.never ?? []).filter((name) => !foundNever.includes(name));

  return { differences, regenerated };
}

/** The fields in a fixed order, whatever order the file or the regeneration gave them. */
const ordered = (e: Expected): Expected => ({ url: e.url, title: e.title, date: e.date, outlet: e.outlet, people: e.people, agencies: e.agencies, acceptable: e.acceptable, never: e.never ?? [] });

describe("extraction on real captures", () => {
  const regenerated: Record<string, Expected> = {};

  it("has an expectation for every capture, and a capture for every expectation", () => {
    const withoutEntry = captures.filter((file) => !(file in expected));
    const withoutFile = Object.keys(expected).filter((file) => !captures.includes(file));
    if (UPDATING) return;
    assert.deepEqual({ withoutEntry, withoutFile }, { withoutEntry: [], withoutFile: [] }, `expected.json and the captures of tests/fixtures/corpus disagree; to write entries for new captures: ${REGENERATE}`);
  });

  for (const file of captures) {
    const want = expected[file] ?? { url: null, title: null, date: null, outlet: [], people: [], agencies: [], acceptable: [], never: [] };
    it(`reads ${file} as a reader would`, (t) => {
      const { doc } = readSource(readFileSync(join(FIXTURES, file), "utf8"), file, "text");
      const record = buildArticle(doc, compiled, { url: want.url ?? undefined, today, homeCountry: "MA", render: false });
      const { differences, regenerated: entry } = compare(want, record);
      regenerated[file] = ordered(entry);
      if (UPDATING) {
        if (differences.length) t.diagnostic(`${file}: rewritten in expected.json:\n  ${differences.join("\n  ")}`);
        return;
      }
      if (differences.length) assert.fail(`${file} differs from expected.json:\n  ${differences.join("\n  ")}\n(if the change is meant: ${REGENERATE})`);
    });
  }

  after(() => {
    if (!UPDATING) return;
    // A capture whose test threw has no regenerated entry: writing now would drop its expectation.
    const unread = captures.filter((file) => !(file in regenerated));
    if (unread.length) throw new Error(`expected.json not rewritten: ${unread.join(", ")} could not be read`);
    const sorted = Object.fromEntries(Object.keys(regenerated).sort().map((file) => [file, regenerated[file] as Expected]));
    writeFileSync(EXPECTED_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  });
});
