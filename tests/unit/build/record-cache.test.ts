import assert from "node:assert/strict";
import { copyFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive, type ArchiveSession } from "../../../src/pipeline/build-archive.ts";
import { readCacheFile } from "../../../src/pipeline/cache-file.ts";
import { RecordCache, type SourceResult } from "../../../src/pipeline/record-cache.ts";
import { importSources } from "../../../src/editor/import.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const today = new Date("2026-11-23T00:00:00Z");

async function contentWithArticles(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../../fixtures/corpus")], cwd: content, today });
  return content;
}

describe("the record cache", () => {
  it("re-extracts only the sources that changed", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(first.cacheHits, 0);
    const total = first.report.read;

    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.cacheHits, total);
    assert.equal(second.extracted, 0);
    assert.deepEqual(second.records, first.records);

    const buckets = () => new Map(readdirSync(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name), "utf8")]));
    const before = buckets();
    const file = join(content, first.report.published[0] as string);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, "\n\nUn paragraphe ajouté par l'éditeur.\n"));
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(third.extracted, 1);
    assert.ok(third.records.some((r) => r.body.includes("Un paragraphe ajouté par l'éditeur.")));
    // Only the files of the bucket that holds the edited source were written again: its
    // records, and their text under a new name (the old one removed).
    const after = buckets();
    const touched = new Set([...after.keys(), ...before.keys()].filter((name) => before.get(name) !== after.get(name)));
    assert.equal(touched.size, 3, [...touched].join(", "));
    assert.equal(new Set([...touched].map((name) => name.slice(0, 2))).size, 1);
    assert.equal(after.size, before.size);
  });

  it("is written when the caller says so, when the build leaves it for later", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, saveCacheLater: true });
    const buckets = () => readdirSync(cacheDir).filter((name) => /^[0-9a-f]{2}\.bin$/.test(name));
    assert.deepEqual(buckets(), []);
    first.saveCache();
    assert.ok(buckets().length > 0);
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.cacheHits, first.report.read);
  });

  it("treats a damaged bucket as empty and repairs it", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const damaged = readdirSync(cacheDir).find((name) => /^[0-9a-f]{2}\.bin$/.test(name));
    writeFileSync(join(cacheDir, damaged as string), "{not a bucket");
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.ok(second.extracted >= 1 && second.extracted < first.report.read, `${second.extracted} re-extracted`);
    assert.deepEqual(second.records, first.records);
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(third.extracted, 0);
  });

  it("reads a record's text only when asked, says so when that text is lost, then extracts its source again", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    for (const name of readdirSync(cacheDir).filter((name) => name.endsWith(".text"))) writeFileSync(join(cacheDir, name), "{not a text");
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    // The records came from the cache without their text, which is read (and found lost) when asked.
    assert.equal(second.extracted, 0);
    assert.ok(second.records.length > 1);
    for (const record of second.records) assert.throws(() => record.body, /the record cache lost .*\.text .*build again/);
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.ok(third.extracted >= second.records.length, `${third.extracted} re-extracted`);
    assert.deepEqual(third.records, first.records);
  });

  it("reads a record's text from its file each time it is asked for, on a copy made with its property descriptors too", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const [original, other] = second.records;
    assert.ok(original && other);
    // As the archive gives a record another id.
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(original)) as typeof original;
    assert.equal(copy.body, first.records[0]?.body);
    assert.equal(copy.html, first.records[0]?.html);
    assert.equal(other.html, first.records[1]?.html);
    // Nothing was kept: once the text files are gone, the text cannot be read.
    for (const name of readdirSync(cacheDir).filter((name) => name.endsWith(".text"))) writeFileSync(join(cacheDir, name), "");
    assert.throws(() => copy.body, /the record cache lost/);
    assert.throws(() => original.html, /the record cache lost/);
  });

  it("lets go of the text of the records it has written, and reads it from its files when asked", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const archive = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, saveCacheLater: true });
    const [released, edited] = archive.records;
    assert.ok(released && edited);
    const texts = { body: released.body, html: released.html };
    const held = (record: object) => Object.getOwnPropertyDescriptor(record, "body")?.value !== undefined;
    assert.ok(held(released));
    // Not written yet: nothing is let go of.
    archive.releaseText();
    assert.ok(held(released));
    archive.saveCache();
    // A record whose text changed after the cache was written keeps its own.
    edited.body = `${edited.body}\n\nAjouté après l'écriture du cache.`;
    archive.releaseText();
    assert.ok(!held(released));
    assert.deepEqual({ body: released.body, html: released.html }, texts);
    assert.ok(held(edited));
    assert.match(edited.body, /Ajouté après l'écriture du cache\.$/);
  });

  it("reads the other texts of a bucket whose last text's source was edited (the text file keeps its length until the bucket is written)", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    // A bucket of several records: the one whose text ends its text file is edited.
    type Bucket = { entries: Record<string, { text?: { start: number } }> };
    const buckets = readdirSync(cacheDir).filter((name) => name.endsWith(".bin")).map((name) => readCacheFile<Bucket>(join(cacheDir, name))?.entries ?? {});
    const shared = buckets.find((entries) => Object.values(entries).filter((entry) => entry.text).length >= 2);
    assert.ok(shared, "a bucket holds two records");
    const [last] = Object.entries(shared).sort(([, a], [, b]) => (b.text?.start ?? -1) - (a.text?.start ?? -1));
    assert.ok(last);
    const file = join(content, last[0]);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, "\n\nUn paragraphe ajouté.\n"));
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.extracted, 1);
    const bodies = (records: { id: string; body: string }[]) => new Map(records.map((record) => [record.id, record.body]));
    const before = bodies(first.records);
    for (const [id, body] of bodies(second.records)) if (!body.includes("Un paragraphe ajouté.")) assert.equal(body, before.get(id), id);
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(third.extracted, 0, "the cache written after the edit is whole");
    assert.deepEqual(third.records.map((record) => record.body), second.records.map((record) => record.body));
  });

  it("is invalidated by a change to the knowledge base", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    writeFileSync(join(content, "actors/people/leila-b.yml"), "name: Leila Benali\naliases: [Leila B.]\n");
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.cacheHits, 0);
    assert.equal(second.extracted, first.report.read);
  });
});

describe("the record cache's file stats", () => {
  const result: SourceResult = { path: "a.md", diagnostics: [], record: null };
  const old = () => ({ size: 120, mtimeMs: Date.now() - 60_000 });

  it("knows a source's hash from its size and modification time, across builds", () => {
    const dir = join(scratchDir("cache"), "records");
    const cache = RecordCache.open(dir, "k");
    const stat = old();
    cache.set("a.md", "h1", result, stat);
    assert.equal(cache.knownHash("a.md", { ...stat }), "h1");
    cache.save(new Set(["a.md"]));
    assert.equal(RecordCache.open(dir, "k").knownHash("a.md", { ...stat }), "h1");
  });

  it("reads the file again when its size or modification time changed", () => {
    const cache = RecordCache.open(join(scratchDir("cache"), "records"), "k");
    const stat = old();
    cache.set("a.md", "h1", result, stat);
    assert.equal(cache.knownHash("a.md", { ...stat, size: 121 }), undefined);
    assert.equal(cache.knownHash("a.md", { ...stat, mtimeMs: stat.mtimeMs + 1 }), undefined);
    assert.equal(cache.knownHash("b.md", stat), undefined);
  });

  it("does not trust the stat of a file written just before it was hashed (it may change again within the clock's tick)", () => {
    const cache = RecordCache.open(join(scratchDir("cache"), "records"), "k");
    const fresh = { size: 120, mtimeMs: Date.now() };
    cache.set("a.md", "h1", result, fresh);
    assert.equal(cache.knownHash("a.md", { ...fresh }), undefined);
  });

  it("sees an edit that keeps the file's size", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const session: ArchiveSession = {};
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, session });
    const file = join(content, first.report.published[0] as string);
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/[a-zé]{6}/, (word) => word.toUpperCase());
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
    writeFileSync(file, edited);
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, session });
    assert.equal(second.extracted, 1);
    const id = first.records.find((r) => r.sourcePath === first.report.published[0])?.id as string;
    assert.ok(first.digests.get(id));
    assert.notEqual(second.digests.get(id), first.digests.get(id));
    assert.equal(second.digests.get(first.records.find((r) => r.id !== id)?.id as string), first.digests.get(first.records.find((r) => r.id !== id)?.id as string));
  });
});

describe("sources the cache has never seen", () => {
  it("are cached under the hash of the content they were extracted from, in this process and in worker processes", async () => {
    for (const workers of [1, 2]) {
      const content = await contentWithArticles();
      const cacheDir = join(scratchDir("cache"), "records");
      const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, workers });
      assert.equal(first.extracted, first.report.read);
      // Every source touched, not changed: its size and time no longer vouch for it, so the
      // next build hashes its bytes again and finds the same result under that hash.
      const later = new Date(Date.now() + 60_000);
      for (const path of first.report.published) utimesSync(join(content, path), later, later);
      const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
      assert.equal(second.extracted, 0, `workers: ${workers}`);
      assert.deepEqual(second.digests, first.digests);
    }
  });
});

describe("a build session (the dev server)", () => {
  it("keeps the knowledge base until one of its files changes", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const session: ArchiveSession = {};
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, session });
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, session });
    assert.equal(second.kb, first.kb);
    assert.equal(second.extracted, 0);
    writeFileSync(join(content, "actors/people/leila-b.yml"), "name: Leila Benali\naliases: [Leila B.]\n");
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir, session });
    assert.notEqual(third.kb, first.kb);
    assert.ok(third.kb.people.has("leila-b"));
    assert.equal(third.extracted, first.report.read);
  });
});

describe("parallel extraction", () => {
  it("gives the same archive from worker processes as from this process, saved HTML pages included", async () => {
    const content = await contentWithArticles();
    // A saved page: the workers load the HTML reader when a chunk has one.
    copyFileSync(join(import.meta.dirname, "../../fixtures/html/time-and-h1.html"), join(content, "articles/saved-page.html"));
    const one = await buildArchive({ contentDir: content, cwd: content, today, workers: 1 });
    const two = await buildArchive({ contentDir: content, cwd: content, today, workers: 2 });
    assert.deepEqual(two.records, one.records);
    assert.deepEqual(two.report, one.report);
    assert.ok(one.report.published.some((path) => path.endsWith("saved-page.html")), "the saved page is published");
  });
});
