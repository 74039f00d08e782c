/**
 * npm run bench [-- --n 1000 --n 10000 --n 100000]
 *
 * Builds generated archives of N realistic French articles (400–900 words, actors named in
 * the body, no tags in front matter, a knowledge base of 1,200 actors) as `npm run build`
 * does, in a child process per build, and prints a table: extraction, site render, search
 * indexing, total wall time, peak memory (the build's processes together), pages written, for a cold build (empty cache),
 * a warm rebuild after one article was edited, and the dev server's answer to one more edit
 * (until the page is written). Default N: 1,000 and 10,000.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./bench/generate-corpus.ts";
import { buildArchive } from "../src/pipeline/build-archive.ts";
import { buildWithHugo, writeHugoSite } from "./bench/hugo-site.ts";
import { walkFiles } from "../src/pipeline/walk.ts";
import { extractSource } from "../src/pipeline/extract-source.ts";
import { loadSiteConfig } from "../src/config.ts";
import { compileKnowledge } from "../src/extract/compile.ts";
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { outputPath } from "../src/site/fingerprint.ts";
import { urls } from "../src/model/urls.ts";
import { buildFiles } from "../src/pipeline/build-files.ts";
import { npmScript, parse, ROOT, run } from "./lib/cli.ts";
import { listProcesses, processTree } from "./lib/process-tree.ts";
import { formatTable } from "./lib/table.ts";

const USAGE = "usage: npm run bench -- [--n 1000] [--n 10000] [--actors 1200] [--keep] [--no-hugo]";

interface Timings {
  records: number;
  render: number;
  search: number;
  total: number;
  maxRssMb: number;
  extracted: number;
  cached: number;
}

/** What became of the sources, from the build's report. */
interface Outcome {
  read: number;
  published: number;
  drafts: number;
  rejected: number;
}

async function buildOnce(content: string, output: string): Promise<Timings & { pages: number; wall: number; treeMb: number; outcome: Outcome }> {
  const timings = join(output, "..", "timings.json");
  const started = performance.now();
  const child = spawn(process.execPath, [...npmScript("build"), "--content", content, "--output", output, "--timings", timings], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "" },
  });
  // Peak memory of the whole build: the script, its extraction workers and Pagefind's processes, sampled.
  let treeMb = 0;
  const sampler = setInterval(() => (treeMb = Math.max(treeMb, treeRssMb(child.pid as number))), 100);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the build of ${content} failed (exit ${code})`);
  const wall = performance.now() - started;
  // Counted once the build is over, outside the time measured.
  const pages = walkFiles(output).filter((file) => file.endsWith(".html")).length;
  const report = JSON.parse(readFileSync(buildFiles(content, output).report, "utf8")) as { read: number; published: unknown[]; drafts: unknown[]; rejected: unknown[] };
  const outcome = { read: report.read, published: report.published.length, drafts: report.drafts.length, rejected: report.rejected.length };
  return { ...(JSON.parse(readFileSync(timings, "utf8")) as Timings), pages, wall, treeMb, outcome };
}

/**
 * The dev server's answer to an edit: `npm start` is started on the archive (after its
 * warm build), one article is edited, and the time until its page on disk shows the
 * edit is measured (the browser's reload follows within a few milliseconds).
 */
async function devServerOnce(content: string, output: string, article: string, page: string): Promise<number> {
  const child = spawn(process.execPath, [...npmScript("start"), "--content", content, "--output", output, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CI: "" },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("serving the archive")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the dev server stopped (exit ${code})`)));
    });
    const marker = `Marque${Date.now()}`;
    const started = performance.now();
    writeFileSync(article, readFileSync(article, "utf8").replace(/\n\n(\S)/, `\n\n${marker} $1`));
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (existsSync(page) && readFileSync(page, "utf8").includes(marker)) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error("the dev server did not show the edit in 2 minutes");
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
  }
}

/** The output file of an article's page. */
function articlePage(content: string, output: string, file: string): string {
  const { kb } = loadKnowledgeBase(content);
  const { record } = extractSource(file, file, compileKnowledge(kb), { homeCountry: loadSiteConfig(content).homeCountry, today: new Date() }).result;
  if (!record) throw new Error(`${file} gives no record`);
  return join(output, outputPath(urls.article(record)));
}

/**
 * An article to edit, from the middle of the list, whose file name no other article's
 * repeats: its page is then at its own slug (articles titled alike are told apart by the
 * archive, which a lone record cannot know).
 */
function loneArticle(files: readonly string[], from: number): string {
  const slugOf = (file: string) => (file.split("/").pop() ?? "").replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.[^.]+$/, "");
  const counts = new Map<string, number>();
  for (const file of files) counts.set(slugOf(file), (counts.get(slugOf(file)) ?? 0) + 1);
  const found = [...files.slice(from), ...files.slice(0, from)].find((file) => counts.get(slugOf(file)) === 1);
  if (!found) throw new Error("every article's file name is repeated");
  return found;
}

/** Resident memory of a process and all its descendants, from /proc (0 where there is none). */
function treeRssMb(root: number): number {
  return processTree(root, listProcesses()).reduce((sum, p) => sum + p.rssMb, 0);
}

run(async () => {
  const { values } = parse({ n: { type: "string", multiple: true }, actors: { type: "string" }, keep: { type: "boolean" }, "no-hugo": { type: "boolean" } }, USAGE);
  const hugo = !values["no-hugo"] && hugoInstalled();
  if (!values["no-hugo"] && !hugo) process.stderr.write("bench: hugo is not installed (apt-get install hugo): no comparison with Hugo and Pagefind's CLI\n");
  const versus: string[][] = [];
  const sizes = (values.n ?? ["1000", "10000"]).map(Number);
  const rows: string[][] = [];
  // Every run's folder is removed at the end, not before the next run: some file systems hold
  // back the inodes of files just deleted for some minutes, and every file created meanwhile
  // scans past them, so a build right after a removal would measure the clean-up, not itself
  // (docs/performance.md).
  const roots: string[] = [];
  try {
    for (const n of sizes) {
      const root = mkdtempSync(join(tmpdir(), `revue-bench-${n}-`));
      roots.push(root);
      const content = join(root, "content");
      const output = join(root, "_site");
      process.stderr.write(`bench: generating ${n} articles…\n`);
      generateCorpus(content, { articles: n, actors: Number(values.actors ?? 1200) });
      process.stderr.write(`bench: cold build of ${n}…\n`);
      const cold = await buildOnce(content, output);
      const { outcome } = cold;
      process.stderr.write(
        `bench: ${n} articles read = ${outcome.published} published + ${outcome.drafts} drafts + ${outcome.rejected} rejected${outcome.published === n ? ": every article published" : ""}\n`,
      );
      if (hugo) {
        process.stderr.write(`bench: the same archive with Hugo, then Pagefind's CLI…\n`);
        const site = join(root, "hugo");
        writeHugoSite(site, (await buildArchive({ contentDir: content })).records);
        const other = buildWithHugo(site, join(ROOT, "node_modules", ".bin", "pagefind"));
        const s = (ms: number) => (ms / 1000).toFixed(1);
        versus.push([String(n), s(cold.wall), s(other.hugo), s(other.pagefind), s(other.hugo + other.pagefind), String(other.pages)]);
      }
      const edited = loneArticle(walkFiles(join(content, "articles")), Math.floor(n / 2));
      writeFileSync(edited, `${readFileSync(edited, "utf8")}\nUn paragraphe ajouté pour mesurer la reconstruction.\n`);
      process.stderr.write(`bench: warm rebuild of ${n} after one edit…\n`);
      const warm = await buildOnce(content, output);
      process.stderr.write(`bench: the dev server on ${n} articles, one more edit…\n`);
      const dev = await devServerOnce(content, output, edited, articlePage(content, output, edited));
      const s = (ms: number) => (ms / 1000).toFixed(1);
      rows.push([String(n), `${outcome.published}/${outcome.read}`, String(outcome.rejected), s(cold.records), s(cold.render), s(cold.search), s(cold.wall), (cold.wall / n).toFixed(2), cold.treeMb.toFixed(0), String(cold.pages), s(warm.wall), String(warm.extracted), s(dev)]);
    }
  } finally {
    for (const root of roots) {
      // Retries: a build's background removal of its previous site may still be running.
      if (values.keep) process.stderr.write(`bench: kept ${root}\n`);
      else {
        try {
          rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
        } catch (error) {
          process.stderr.write(`bench: could not remove ${root}: ${(error as Error).message}\n`);
        }
      }
    }
  }
  const header = ["articles", "published/read", "rejected", "extraction s", "render s", "search s (alongside)", "total s", "ms/article", "peak MB (all processes)", "pages", "warm rebuild s", "re-extracted", "dev server s"];
  process.stdout.write(formatTable(header, rows));
  if (versus.length) {
    process.stdout.write("\nCold builds of the same archive: Revue, and Hugo with taxonomies for the same actors, topics, places and outlets, then Pagefind's CLI over its article pages\n");
    process.stdout.write(formatTable(["articles", "Revue s", "Hugo s", "Pagefind CLI s", "Hugo + Pagefind s", "pages indexed by Pagefind"], versus));
  }
});

/** Whether Debian's hugo (or any hugo) is on the PATH. */
function hugoInstalled(): boolean {
  return spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;
}
