/**
 * npm run build [-- --content DIR --output DIR]
 *
 * Builds the archive's records from content/, reports what became of every source, then
 * renders the site with Eleventy into a temporary folder that replaces the output only
 * when everything succeeded. Under CI=true any content error stops the build.
 */
import { createHash } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ARTICLES_FOLDER, buildArchive, type Archive } from "../src/build/build-archive.ts";
import { walkFiles } from "../src/build/walk.ts";
import { provideSite } from "../.eleventy.ts";
import { changedPart, diffManifests, fingerprintSite, type SiteManifest } from "../src/site/fingerprint.ts";
import { toSiteData } from "../src/site/site-data.ts";
import { formatDiagnostic, parse, ROOT, run } from "./lib/cli.ts";
import { eleventy } from "./lib/eleventy.ts";
import { ensureHeap, heapForArticles } from "./lib/heap.ts";
import { writeSearchIndex } from "./lib/search-index.ts";
import { searchRecords } from "../src/site/search-records.ts";

const USAGE = "usage: npm run build -- [--content DIR] [--output DIR] [--timings FILE]";

export interface BuildResult {
  archive: Archive;
  errors: number;
  output: string;
  /** Milliseconds spent in each phase. */
  timings: { records: number; render: number; search: number; total: number };
}

export interface BuildOptions {
  content: string;
  output: string;
  ci: boolean;
  log?: (line: string) => void;
  /** Settings overrides (REVUE_PER_PAGE…), defaults to the process environment. */
  env?: NodeJS.ProcessEnv;
  /** Where extracted records are cached; by default .cache/ beside the output folder. */
  cacheFile?: string;
  /** Another templates folder (tests use a broken copy to check that a failed render changes nothing). */
  templates?: string;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const archive = await buildArchive({
    threads: "auto",
    contentDir: options.content,
    cacheFile: options.cacheFile ?? join(dirname(resolve(options.output)), ".cache", `records-${contentKey(options.content)}.json`),
    ...(options.env ? { env: options.env } : {}),
  });
  const errors = archive.diagnostics.filter((d) => d.severity === "error");
  const warnings = archive.diagnostics.filter((d) => d.severity === "warning");
  const { report } = archive;
  writeReport(archive, options.output);
  for (const error of errors) log(formatDiagnostic(error));
  log(
    `revue: ${report.read} sources read: ${report.published.length} published, ${report.drafts.length} drafts, ${report.rejected.length} rejected; ` +
      `${errors.length} errors, ${warnings.length} warnings (npm run check lists them) — ${Math.round(performance.now() - started)} ms`,
  );
  for (const rejected of report.rejected) log(`  rejected ${rejected.path}: ${rejected.reasons.join("; ")}`);
  const recordsDone = performance.now();
  if (options.ci && errors.length) {
    throw new Error(`${errors.length} content errors (CI=true stops the build; the report is in ${reportPath(options.output)})`);
  }

  // Render into a sibling temporary folder, then swap: a failed render never leaves a half-written site.
  // When only some view models changed, the temporary folder starts as hard links to the
  // previous site and only the changed files are rendered again.
  const output = resolve(options.output);
  const temporary = `${output}.tmp-${process.pid}`;
  removeLeftovers(output);
  const site = toSiteData(archive);
  const manifestFile = join(dirname(output), ".cache", `pages-${contentKey(options.content)}.json`);
  const manifest = fingerprintSite(site, templatesVersion(options.templates));
  const searchDigest = createHash("sha1").update(JSON.stringify(searchRecords(archive))).digest("hex");
  const previous = existsSync(output) ? readManifest(manifestFile) : undefined;
  const changes = previous && previous.search ? diffManifests(previous.site, manifest) : undefined;
  const reindex = !changes || previous?.search !== searchDigest;
  let rendered = site.pages.length + site.feeds.length + site.files.length;
  if (changes) {
    linkTree(output, temporary);
    for (const path of [...changes.changed, ...changes.removed, ...ALWAYS_RENDERED]) rmSync(join(temporary, path), { recursive: true, force: true });
    if (reindex) rmSync(join(temporary, "pagefind"), { recursive: true, force: true });
    rendered = changes.changed.size;
  }
  provideSite(changes ? changedPart(site, changes.changed) : site);
  let renderDone = recordsDone;
  // Pagefind indexes the records in its own process while Eleventy writes the pages.
  const search = reindex ? writeSearchIndex(searchRecords(archive), temporary) : Promise.resolve(0);
  search.catch(() => {});
  try {
    await eleventy(temporary, { pathPrefix: archive.config.pathPrefix, ...(options.templates ? { templates: options.templates } : {}) }).write();
    renderDone = performance.now();
    const indexed = await search;
    log(`revue: ${changes ? `${rendered} changed files rendered, ${changes.removed.length} removed` : `${rendered} files rendered`}; ${reindex ? `search index of ${indexed} articles written` : "search index unchanged"}`);
  } catch (error) {
    // Let the indexer finish with the folder before removing it (and before another build starts one).
    await search.catch(() => {});
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  } finally {
    provideSite(undefined);
  }
  const old = `${output}.old-${process.pid}`;
  if (existsSync(output)) renameSync(output, old);
  renameSync(temporary, output);
  removeInBackground(old);
  writeManifest(manifestFile, { site: manifest, search: searchDigest });
  const done = performance.now();
  log(`revue: site written to ${output} in ${Math.round(done - started)} ms`);
  return { archive, errors: errors.length, output, timings: { records: recordsDone - started, render: renderDone - recordsDone, search: done - renderDone, total: done - started } };
}

/**
 * The previous site is already out of the way: deleting its thousands of files need not
 * hold up the build. A detached `rm` does it; leftovers of an interrupted one are removed
 * by the next build.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  if (process.platform === "win32") {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", folder], { detached: true, stdio: "ignore" }).unref();
}

function removeLeftovers(output: string): void {
  const parent = dirname(output);
  const name = basename(output);
  for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
    if (entry.startsWith(`${name}.old-`) || entry.startsWith(`${name}.tmp-`)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Files the templates write on every render, whatever changed. */
const ALWAYS_RENDERED = ["robots.txt", "_headers", "sitemap.xml", "assets"];

interface BuildManifest {
  site: SiteManifest;
  /** Hash of the records the search index was made from. */
  search: string;
}

function readManifest(file: string): BuildManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as BuildManifest;
  } catch {
    return undefined;
  }
}

function writeManifest(file: string, manifest: BuildManifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
}

function contentKey(content: string): string {
  return createHash("sha1").update(resolve(content)).digest("hex").slice(0, 8);
}

/** Every file the pages are made with: templates, assets, the Eleventy wiring. */
function templatesVersion(templates = join(ROOT, "templates")): string {
  const hash = createHash("sha1");
  for (const file of [...walkFiles(templates), join(ROOT, ".eleventy.ts")]) hash.update(file).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

/** A copy of a folder made of hard links (instant, no data copied); files are replaced, never written through. */
function linkTree(from: string, to: string): void {
  if (process.platform === "linux") {
    execFileSync("cp", ["-al", from, to]);
    return;
  }
  cpSync(from, to, { recursive: true });
}

function reportPath(output: string): string {
  return join(dirname(resolve(output)), ".cache", "build-report.json");
}

function writeReport(archive: Archive, output: string): void {
  const path = reportPath(output);
  mkdirSync(dirname(path), { recursive: true });
  const { report, diagnostics } = archive;
  writeFileSync(path, `${JSON.stringify({ ...report, diagnostics }, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(async () => {
    const { values } = parse({ content: { type: "string" }, output: { type: "string" }, timings: { type: "string" } }, USAGE);
    const content = resolve(values.content ?? join(ROOT, "content"));
    ensureHeap(heapForArticles(walkFiles(join(content, ARTICLES_FOLDER)).length));
    const result = await build({ content, output: resolve(values.output ?? join(ROOT, "_site")), ci: process.env["CI"] === "true" });
    if (values.timings) {
      const pages = walkFiles(result.output).filter((file) => file.endsWith(".html")).length;
      const usage = { ...result.timings, pages, files: walkFiles(result.output).length, maxRssMb: process.resourceUsage().maxRSS / 1024, extracted: result.archive.extracted, cached: result.archive.cacheHits };
      writeFileSync(values.timings, JSON.stringify(usage));
    }
  });
}
