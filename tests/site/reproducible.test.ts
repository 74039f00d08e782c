import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../src/editor/import.ts";
import type { BuildSession } from "../../src/pipeline/build-site.ts";
import { build } from "../../scripts/lib/build.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { buildSite } from "../helpers/site.ts";
import { scratchDir } from "../helpers/scratch.ts";

function fingerprint(root: string): Record<string, string> {
  return Object.fromEntries(walkFiles(root).map((file) => [relative(root, file), createHash("sha256").update(readFileSync(file)).digest("hex")]));
}

/** The fixture content with the corpus articles imported. */
async function contentWithCorpus(): Promise<string> {
  const content = fixtureContent();
  await importSources({ contentDir: content, sources: [join(import.meta.dirname, "../fixtures/corpus")], cwd: content, today: new Date("2026-11-23T00:00:00Z") });
  return content;
}

describe("the build's output", () => {
  it("is byte-identical from one build of the same content to the next", async () => {
    const content = fixtureContent();
    const one = await buildSite(content);
    const two = await buildSite(content);
    const a = fingerprint(one.output);
    const b = fingerprint(two.output);
    assert.ok(Object.keys(a).length > 20);
    assert.deepEqual(b, a);
  });

  it("is the same whether Eleventy renders it in one run or in several", async () => {
    const content = fixtureContent();
    const whole = await buildSite(content);
    const output = join(scratchDir("batches"), "_site");
    await build({ content, output, ci: false, log: () => {}, renderBatch: 7 });
    assert.ok(Object.keys(fingerprint(output)).length > 7 * 3);
    assert.deepEqual(fingerprint(output), fingerprint(whole.output));
  });

  it("is replaced only when the build succeeds: a failed build leaves the previous site whole", async () => {
    const content = fixtureContent();
    const { output } = await buildSite(content);
    const before = fingerprint(output);
    // A template that fails, in a copy of the templates folder, makes the render fail after the records were built.
    const templates = join(scratchDir("templates"), "templates");
    cpSync(join(import.meta.dirname, "../../templates"), templates, { recursive: true });
    writeFileSync(join(templates, "broken.11ty.js"), `export default () => { throw new Error("broken template"); };\n`);
    await assert.rejects(build({ content, output, ci: false, log: () => {}, templates }), /broken\.11ty\.js/);
    assert.deepEqual(fingerprint(output), before);
    assert.equal(walkFiles(join(output, "..")).some((f) => f.includes(".tmp-")), false, "no temporary folder left");
    assert.ok(existsSync(join(output, "index.html")));
  });
});

describe("a rebuild after an edit", () => {
  it("renders only what changed, and gives the same site as a build from scratch", async () => {
    const content = fixtureContent();
    const lines: string[] = [];
    const root = scratchDir("incremental");
    const output = join(root, "_site");
    await build({ content, output, ci: false, log: () => {} });
    const article = join(content, "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md");
    // A change in the last paragraph: the article page (and the search index) change, not the lists that show its summary.
    writeFileSync(article, readFileSync(article, "utf8").replace("précise La Map", "précise l’agence MAP"));
    await build({ content, output, ci: false, log: (line) => lines.push(line) });
    const summary = lines.find((line) => /fichiers? modifiés? rendus?/.test(line)) ?? "";
    const rendered = Number(/(\d+) fichiers? modifiés? rendus?/.exec(summary)?.[1]);
    assert.ok(rendered > 0 && rendered < 5, summary);
    const scratch = await buildSite(content);
    assert.deepEqual(fingerprint(output), fingerprint(scratch.output));
  });

  it("makes again the files someone deleted from the site", async () => {
    const content = fixtureContent();
    const output = join(scratchDir("incremental"), "_site");
    await build({ content, output, ci: false, log: () => {} });
    const whole = fingerprint(output);
    rmSync(join(output, "personnes"), { recursive: true });
    rmSync(join(output, "pagefind"), { recursive: true });
    await build({ content, output, ci: false, log: () => {} });
    assert.deepEqual(fingerprint(output), whole);
  });

  it("removes the pages of a deleted article", async () => {
    const content = fixtureContent();
    const output = join(scratchDir("incremental"), "_site");
    await build({ content, output, ci: false, log: () => {} });
    const page = join(output, "articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/index.html");
    assert.ok(existsSync(page));
    rmSync(join(content, "articles/2020"), { recursive: true });
    await build({ content, output, ci: false, log: () => {} });
    assert.ok(!existsSync(page));
    assert.ok(!existsSync(join(output, "articles/2020")), "no empty folder left");
    assert.deepEqual(fingerprint(output), fingerprint((await buildSite(content)).output));
  });

  it("indexes again only the search shard of the edited article", async () => {
    const content = await contentWithCorpus();
    const env = { ...process.env, REVUE_SEARCH_SHARD_SIZE: "2" };
    const output = join(scratchDir("incremental"), "_site");
    await build({ content, output, ci: false, env, log: () => {} });
    const article = join(content, "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md");
    writeFileSync(article, readFileSync(article, "utf8").replace("précise La Map", "précise l’agence MAP"));
    const lines: string[] = [];
    await build({ content, output, ci: false, env, log: (line) => lines.push(line) });
    const summary = lines.find((line) => line.includes("index de recherche :")) ?? "";
    const [, written, shards] = /index de recherche : (\d+) tranches? écrites? sur (\d+)/.exec(summary) ?? [];
    assert.equal(Number(written), 1, summary);
    assert.ok(Number(shards) >= 2, summary);
    const scratch = join(scratchDir("incremental"), "_site");
    await build({ content, output: scratch, ci: false, env, log: () => {} });
    assert.deepEqual(fingerprint(output), fingerprint(scratch));
  });

  it("after edits to what lists show (title, summary, actors), gives the same site as a build from scratch, with paginated term pages", async () => {
    const content = await contentWithCorpus();
    const env = { ...process.env, REVUE_PER_PAGE: "1" };
    const output = join(scratchDir("incremental"), "_site");
    await build({ content, output, ci: false, env, log: () => {} });
    const article = join(content, "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md");
    const edits: [string, (text: string) => string][] = [
      ["title", (text) => text.replace(/^title: .*$/m, "title: Le directeur de la DGSN reçoit l'ambassadeur américain")],
      ["summary", (text) => text.replace(/\n\n(\S)/, "\n\nEn bref, une visite de travail. $1")],
      ["actors", (text) => text.replace(/^title: /m, "people: [nasser-bourita]\ntitle: ")],
    ];
    for (const [what, edit] of edits) {
      const before = readFileSync(article, "utf8");
      assert.notEqual(edit(before), before, what);
      writeFileSync(article, edit(before));
      const lines: string[] = [];
      await build({ content, output, ci: false, env, log: (line) => lines.push(line) });
      assert.ok(lines.some((line) => /\d+ fichiers? modifiés? rendus?/.test(line)), `${what}: ${lines.join(" / ")}`);
      const scratch = join(scratchDir("incremental"), "_site");
      await build({ content, output: scratch, ci: false, env, log: () => {} });
      assert.deepEqual(fingerprint(output), fingerprint(scratch), `after the ${what} edit`);
    }
  });

  it("gives the same site from a dev-server session's rebuilds as from scratch", async () => {
    const content = await contentWithCorpus();
    const output = join(scratchDir("session"), "_site");
    const session: BuildSession = { archive: {}, site: {} };
    let shown = 0;
    await build({ content, output, ci: false, session, log: () => {}, onPages: () => shown++ });
    const article = join(content, "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md");
    writeFileSync(article, readFileSync(article, "utf8").replace(/^title: /m, "agencies: [cia]\ntitle: "));
    await build({ content, output, ci: false, session, log: () => {}, pagesFirst: true, onPages: () => shown++ });
    writeFileSync(join(content, "actors/people/abdellatif-hammouchi.yml"), `${readFileSync(join(content, "actors/people/abdellatif-hammouchi.yml"), "utf8")}description: Patron du pôle DGSN-DGST.\n`);
    await build({ content, output, ci: false, session, log: () => {}, pagesFirst: true, onPages: () => shown++ });
    // An edit that leaves every article's references as they were (what the session keeps
    // from them is reused) but changes its summary, shown on term and archive pages.
    writeFileSync(article, readFileSync(article, "utf8").replace(/^---\n\n/m, "---\n\nUne phrase d’ouverture, sans aucun nom. "));
    const before = fingerprint(output);
    await build({ content, output, ci: false, session, log: () => {}, pagesFirst: true, onPages: () => shown++ });
    assert.notDeepEqual(fingerprint(output), before);
    assert.equal(shown, 4);
    assert.deepEqual(fingerprint(output), fingerprint((await buildSite(content)).output));
  });
});
