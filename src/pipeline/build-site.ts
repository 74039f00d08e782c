/**
 * The build behind `npm run build` (scripts/build.ts) and the dev server (scripts/start.ts):
 * builds the archive's records from content/, reports what became of every source, then
 * has the site written into a temporary folder that replaces the output only when everything
 * succeeded. Under CI=true any content error stops the build. Only a folder Revue made (or an
 * empty or new one) is replaced, by one build at a time (output-folder.ts).
 *
 * What writes the files is handed in (`renderer`, `searchIndexer`): the scripts pass Eleventy
 * and Pagefind; the build only decides what to write, and where, and knows neither.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../model/diagnostic.ts";
import { buildArchive, type Archive, type ArchiveSession } from "./build-archive.ts";
import { readCacheFile, writeCacheFile } from "./cache-file.ts";
import { siteCodeVersion } from "./code-version.ts";
import { changedPart, diffManifests, fingerprintSite, type SiteManifest } from "../site/fingerprint.ts";
import { planSite, renderData, type RenderData, type RenderPlans, type SiteMemo } from "../site/site-data.ts";
import { draftPages } from "../site/draft-pages.ts";
import { buildFiles, realOutputPath, type BuildFiles } from "./build-files.ts";
import { reasonsText, skipReasonText } from "../messages/diagnostics.ts";
import { editorMessages } from "../messages/editor.ts";
import { formatDiagnostic } from "../messages/diagnostic-line.ts";
import { claimOutput, explainOutputError, markSite } from "./output-folder.ts";
import { movePagesInto, moveSearchBundlesInto, newWorkFolder, removeFile, replaceSite, SEARCH_FOLDER, searchBundleFolder, workFolderName } from "./site-swap.ts";
import { planSearchShards } from "../search/shards.ts";
import { searchRecords, type SearchRecord } from "../search/records.ts";

/**
 * What writes a run of the site's files (the scripts hand in Eleventy):
 * every page, feed and data file of `data.render`, into `folder`, under the site's path prefix.
 */
export interface SiteRenderer {
  render(data: RenderData, folder: string, pathPrefix: string): Promise<void>;
  /** What the files are made with besides src/ (templates, assets, wiring): a change remakes every file. */
  version(): string;
}

/** One search shard's records, to index. */
export interface SearchShardWork {
  shard: number;
  /** Whether its bundle is the one the search page loads Pagefind's code from (the first in use). */
  primary: boolean;
  records: readonly SearchRecord[];
}

/** What writes the search index (the scripts hand in Pagefind). */
export interface SearchIndexer {
  /** Indexes the shards into the site; resolves with the number of articles indexed. */
  write(shards: readonly SearchShardWork[], site: string): Promise<number>;
  /** What writes the bundles: bundles written by another are written again. */
  version(): string;
}

export interface BuildResult {
  archive: Archive;
  errors: number;
  output: string;
  /** Milliseconds: reading and extraction, site data and the render, search indexing (alongside the render), the whole build. */
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
  /** Writes the pages, feeds and data files. */
  renderer: SiteRenderer;
  /** Writes the search index. */
  searchIndexer: SearchIndexer;
  /** Files per render run (tests use small runs). */
  renderBatch?: number;
  /** What a long-running process (the dev server) keeps from one build to the next. */
  session?: BuildSession;
  /** Called once the new pages are in place (a rebuild's come before its search index), with the archive they were made from. */
  onPages?: (archive: Archive) => void;
  /**
   * A folder for the drafts' previews (src/site/draft-pages.ts), made again before the pages
   * are in place: the dev server's, outside the site; `npm run build` makes none.
   */
  drafts?: string;
  /**
   * Put a rebuild's pages in place first, then make its open-data files and search index
   * (the dev server: the editor waits for the page, not for the open data of the whole archive).
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

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
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
    // Written once the search indexers have started (writeSite).
    saveCacheLater: true,
  });
  try {
    return await writeSite(archive, started, output, files, options, log);
  } finally {
    // Nothing of the build keeps a file open: the next build (the dev server's) opens them again.
    archive.closeTextFiles();
  }
}

/** The report of what became of the sources, then the site made from the archive's records, and its search index. */
async function writeSite(archive: Archive, started: number, output: string, files: BuildFiles, options: BuildOptions, log: (line: string) => void): Promise<BuildResult> {
  const errors = reportSources(archive, files.report, started, log);
  const recordsDone = performance.now();
  // What the build prints is in the site's language (src/messages/).
  const say = editorMessages(archive.config.lang);
  if (options.ci && errors.length) {
    archive.saveCache();
    throw new Error(say.build.ciStop(errors.length, files.report));
  }

  // Everything is made in a temporary folder of Revue's own first (site-swap.ts): a failed build never touches the site.
  // A full build then swaps the folders; a rebuild whose pages mostly did not change renders
  // only the changed files there and moves them into the site (each file is old or new, never half-written).
  const temporary = newWorkFolder(files.work);
  const previous = existsSync(output) ? readManifest(files.manifest) : undefined;
  // What planning keeps from one build to the next: in memory in a session, else in the cache folder.
  const memo = options.session?.site ?? readSiteMemo(files.memo);
  // Search shards first, so Pagefind works while the pages are being prepared and written.
  const search = searchInBackground(archive, options.searchIndexer, previous, output, temporary);
  if (!options.pagesFirst) void search.start();
  archive.saveCache();
  // Every text was needed at once for the search records (made above unless the pages come
  // first); from now on each article's text is read when its page is made.
  archive.releaseText();

  let renderDone = recordsDone;
  const { renderer } = options;
  const { pathPrefix } = archive.config;
  try {
    const site = planSite(archive, memo);
    const manifest = fingerprintSite(site, madeWith(renderer));
    const changes = previous ? changesSince(previous, manifest, output, options.session) : undefined;
    if (options.session) options.session.checkedOutput = output;
    // A renderer may keep a run's files until the run ends (Eleventy keeps every page it
    // renders): runs of a few thousand files keep the memory of a large archive's build bounded.
    const render = async (plans: RenderPlans) => {
      for (const part of renderBatches(plans, options.renderBatch ?? RENDER_BATCH)) await renderer.render(renderData(site, part), temporary, pathPrefix);
    };
    const toRender = changes ? changedPart(site, changes.changed) : site;
    const dataLater = changes !== undefined && options.pagesFirst === true && toRender.files.length > 0;
    await render(dataLater ? { ...toRender, files: [] } : toRender);
    renderDone = performance.now();
    // No manifest while the site changes: a build stopped in the middle is followed by a full one.
    rmSync(files.manifest, { force: true });
    if (options.drafts) await writeDraftPreviews(archive, site, renderer, options.drafts);
    // A rebuild puts its pages in place without waiting for the search index: the dev server reloads then.
    if (changes) {
      for (const path of changes.removed) removeFile(output, path);
      movePagesInto(temporary, output);
      options.onPages?.(archive);
    }
    if (dataLater) {
      await render({ pages: [], feeds: [], files: toRender.files });
      movePagesInto(temporary, output);
    }
    const indexed = await search.start();
    const rendered = changes ? { changed: changes.changed.size, removed: changes.removed.length } : { files: site.pages.length + site.feeds.length + site.files.length };
    log(say.build.rendered({ ...rendered, shardsWritten: search.stale.length, shards: search.inUse.length, indexed }));
    putSiteInPlace(temporary, output, files, search, changes !== undefined, previous !== undefined);
    if (!changes) options.onPages?.(archive);
    writeManifest(files.manifest, { site: manifest, search: search.digests, searchIndexer: search.indexerVersion });
    if (!options.session) writeSiteMemo(files.memo, memo);
  } catch (error) {
    // Let the indexer finish with the folder before removing it (and before another build starts one).
    await search.settled();
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  const done = performance.now();
  log(say.build.written(output, Math.round(done - started)));
  return { archive, errors: errors.length, output, timings: { records: recordsDone - started, render: renderDone - recordsDone, search: search.doneAt() - recordsDone, total: done - started } };
}

/** Writes the report of what became of the sources, and prints its summary and the errors; returns the errors. */
function reportSources(archive: Archive, reportFile: string, started: number, log: (line: string) => void): Diagnostic[] {
  const errors = archive.diagnostics.filter((d) => d.severity === "error");
  const warnings = archive.diagnostics.filter((d) => d.severity === "warning");
  const { report } = archive;
  writeReport(archive, reportFile);
  const { lang } = archive.config;
  const say = editorMessages(lang);
  for (const error of errors) log(formatDiagnostic(error, lang));
  log(
    say.build.summary({
      read: report.read,
      published: report.published.length,
      drafts: report.drafts.length,
      rejected: report.rejected.length,
      skipped: report.skipped.length,
      errors: errors.length,
      warnings: warnings.length,
      ms: Math.round(performance.now() - started),
    }),
  );
  for (const rejected of report.rejected) log(say.build.rejected(rejected.path, reasonsText(rejected.path, rejected.reasons, errors, lang)));
  const skipWarnings = new Map(archive.diagnostics.filter((d) => d.rule === "source-skipped").map((d) => [d.file, d]));
  for (const skipped of report.skipped) {
    const warning = skipWarnings.get(skipped.path);
    log(say.build.skipped(skipped.path, (warning && skipReasonText(warning, lang)) ?? skipped.reason));
  }
  return errors;
}

/**
 * The search index, written into `folder` from the moment it is started, alongside the rest
 * of the build. Only the shards in use whose records changed, or that another indexer wrote,
 * or that the site lacks, are written again.
 */
function searchInBackground(archive: Archive, indexer: SearchIndexer, previous: BuildManifest | undefined, output: string, folder: string) {
  const { shards: shardRecords, inUse, digests } = planSearchShards(archive);
  const indexerVersion = indexer.version();
  const stale = inUse.filter((shard) => previous?.searchIndexer !== indexerVersion || previous.search.length !== digests.length || previous.search[shard] !== digests[shard] || !existsSync(join(output, searchBundleFolder(shard))));
  let doneAt = performance.now();
  let search: Promise<number> | undefined;
  return {
    inUse,
    stale,
    digests,
    indexerVersion,
    /** Starts the indexing, once; resolves with the number of articles indexed. */
    start(): Promise<number> {
      if (!search) {
        const work = stale.map((shard) => ({ shard, primary: shard === inUse[0], records: searchRecords(archive, shardRecords[shard] ?? []) }));
        search = indexer.write(work, folder).then((indexed) => {
          doneAt = performance.now();
          return indexed;
        });
        search.catch(() => {});
      }
      return search;
    },
    /** Resolves once the indexing, if started, is over, whether it succeeded or not. */
    settled: async () => {
      await search?.catch(() => {});
    },
    doneAt: () => doneAt,
  };
}

/**
 * The files that changed since the previous build; none when everything is made again. A file someone deleted from the site is
 * made again: a session (the dev server) looks once, at its first build; its rebuilds trust
 * the site they wrote, and spare a check of every file at every edit.
 */
function changesSince(previous: BuildManifest, manifest: SiteManifest, output: string, session: BuildSession | undefined) {
  const changes = diffManifests(previous.site, manifest);
  if (changes && session?.checkedOutput !== output) {
    for (const path of Object.keys(manifest.files)) if (!changes.changed.has(path) && !existsSync(join(output, path))) changes.changed.add(path);
  }
  return changes;
}

/** The drafts' previews, all made again (an editor has a few), and swapped in whole. */
async function writeDraftPreviews(archive: Archive, site: ReturnType<typeof planSite>, renderer: SiteRenderer, folder: string): Promise<void> {
  const drafts = draftPages(archive);
  const made = `${folder}.new`;
  rmSync(made, { recursive: true, force: true });
  if (drafts.length) await renderer.render(renderData(site, { pages: drafts, feeds: [], files: [] }), made, archive.config.pathPrefix);
  rmSync(folder, { recursive: true, force: true });
  if (drafts.length) renameSync(made, folder);
}

/**
 * Puts the new files in place. A rebuild's pages are in the site already: the search shards
 * that changed join them, and those no longer in use go. A full build swaps the folders,
 * keeping the shards of the previous site that did not change.
 */
function putSiteInPlace(temporary: string, output: string, files: BuildFiles, search: ReturnType<typeof searchInBackground>, rebuild: boolean, hadSite: boolean): void {
  const inUseFolders = new Set(search.inUse.map(searchBundleFolder));
  if (rebuild) {
    for (const name of readdirSync(output)) if (SEARCH_FOLDER.test(name) && !inUseFolders.has(name)) rmSync(join(output, name), { recursive: true, force: true });
    moveSearchBundlesInto(temporary, output);
    rmSync(temporary, { recursive: true, force: true });
    // A site made before Revue marked its sites gets the marker at its first rebuild.
    markSite(output);
  } else {
    markSite(temporary);
    const kept = hadSite ? search.inUse.filter((shard) => !search.stale.includes(shard)).map(searchBundleFolder) : [];
    replaceSite(temporary, output, workFolderName(files.work, "old"), kept);
  }
}

/** Files per render run. */
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

interface BuildManifest {
  site: SiteManifest;
  /** Hash of the records each search shard was made from. */
  search: string[];
  /** What wrote the search shards (searchIndexerVersion). */
  searchIndexer: string;
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

/** What the files are made with: the view code (src/) and the renderer's templates; the record digests stand for the rest. */
function madeWith(renderer: SiteRenderer): string {
  return createHash("sha1").update(siteCodeVersion()).update(renderer.version()).digest("hex");
}

function writeReport(archive: Archive, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const { report, diagnostics } = archive;
  writeFileSync(path, `${JSON.stringify({ ...report, diagnostics }, null, 2)}\n`);
}

