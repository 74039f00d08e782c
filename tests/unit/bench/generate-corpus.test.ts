import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { CORPUS_MARKER, generateCorpus, mulberry32, type CorpusOptions, type CorpusSummary } from "../../../scripts/bench/generate-corpus.ts";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { parseYaml } from "../../../src/ingest/yaml.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { RULE_FILES } from "../../../src/knowledge/rules.ts";
import { validateAgainst, type SchemaName } from "../../../src/model/schemas/validate.ts";
import { slugify } from "../../../src/text/slug.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const PROJECT_CONTENT = join(import.meta.dirname, "../../../content");
const ARTICLES = 50;
const ACTORS = 1200;

const scratch = scratchDir("bench");

/** Each corpus is generated once and shared by the tests that read it. */
const corpora = new Map<string, { dir: string; summary: CorpusSummary }>();
function corpus(name: string, options: CorpusOptions): { dir: string; summary: CorpusSummary } {
  let made = corpora.get(name);
  if (!made) {
    const dir = join(scratch, name);
    made = { dir, summary: generateCorpus(dir, options) };
    corpora.set(name, made);
  }
  return made;
}
/** The base the brief asks to validate: 1,200 actors (the default). */
const main = () => corpus("seed-1", { articles: ARTICLES, seed: 1 });
/** Determinism does not depend on the base's size: a smaller one keeps the file count (and the test) small. */
const SMALL = 300;

/** Every file below `dir`, hidden ones included, as sorted relative paths. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else out.push(relative(dir, path));
    }
  };
  visit(dir);
  return out.sort();
}

function treeHash(dir: string): string {
  const hash = createHash("sha256");
  for (const file of filesOf(dir)) hash.update(file).update("\0").update(readFileSync(join(dir, file))).update("\0");
  return hash.digest("hex");
}

const under = (dir: string, folder: string) => filesOf(dir).filter((file) => file.startsWith(`${folder}/`));

function frontMatterOf(text: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  assert.ok(match, "an article starts with front matter between two --- lines");
  return { yaml: match[1] as string, body: match[2] as string };
}

describe("generateCorpus", () => {
  it("writes byte-identical trees for the same seed, and another tree for another seed", () => {
    const one = corpus("small-seed-1", { articles: ARTICLES, actors: SMALL, seed: 1 });
    const two = corpus("small-seed-1-again", { articles: ARTICLES, actors: SMALL, seed: 1 });
    const other = corpus("small-seed-2", { articles: ARTICLES, actors: SMALL, seed: 2 });
    assert.equal(treeHash(two.dir), treeHash(one.dir));
    assert.deepEqual(two.summary, one.summary);
    assert.notEqual(treeHash(other.dir), treeHash(one.dir));
  });

  it("gives article i the same text whatever the number of articles asked for", () => {
    const { dir } = corpus("small-seed-1", { articles: ARTICLES, actors: SMALL, seed: 1 });
    const fewer = corpus("small-seed-1-fewer", { articles: 10, actors: SMALL, seed: 1 });
    const articles = under(fewer.dir, "articles");
    assert.equal(articles.length, 10);
    for (const file of articles) assert.equal(readFileSync(join(fewer.dir, file), "utf8"), readFileSync(join(dir, file), "utf8"), file);
  });

  it("writes the counts it reports: 70 % people, 30 % agencies, topics, places, outlets, rules, site", () => {
    const { dir, summary } = main();
    assert.equal(summary.articles, ARTICLES);
    assert.equal(under(dir, "articles").length, ARTICLES);
    assert.equal(under(dir, "actors/people").length, summary.people);
    assert.equal(under(dir, "actors/agencies").length, summary.agencies);
    assert.equal(summary.people + summary.agencies, ACTORS);
    assert.equal(summary.people, Math.round(ACTORS * 0.7));
    assert.ok(under(dir, "topics").length >= 18, "about twenty topics");
    assert.ok(under(dir, "outlets").length >= 15, "about fifteen outlets");
    assert.ok(under(dir, "places").length >= 3, "a few countries");
    assert.equal(summary.bytes, filesOf(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0));
    assert.ok(existsSync(join(dir, CORPUS_MARKER)));
  });

  it("copies the project's rules and writes a site.yml with the project's keys", () => {
    const { dir } = main();
    for (const name of RULE_FILES) assert.equal(readFileSync(join(dir, name), "utf8"), readFileSync(join(PROJECT_CONTENT, name), "utf8"), name);
    const site = parseYaml(readFileSync(join(dir, "site.yml"), "utf8"), "site.yml").data as Record<string, unknown>;
    const project = parseYaml(readFileSync(join(PROJECT_CONTENT, "site.yml"), "utf8"), "site.yml").data as Record<string, unknown>;
    assert.equal(site["title"], "Revue (bench)");
    assert.deepEqual(Object.keys(site).sort(), Object.keys(project).sort());
  });

  it("writes YAML that parses and validates against the project's schemas", () => {
    const { dir } = main();
    const folders: readonly (readonly [string, SchemaName])[] = [
      ["actors/people", "person"],
      ["actors/agencies", "agency"],
      ["topics", "topic"],
      ["places", "places"],
      ["outlets", "outlet"],
    ];
    for (const [folder, schema] of folders) {
      const files = under(dir, folder);
      assert.ok(files.length > 0, folder);
      for (const file of files) {
        assert.match(file, /\/[a-z0-9]+(-[a-z0-9]+)*\.yml$/, "file names are ids");
        const parsed = parseYaml(readFileSync(join(dir, file), "utf8"), file);
        assert.deepEqual(parsed.diagnostics, [], file);
        assert.deepEqual(validateAgainst(schema, parsed.data, file, parsed.lineOf), [], file);
      }
    }
  });

  it("gives topics trailing-* keywords, agencies unique acronyms and people initial aliases", () => {
    const { dir } = main();
    const read = (file: string) => parseYaml(readFileSync(join(dir, file), "utf8"), file).data as Record<string, unknown>;
    const keywords = under(dir, "topics").flatMap((file) => read(file)["keywords"] as string[]);
    assert.ok(keywords.some((keyword) => keyword.endsWith("*")));
    const acronyms = under(dir, "actors/agencies").flatMap((file) => (read(file)["acronym"] as string | undefined) ?? []);
    assert.ok(acronyms.length > 100, "most generic agencies have an acronym");
    assert.equal(new Set(acronyms).size, acronyms.length);
    const aliases = under(dir, "actors/people").flatMap((file) => (read(file)["aliases"] as string[] | undefined) ?? []);
    assert.ok(aliases.some((alias) => /^\p{Lu}\. \p{Lu}/u.test(alias)), "initial + surname aliases");
  });

  it("makes a knowledge base of 1,200 actors that loads without errors (no alias claimed twice)", () => {
    const { dir } = main();
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(kb.people.size + kb.agencies.size, ACTORS);
  });

  it("writes 2–8 KB articles with only title, date, outlet and url in the front matter", () => {
    const { dir } = main();
    const outlets = new Set(under(dir, "outlets").map((file) => file.replace(/^outlets\/|\.yml$/g, "")));
    const urls = new Set<string>();
    const slugs = new Set<string>();
    for (const file of under(dir, "articles")) {
      const text = readFileSync(join(dir, file), "utf8");
      const size = Buffer.byteLength(text);
      assert.ok(size >= 2048 && size <= 8192, `${file}: ${size} bytes`);
      const { yaml, body } = frontMatterOf(text);
      const parsed = parseYaml(yaml, file, 2);
      assert.deepEqual(validateAgainst("article", parsed.data, file, parsed.lineOf), [], file);
      const fm = parsed.data as Record<string, string>;
      assert.deepEqual(Object.keys(fm), ["title", "date", "outlet", "url"], file);

      const [, year, date, slug] = /^articles\/(\d{4})\/(\d{4}-\d{2}-\d{2})-(.+)\.md$/.exec(file) ?? [];
      assert.equal(fm["date"], date, file);
      assert.ok(Number(year) >= 2005 && Number(year) <= 2025, file);
      assert.equal(date?.slice(0, 4), year);
      // The title's slug, with a counter when another article of the same day has it.
      assert.match(slug as string, new RegExp(`^${slugify(fm["title"] ?? "")}(-\\d+)?$`), `${file}: the file name is the title's slug`);
      assert.ok(!slugs.has(`${date}-${slug}`), `file name ${date}-${slug} is unique`);
      slugs.add(`${date}-${slug}`);
      assert.ok(outlets.has(fm["outlet"] ?? ""), `${file}: outlet ${fm["outlet"]}`);
      assert.ok(!urls.has(fm["url"] ?? ""), `${file}: url is unique`);
      urls.add(fm["url"] ?? "");
      const outlet = parseYaml(readFileSync(join(dir, `outlets/${fm["outlet"]}.yml`), "utf8"), "outlet").data as { domains: string[] };
      assert.ok(outlet.domains.includes(new URL(fm["url"] ?? "").hostname.replace(/^www\./, "")), `${file}: url on the outlet's domain`);

      const paragraphs = body.trim().split(/\n\n/);
      assert.ok(paragraphs.length >= 5 && paragraphs.length <= 10, `${file}: ${paragraphs.length} paragraphs`);
      const words = body.trim().split(/\s+/).length;
      assert.ok(words >= 400 && words <= 900, `${file}: ${words} words`);
    }
  });

  it("writes prose from which extraction finds 3–8 known actors, a place and a topic", async () => {
    const { dir } = main();
    const archive = await buildArchive({ contentDir: dir, cwd: dir, today: new Date(Date.UTC(2026, 0, 1)) });
    assert.equal(archive.records.length, ARTICLES);
    for (const record of archive.records) {
      const known = [...record.people, ...record.agencies].filter((ref) => ref.via === "knowledge-base");
      assert.ok(known.length >= 3 && known.length <= 8, `${record.sourcePath}: ${known.length} known actors`);
      assert.ok(record.places.length >= 1, `${record.sourcePath}: a place`);
      assert.ok(record.topics.length >= 1, `${record.sourcePath}: a topic`);
    }
    // The press forms: an acronym defined once in parentheses, "M."/"Mme" + surname later.
    const bodies = under(dir, "articles").map((file) => readFileSync(join(dir, file), "utf8"));
    assert.ok(bodies.some((text) => /\p{Lu}[^()]+ \(([A-Z]{3,})\)[\s\S]+[ ']\1[ ,.]/u.test(text)));
    assert.ok(bodies.some((text) => /\b(M\.|Mme) \p{Lu}/u.test(text)));
    assert.ok(bodies.some((text) => /« [^»]+ »/.test(text)));
  });

  it("repeats titles, as real archives do, and keeps file names and urls unique (a tiny base repeats them)", () => {
    const { dir } = corpus("tiny", { articles: 300, actors: 4, seed: 5 });
    const articles = under(dir, "articles");
    assert.equal(articles.length, 300);
    const fronts = articles.map((file) => parseYaml(frontMatterOf(readFileSync(join(dir, file), "utf8")).yaml, file).data as Record<string, string>);
    const titles = fronts.map((fm) => fm["title"] ?? "");
    assert.ok(new Set(titles).size < 300, "some titles are alike");
    assert.equal(new Set(articles.map((file) => file.split("/").pop())).size, 300, "file names are unique");
    assert.equal(new Set(fronts.map((fm) => fm["url"])).size, 300);
  });

  it("sizes bodies to bytesPerArticle when asked", () => {
    const { dir } = corpus("sized", { articles: 5, actors: 60, seed: 3, bytesPerArticle: 12_000 });
    for (const file of under(dir, "articles")) {
      const body = frontMatterOf(readFileSync(join(dir, file), "utf8")).body;
      const size = Buffer.byteLength(body);
      assert.ok(size >= 12_000 && size <= 13_000, `${file}: ${size} bytes`);
    }
  });

  it("refuses a folder it did not make, and replaces a corpus it made", () => {
    const foreign = join(scratch, "foreign");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "mine");
    assert.throws(() => generateCorpus(foreign, { articles: 1, actors: 20 }), /not made by the corpus generator/);
    assert.deepEqual(readdirSync(foreign), ["notes.txt"]);

    const own = join(scratch, "own", "nested");
    generateCorpus(own, { articles: 12, actors: 20, seed: 4 });
    const summary = generateCorpus(own, { articles: 3, actors: 20, seed: 4 });
    assert.equal(under(own, "articles").length, 3, "the previous corpus's articles are gone");
    assert.equal(summary.articles, 3);
  });

  it("rejects impossible options", () => {
    const dir = join(scratch, "never");
    assert.throws(() => generateCorpus(dir, { articles: -1 }), RangeError);
    assert.throws(() => generateCorpus(dir, { articles: 1.5 }), RangeError);
    assert.throws(() => generateCorpus(dir, { articles: 1, actors: 2 }), RangeError);
    assert.throws(() => generateCorpus(dir, { articles: 1, bytesPerArticle: 0 }), RangeError);
    assert.equal(existsSync(dir), false);
  });
});

describe("mulberry32", () => {
  it("repeats its stream for a seed and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(Array.from({ length: 1000 }, () => b()), values);
    assert.ok(values.every((value) => value >= 0 && value < 1));
    assert.notDeepEqual(Array.from({ length: 10 }, mulberry32(43)), values.slice(0, 10));
  });
});
