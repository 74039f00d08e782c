import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/build/build-archive.ts";
import { importSources } from "../../../src/build/import.ts";
import { fixtureContent } from "../../helpers/content.ts";

const today = new Date("2026-11-23T00:00:00Z");

function contentWithArticles(): string {
  const content = fixtureContent();
  importSources({ contentDir: content, sources: [join(import.meta.dirname, "../../fixtures/corpus")], cwd: content, today });
  return content;
}

describe("the record cache", () => {
  it("re-extracts only the sources that changed", async () => {
    const content = contentWithArticles();
    const cacheDir = join(mkdtempSync(join(tmpdir(), "revue-cache-")), "records");
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
    // Only the bucket that holds the edited source was written again.
    const after = buckets();
    assert.deepEqual([...after.keys()], [...before.keys()]);
    assert.equal([...after].filter(([name, text]) => before.get(name) !== text).length, 1);
  });

  it("treats a damaged bucket as empty and repairs it", async () => {
    const content = contentWithArticles();
    const cacheDir = join(mkdtempSync(join(tmpdir(), "revue-cache-")), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const [damaged] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, damaged as string), "{not json");
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.ok(second.extracted >= 1 && second.extracted < first.report.read, `${second.extracted} re-extracted`);
    assert.deepEqual(second.records, first.records);
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(third.extracted, 0);
  });

  it("is invalidated by a change to the knowledge base", async () => {
    const content = contentWithArticles();
    const cacheDir = join(mkdtempSync(join(tmpdir(), "revue-cache-")), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    writeFileSync(join(content, "actors/people/leila-b.yml"), "name: Leila Benali\naliases: [Leila B.]\n");
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.cacheHits, 0);
    assert.equal(second.extracted, first.report.read);
  });
});

describe("parallel extraction", () => {
  it("gives the same archive on worker threads as on one thread", async () => {
    const content = contentWithArticles();
    const one = await buildArchive({ contentDir: content, cwd: content, today, threads: 1 });
    const two = await buildArchive({ contentDir: content, cwd: content, today, threads: 2 });
    assert.deepEqual(two.records, one.records);
    assert.deepEqual(two.report, one.report);
  });
});
