import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { build } from "../../scripts/lib/build.ts";
import { buildArchive } from "../../src/pipeline/build-archive.ts";
import { importSources } from "../../src/editor/import.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const today = new Date("2026-11-23T00:00:00Z");

async function contentWithArticles(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today });
  return content;
}

/** Replaces, in place, one lowercase ASCII letter of the file by another (the file keeps its length and stays UTF-8): a flipped bit on disk. */
function flipLetter(file: string, near: number): number {
  const bytes = readFileSync(file);
  for (let i = Math.floor(bytes.length * near); i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x61 && byte <= 0x7a && byte !== 0x71) {
      bytes[i] = 0x71; // « q »
      writeFileSync(file, bytes);
      return i;
    }
  }
  throw new Error(`no letter to flip in ${file}`);
}

const siteFiles = (root: string) => Object.fromEntries(walkFiles(root).map((file) => [relative(root, file), readFileSync(file, "utf8")]));
const cacheFiles = (dir: string, pattern: RegExp) => readdirSync(dir).filter((name) => pattern.test(name)).map((name) => join(dir, name));

describe("a damaged record cache", () => {
  it("publishes nothing from damaged bytes: a rebuild over flipped texts and records equals a clean build", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const clean = join(scratchDir("site"), "_site");
    await build({ content, output: clean, ci: false, log: () => {}, cacheDir });
    // A letter flipped in every text file (record bodies and HTML), and in the records of every bucket (titles, names…).
    for (const file of cacheFiles(cacheDir, /\.text$/)) flipLetter(file, 0.5);
    for (const file of cacheFiles(cacheDir, /^[0-9a-f]{2}\.bin$/)) flipLetter(file, 0.6);
    const lines: string[] = [];
    const rebuilt = join(scratchDir("site"), "_site");
    await build({ content, output: rebuilt, ci: false, log: (line) => lines.push(line), cacheDir });
    const before = siteFiles(clean);
    const after = siteFiles(rebuilt);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
    for (const [path, text] of Object.entries(before)) assert.ok(after[path] === text, `${path} differs from a clean build's`);
  });

  it("drops a record whose cached text does not match its checksum, extracts its source again in the same build, and writes the repaired entry", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const bodies = new Map([...first.records, ...first.drafts].map((record) => [record.id, record.body]));
    const texts = cacheFiles(cacheDir, /\.text$/);
    for (const file of texts) flipLetter(file, 0.3);

    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.equal(second.extracted, 0, "the records themselves are whole: only their texts are read again");
    for (const record of [...second.records, ...second.drafts]) assert.equal(record.body, bodies.get(record.id), record.id);
    second.saveCache();
    await new Promise((resolve) => setImmediate(resolve));
    // The repaired buckets were written again: the next build reads whole texts.
    const third = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const repaired = cacheFiles(cacheDir, /\.text$/);
    assert.ok(texts.every((file) => !repaired.includes(file)), "every damaged text file was replaced");
    for (const record of [...third.records, ...third.drafts]) assert.equal(record.body, bodies.get(record.id), record.id);
  });

  it("drops a bucket whose records file does not match its checksum: its sources are extracted again", async () => {
    const content = await contentWithArticles();
    const cacheDir = join(scratchDir("cache"), "records");
    const first = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    const [bucket] = cacheFiles(cacheDir, /^[0-9a-f]{2}\.bin$/);
    flipLetter(bucket as string, 0.5);
    const second = await buildArchive({ contentDir: content, cwd: content, today, cacheDir });
    assert.ok(second.extracted >= 1 && second.extracted < first.report.read, `${second.extracted} extracted again`);
    assert.deepEqual(second.records, first.records);
  });
});
