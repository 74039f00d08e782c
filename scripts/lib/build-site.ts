/**
 * The build behind `npm run build` (scripts/build.ts) and the dev server (scripts/start.ts):
 * builds the archive's records from content/, reports what became of every source, then
 * renders the site with Eleventy into a temporary folder that replaces the output only
 * when everything succeeded. Under CI=true any content error stops the build. Only a folder
 * Revue made (or an empty or new one) is replaced, by one build at a time (output-folder.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { buildArchive, type Archive, type ArchiveSession } from "../../src/build/build-archive.ts";
import { readCacheFile, writeCacheFile } from "../../src/build/cache-file.ts";
import { walkFiles } from "../../src/build/walk.ts";
import { siteCodeVersion } from "../../src/build/code-version.ts";
import { changedPart, diffManifests, fingerprintSite, type SiteManifest } from "../../src/site/fingerprint.ts";
import { planSite, renderData, type RenderPlans, type SiteMemo } from "../../src/site/site-data.ts";
import { buildFiles, realOutputPath, type BuildFiles } from "./build-files.ts";
import { formatDiagnostic, ROOT } from "./cli.ts";
import { claimOutput, explainOutputError, markSite } from "./output-folder.ts";
import { writeSearchIndex } from "./search-index.ts";
import { movePagesInto, moveSearchBundlesInto, newWorkFolder, removeFile, replaceSite, SEARCH_FOLDER, searchBundleFolder, workFolderName } from "./site-swap.ts";
import { planSearchShards, type SearchPiecePlan } from "../../src/site/search-shards.ts";
import { searchRecords } from "../../src/site/search-records.ts";

export interface BuildResult {
  archive: Archive;
  errors: number;
  output: string;
  /** Milliseconds: reading and extraction, site data and Eleventy, search indexing (alongside the render), the whole build. */
  timings: { records: number; render: number; search: number; total: number };
}

/** What a long-running process (the dev server) keeps from one build to the next. */
export interface BuildSession {
  archive: ArchiveSession;
  site: SiteMemo;
  /** The output folder whose files this session has checked are all there. */
  checkedOutput?: string;
}

export interface BuildOptions {
  content: string;
  output: string;
  ci: boolean;
  log?: (line: string) => void;
  /** Settings overrides (REVUE_PER_PAGE…), defaults to the process environment. */
  env?: NodeJS.ProcessEnv;
  /** Where extracted records are cached; by default .cache/ beside the output folder. */
  cacheDir?: string;
  /** Files per Eleventy run (tests use small runs). */
  renderBatch?: number;
  /** Another folder for Eleventy to read (tests add a failing template to a copy, to check that a failed render changes nothing). */
  templates?: string;
  /** What a long-running process (the dev server) keeps from one build to the next. */
  session?: BuildSession;
  /** Called once the new pages are in place (a rebuild's come before its search index). */
  onPages?: () => void;
  /**
   * Put a rebuild's pages in place first, then make its open-data files and search index
   * (the dev server: the editor waits for the page, not for 15 MB of data at 10k articles).
   */
  pagesFirst?: boolean;
  /** The caller holds the output's lock (claimOutput): the dev server holds it for its life. */
  holdsOutput?: boolean;
  /** How long to wait for another build of the same output (default a minute). */
  lockWaitMs?: number;
  /** What runs the build, for the message of a build that finds it running (`npm run build`). */
  command?: string;
}

/** How long a build waits for another build of its output to finish. */
export const LOCK_WAIT_MS = 60_000;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const output = realOutputPath(options.output);
  const files = buildFiles(options.content, output);
  // Nothing is written before the output is known to be Revue's to replace.
  const lock = options.holdsOutput ? undefined : await claimOutput({ content: options.content, output, files, command: options.command ?? "a build", waitMs: options.lockWaitMs ?? LOCK_WAIT_MS, log });
  try {
    return await buildInto(output, files, options, log);
  } catch (error) {
    throw explainOutputError(error, output, files.cache);
  } finally {
    lock?.release();
  }
}

async function buildInto(output: string, files: BuildFiles, options: BuildOptions, log: (line: string) => void): Promise<BuildResult> {
  const started = performance.now();
  const archive = await buildArchive({
    workers: "auto",
    contentDir: options.content,
    cacheDir: options.cacheDir ?? files.records,
    ...(options.env ? { env: options.env } : {}),
    ...(options.session ? { session: options.session.archive } : {}),
    // Written once the search indexers have started (below).
    saveCacheLater: true,
  });
  const errors = archive.diagnostics.filter((d) => d.severity === "error");
  const warnings = archive.diagnostics.filter((d) => d.severity === "warning");
  const { report } = archive;
  writeReport(archive, files.report);
  for (const error of errors) log(formatDiagnostic(error));
  log(
    `revue: ${report.read} sources read: ${report.published.length} published, ${report.drafts.length} drafts, ${report.rejected.length} rejected, ${report.skipped.length} skipped; ` +
      `${errors.length} errors, ${warnings.length} warnings (npm run check lists them) — ${Math.round(performance.now() - started)} ms`,
  );
  for (const rejected of report.rejected) log(`  rejected ${rejected.path}: ${rejected.reasons.join("; ")}`);
  for (const skipped of report.skipped) log(`  skipped ${skipped.path}: ${skipped.reason}`);
  const recordsDone = performance.now();
  if (options.ci && errors.length) {
    archive.saveCache();
    throw new Error(`${errors.length} content errors (CI=true stops the build; the report is in ${files.report})`);
  }

  // Everything is made in a temporary folder of Revue's own first (site-swap.ts): a failed build never touches the site.
  // A full build then swaps the folders; a rebuild whose pages mostly did not change renders
  // only the changed files there and moves them into the site (each file is old or new, never half-written).
  const temporary = newWorkFolder(files.work);
  const previous = existsSync(output) ? readManifest(files.manifest) : undefined;
  // What planning keeps from one build to the next: in memory in a session, else in the cache folder.
  const memo = options.session?.site ?? readSiteMemo(files.memo);

  // Search shards first, so Pagefind works while the pages are being prepared and written.
  const { shards: shardRecords, inUse, digests, pieces } = planSearchShards(archive);
  const stale = inUse.filter((shard) => previous?.search.length !== digests.length || previous.search[shard] !== digests[shard] || !existsSync(join(output, searchBundleFolder(shard))));
  let searchDone = performance.now();
  let search: Promise<number> | undefined;
  const startSearch = () => {
    if (!search) {
      // A shard of several pieces is merged from their indexes in the cache; only the pieces missing there are indexed.
      const work = stale.map((shard) => {
        const list = pieces[shard] ?? [];
        if (list.length <= 1) return { shard, records: searchRecords(archive, shardRecords[shard] ?? []) };
        return {
          shard,
          pieces: list.map((piece) => {
            const folder = join(files.searchPieces, piece.digest);
            return existsSync(folder) ? { folder } : { folder, records: searchRecords(archive, piece.records) };
          }),
        };
      });
      search = writeSearchIndex(work, temporary).then((indexed) => {
        removeUnusedPieces(files.searchPieces, pieces);
        searchDone = performance.now();
        return indexed;
      });
      search.catch(() => {});
    }
    return search;
  };
  if (!options.pagesFirst) void startSearch();
  archive.saveCache();

  let renderDone = recordsDone;
  // Eleventy is loaded now, not when the script starts: its half second of loading then
  // overlaps the search indexing instead of coming before everything. Without its module
  // loader: Eleventy registers one (a thread that every later import waits on) to import again
  // the templates and data files its watch mode sees change, and ours are handed to it in
  // memory; the loader took a tenth of a second of every build.
  process.env["ELEVENTY_SKIP_ESM_RESOLVER"] ??= "true";
  const [{ provideSite }, { eleventy }] = await Promise.all([import("../../.eleventy.ts"), import("./eleventy.ts")]);
  try {
    const site = planSite(archive, memo);
    const manifest = fingerprintSite(site, templatesVersion(options.templates));
    const changes = previous ? diffManifests(previous.site, manifest) : undefined;
    // A file someone deleted from the site is made again. A session (the dev server) looks once, at
    // its first build; its rebuilds trust the site they wrote (a tenth of a second of checks at 10k articles).
    if (changes && options.session?.checkedOutput !== output) {
      for (const path of Object.keys(manifest.files)) if (!changes.changed.has(path) && !existsSync(join(output, path))) changes.changed.add(path);
    }
    if (options.session) options.session.checkedOutput = output;
    // Eleventy keeps every page it renders in memory until its run ends: runs of a few
    // thousand files keep the memory of a large archive's build bounded.
    const render = async (plans: RenderPlans) => {
      for (const part of renderBatches(plans, options.renderBatch ?? RENDER_BATCH)) {
        provideSite(renderData(site, part));
        await eleventy(temporary, { pathPrefix: archive.config.pathPrefix, ...(options.templates ? { templates: options.templates } : {}) }).write();
      }
    };
    const toRender = changes ? changedPart(site, changes.changed) : site;
    const dataLater = changes !== undefined && options.pagesFirst === true && toRender.files.length > 0;
    await render(dataLater ? { ...toRender, files: [] } : toRender);
    renderDone = performance.now();
    // No manifest while the site changes: a build stopped in the middle is followed by a full one.
    rmSync(files.manifest, { force: true });
    // A rebuild puts its pages in place without waiting for the search index: the dev server reloads then.
    if (changes) {
      for (const path of changes.removed) removeFile(output, path);
      movePagesInto(temporary, output);
      options.onPages?.();
    }
    if (dataLater) {
      await render({ pages: [], feeds: [], files: toRender.files });
      movePagesInto(temporary, output);
    }
    const indexed = await startSearch();
    const rendered = changes ? `${changes.changed.size} changed files rendered, ${changes.removed.length} removed` : `${site.pages.length + site.feeds.length + site.files.length} files rendered`;
    log(`revue: ${rendered}; search index: ${stale.length} of ${inUse.length} shards written (${indexed} articles)`);
    // The search shards that did not change come from the previous site.
    const inUseFolders = new Set(inUse.map(searchBundleFolder));
    if (changes) {
      for (const name of readdirSync(output)) if (SEARCH_FOLDER.test(name) && !inUseFolders.has(name)) rmSync(join(output, name), { recursive: true, force: true });
      moveSearchBundlesInto(temporary, output);
      rmSync(temporary, { recursive: true, force: true });
      // A site made before Revue marked its sites gets the marker at its first rebuild.
      markSite(output);
    } else {
      markSite(temporary);
      const kept = previous ? inUse.filter((shard) => !stale.includes(shard)).map(searchBundleFolder) : [];
      replaceSite(temporary, output, workFolderName(files.work, "old"), kept);
      options.onPages?.();
    }
    writeManifest(files.manifest, { site: manifest, search: digests });
    if (!options.session) writeSiteMemo(files.memo, memo);
  } catch (error) {
    // Let the indexer finish with the folder before removing it (and before another build starts one).
    await search?.catch(() => {});
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  } finally {
    provideSite(undefined);
  }
  const done = performance.now();
  log(`revue: site written to ${output} in ${Math.round(done - started)} ms`);
  return { archive, errors: errors.length, output, timings: { records: recordsDone - started, render: renderDone - recordsDone, search: searchDone - recordsDone, total: done - started } };
}

/** Files per Eleventy run. */
const RENDER_BATCH = 5000;

/** The files to write, in runs of at most `size` pages, feeds and data files; always at least one run. */
function renderBatches({ pages, feeds, files }: RenderPlans, size: number): RenderPlans[] {
  const items = [...pages.map((page) => ({ page })), ...feeds.map((feed) => ({ feed })), ...files.map((file) => ({ file }))];
  const batches: RenderPlans[] = [];
  for (let start = 0; start === 0 || start < items.length; start += size) {
    const part = items.slice(start, start + size);
    batches.push({
      pages: part.flatMap((item) => ("page" in item ? [item.page] : [])),
      feeds: part.flatMap((item) => ("feed" in item ? [item.feed] : [])),
      files: part.flatMap((item) => ("file" in item ? [item.file] : [])),
    });
  }
  return batches;
}

/** Removes the pieces of the search index (see search-shards.ts) that the archive no longer has: edited articles', earlier versions'. */
function removeUnusedPieces(folder: string, pieces: readonly (readonly SearchPiecePlan[])[]): void {
  if (!existsSync(folder)) return;
  const used = new Set(pieces.flatMap((list) => (list.length > 1 ? list.map((piece) => piece.digest) : [])));
  for (const name of readdirSync(folder)) if (!used.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
}

interface BuildManifest {
  site: SiteManifest;
  /** Hash of the records each search shard was made from. */
  search: string[];
}

function readManifest(file: string): BuildManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as BuildManifest;
    return Array.isArray(manifest.search) && manifest.site ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The memo a previous build left (an empty one when there is none, or it cannot be read). */
function readSiteMemo(file: string): SiteMemo {
  const memo = readCacheFile<SiteMemo>(file);
  return typeof memo === "object" && memo !== null ? memo : {};
}

function writeSiteMemo(file: string, memo: SiteMemo): void {
  try {
    writeCacheFile(file, memo);
  } catch {
    // The memo saves time, nothing more: a build goes on without it.
  }
}

function writeManifest(file: string, manifest: BuildManifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
}

/**
 * Every file the pages are made with: templates, assets, the Eleventy wiring, and the view
 * code (the fingerprint lets record digests stand for what that code makes of records).
 * The code (the templates' TypeScript, the wiring) is hashed as this process loaded it, once:
 * a dev server does not load a template edited while it runs, so its pages must not be
 * recorded as made by the edited one. Other files (the assets) are read at every build.
 */
function templatesVersion(templates = join(ROOT, "templates")): string {
  loadedTemplatesCode ??= hashFiles([...walkFiles(join(ROOT, "templates")).filter(isCode), join(ROOT, ".eleventy.ts")]);
  return createHash("sha1")
    .update(siteCodeVersion())
    .update(loadedTemplatesCode)
    .update(hashFiles(walkFiles(templates).filter((file) => !isCode(file))))
    .digest("hex");
}

let loadedTemplatesCode: string | undefined;
const isCode = (file: string) => file.endsWith(".ts");

function hashFiles(files: string[]): string {
  const hash = createHash("sha1");
  for (const file of files) hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

function writeReport(archive: Archive, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const { report, diagnostics } = archive;
  writeFileSync(path, `${JSON.stringify({ ...report, diagnostics }, null, 2)}\n`);
}

