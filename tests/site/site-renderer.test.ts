import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { eleventyRenderer } from "../../scripts/lib/eleventy.ts";
import { buildArchive } from "../../src/pipeline/build-archive.ts";
import { buildSite, type SearchIndexer, type SearchShardWork, type SiteRenderer } from "../../src/pipeline/build-site.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { outputPath } from "../../src/site/fingerprint.ts";
import { planSite, renderData, type RenderData } from "../../src/site/site-data.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const files = (root: string) => walkFiles(root).map((file) => relative(root, file)).sort();

/** A renderer that writes each file's view type (or URL) as its content, and notes the runs it was asked for. */
function recordingRenderer(): SiteRenderer & { runs: RenderData[] } {
  const runs: RenderData[] = [];
  return {
    runs,
    version: () => "recording",
    render: async (data, folder) => {
      runs.push(data);
      for (const item of [...data.render.pages, ...data.render.feeds, ...data.render.files]) {
        const file = join(folder, outputPath(item.url));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, "type" in item ? item.type : item.url);
      }
    },
  };
}

function recordingIndexer(): SearchIndexer & { shards: SearchShardWork[] } {
  const shards: SearchShardWork[] = [];
  return {
    shards,
    version: () => "recording",
    write: async (work) => {
      shards.push(...work);
      return work.reduce((total, shard) => total + shard.records.length, 0);
    },
  };
}

describe("the build's renderer and search indexer", () => {
  it("are handed in: the files the renderer writes for the planned site are the site, and the indexer gets every article", async () => {
    const content = fixtureContent();
    const output = join(scratchDir("renderer"), "_site");
    const renderer = recordingRenderer();
    const searchIndexer = recordingIndexer();
    const result = await buildSite({ content, output, ci: false, log: () => {}, renderer, searchIndexer, renderBatch: 7 });
    const planned = planSite(result.archive);
    const expected = [...planned.pages, ...planned.feeds, ...planned.files].map((item) => outputPath(item.url));
    // Runs of at most 7 files, every planned file once; the build adds its marker file.
    assert.ok(renderer.runs.length >= Math.ceil(expected.length / 7));
    assert.ok(renderer.runs.every((run) => run.render.pages.length + run.render.feeds.length + run.render.files.length <= 7));
    assert.deepEqual(files(output).filter((file) => !file.startsWith(".")), [...expected].sort());
    assert.equal(readFileSync(join(output, "index.html"), "utf8"), "home");
    assert.equal(searchIndexer.shards.reduce((total, shard) => total + shard.records.length, 0), result.archive.records.length);
  });

  it("renders nothing again for a rebuild of content that did not change", async () => {
    const content = fixtureContent();
    const output = join(scratchDir("renderer"), "_site");
    await buildSite({ content, output, ci: false, log: () => {}, renderer: recordingRenderer(), searchIndexer: recordingIndexer() });
    const again = recordingRenderer();
    await buildSite({ content, output, ci: false, log: () => {}, renderer: again, searchIndexer: recordingIndexer() });
    assert.equal(again.runs.flatMap((run) => [...run.render.pages, ...run.render.feeds, ...run.render.files]).length, 0);
  });
});

describe("Eleventy as the renderer", () => {
  it("keeps no state between runs: two runs at once each write their own site data", async () => {
    const archive = await buildArchive({ contentDir: fixtureContent() });
    const site = planSite(archive);
    const [home, other] = [site.pages[0], site.pages.find((page) => page.url.startsWith("/articles/"))];
    assert.ok(home && other);
    const renderer = eleventyRenderer();
    const [one, two] = [join(scratchDir("eleventy"), "one"), join(scratchDir("eleventy"), "two")];
    await Promise.all([
      renderer.render(renderData(site, { pages: [home], feeds: [], files: [] }), one, archive.config.pathPrefix),
      renderer.render(renderData(site, { pages: [other], feeds: [], files: [] }), two, archive.config.pathPrefix),
    ]);
    const pages = (root: string) => files(root).filter((file) => file.endsWith(".html"));
    assert.deepEqual(pages(one), ["index.html"]);
    assert.deepEqual(pages(two), [outputPath(other.url)]);
    assert.match(readFileSync(join(two, outputPath(other.url)), "utf8"), /<article/);
  });
});
