import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { compileKnowledge } from "../extract/compile.ts";
import { applyArchiveMemory, memoryStamp } from "../extract/archive-memory.ts";
import { withoutAnonymisedPeople } from "../archive/anonymised-people.ts";
import { knowledgeStamp, loadKnowledgeBase, type LoadedKnowledgeBase } from "../knowledge/load.ts";
import { loadSiteConfig, type SiteConfig } from "../config.ts";
import { readCacheFile, writeCacheFile } from "./cache-file.ts";
import { extractionCodeVersion } from "./code-version.ts";
import { ExtractionPool, workerCount, type ExtractJob } from "./extract-pool.ts";
import { SOURCE_LIMITS, TIMEOUT_RULE } from "../ingest/source-limits.ts";
import { extractEachWithinTimeLimit, timedOutSource } from "./source-timeout.ts";
import { extractSource, type Extracted } from "./extract-source.ts";
import { RecordCache, type SourceResult, type SourceStat } from "./record-cache.ts";
import { scanArticleSources, skippedWarning } from "./article-sources.ts";
import { newestFirst, publish, type BuildReport } from "../archive/publication.ts";
import { redirectsOf, type Redirect } from "../archive/article-addresses.ts";
import { urls } from "../model/urls.ts";
import { FORMATS, formatOf, loadReaders } from "../ingest/read-source.ts";

export interface Archive {
  config: SiteConfig;
  kb: KnowledgeBase;
  /** Published records, newest first. */
  records: ArticleRecord[];
  drafts: ArticleRecord[];
  /** Redirect pages from the published articles' former paths: `aliases:`, and the address articles titled alike had alone. */
  redirects: readonly Redirect[];
  report: BuildReport;
  /** Knowledge-base and content problems, warnings included. */
  diagnostics: Diagnostic[];
  /** Sources taken from the record cache, and sources extracted in this build. */
  cacheHits: number;
  extracted: number;
  /**
   * Record id → digest of what the record was made from (source path and content, knowledge
   * base, extraction code, settings); absent when the build has no record cache.
   */
  digests: ReadonlyMap<string, string>;
  /** Writes the record cache when the build left it for later (`saveCacheLater`); otherwise there is nothing left to write. */
  saveCache: () => void;
  /**
   * Lets go of the text of the records the cache holds once it is written: their body and
   * HTML are then read from the cache when asked for (RecordCache.releaseText). A build
   * calls it once what needed every text at once is done; without a cache, it does nothing.
   */
  releaseText: () => void;
  /** Closes the files the record cache opened to read texts; a text asked for later opens its file again. */
  closeTextFiles: () => void;
}

export interface BuildArchiveOptions {
  contentDir: string;
  /** Paths in messages are relative to it. */
  cwd?: string;
  today?: Date;
  env?: NodeJS.ProcessEnv;
  /** Where extracted records are cached between builds; no cache when absent. */
  cacheDir?: string;
  /** Extraction workers: "auto" uses every core once there are enough sources to pay for it; 1 extracts in this process. */
  workers?: number | "auto";
  /** State kept from one build to the next by a long-running process (the dev server). */
  session?: ArchiveSession;
  /**
   * Leave the writing of the record cache (a second at 10,000 new records) to the caller's
   * `archive.saveCache()`: the build script first starts the search indexers, which then work
   * on the other core meanwhile.
   */
  saveCacheLater?: boolean;
}

/**
 * What a long-running process keeps between builds: the knowledge base, read again only
 * when one of its files changed, and the record cache, opened once instead of every build.
 */
export interface ArchiveSession {
  knowledge?: { stamp: string; loaded: LoadedKnowledgeBase };
  cache?: { dir: string; key: string; cache: RecordCache };
}

/** Reads content/ into an archive of records: the model every page is made from. */
export async function buildArchive(options: BuildArchiveOptions): Promise<Archive> {
  const cwd = options.cwd ?? process.cwd();
  const scan = scanArticleSources(options.contentDir, (file) => formatOf(file) !== undefined, (file) => relative(cwd, file) || file);
  const files = scan.files.map((file) => ({ file, display: relative(cwd, file) || file }));
  const { config, loaded, cache, results, hashes, extracted } = await readSources(files, options, cwd);
  // Saving again writes nothing: only the buckets changed since the last save are written.
  const seen = new Set(files.map((f) => f.display));
  const saveCache = () => cache?.save(seen);
  if (!options.saveCacheLater) saveCache();
  const { kb } = loaded;
  const skipped = scan.skipped.map(({ path, reason }) => ({ path: relative(cwd, path) || path, reason }));
  const published = publish(files.map(({ display }) => results.get(display) as SourceResult), skipped);
  const { records, drafts, report } = published;
  const digests = new Map<string, string>();
  for (const record of [...records, ...drafts]) {
    const hash = hashes.get(record.sourcePath);
    // The page's address is part of what it is made from: it can change with other articles (alike slugs) while its source does not.
    if (cache && hash) digests.set(record.id, `${cache.digestOf(record.sourcePath, hash)}:${urls.article(record)}`);
  }
  rememberNames(records, drafts, kb, digests);
  const redirected = redirectsOf(records);
  const diagnostics = [...loaded.diagnostics, ...scan.skipped.map((entry) => skippedWarning({ ...entry, path: relative(cwd, entry.path) || entry.path }, Object.keys(FORMATS))), ...published.diagnostics, ...redirected.diagnostics];
  records.sort(newestFirst);
  return { config, kb, records, drafts, redirects: redirected.redirects, report, diagnostics, cacheHits: cache?.hitCount ?? 0, extracted, digests, saveCache, releaseText: () => cache?.releaseText([...records, ...drafts]), closeTextFiles: () => cache?.closeTextFiles() };
}

/** What reading the sources gives: a result for every source, and the hash of the bytes each was made from. */
interface SourcesRead {
  config: SiteConfig;
  loaded: LoadedKnowledgeBase;
  cache: RecordCache | undefined;
  results: Map<string, SourceResult>;
  hashes: Map<string, string>;
  /** How many sources were extracted, not taken from the cache. */
  extracted: number;
}

/**
 * Every source's result: from the record cache when the source is unchanged, extracted
 * otherwise, on every core when there are many. Extracted results go into the cache.
 */
async function readSources(files: readonly ExtractJob[], options: BuildArchiveOptions, cwd: string): Promise<SourcesRead> {
  const auto = options.workers === "auto" || options.workers === undefined;
  const coresFor = (sources: number) => (auto ? workerCount(sources) : (options.workers as number));
  // With no record cache yet, every source is extracted: the workers start before anything
  // else and load their code while this process reads the knowledge base.
  const coldStart = !options.cacheDir || !existsSync(options.cacheDir);
  const coldCores = coresFor(files.length);
  let pool = coldStart && coldCores > 1 ? new ExtractionPool(coldCores) : undefined;
  try {
    const config = loadSiteConfig(options.contentDir, options.env);
    const loaded = knowledgeOf(options.contentDir, cwd, options.session, options.cacheDir);
    const today = options.today ?? new Date();
    const cache = options.cacheDir
      ? recordCacheOf(options.cacheDir, [loaded.kb.version, extractionCodeVersion(), config.homeCountry, today.getUTCFullYear()].join(":"), options.session)
      : undefined;
    // Otherwise the workers start now, when the sources the cache lacks are many, and load their code while the sources are hashed.
    const cores = coresFor(files.length - (cache?.size ?? 0));
    if (!pool && cores > 1) pool = new ExtractionPool(cores);
    pool?.setUp({ kb: loaded.kb, homeCountry: config.homeCountry, today: today.toISOString() });
    const { results, hashes, stats, jobs } = cachedResults(files, cache);
    await loadReaders(jobs.map((job) => job.file));
    const extractOptions = { homeCountry: config.homeCountry, today };
    const kb = loaded.kb;
    const extractHere = (job: ExtractJob) => extractSource(job.file, job.display, compileKnowledge(kb), extractOptions);
    // Every source extracted in this process is under the time limit, as in a worker (./source-timeout.ts).
    const limitMs = SOURCE_LIMITS.extractionSeconds * 1000;
    const extractInTime = (list: readonly ExtractJob[]) => extractEachWithinTimeLimit(list, extractHere, (job) => timedOutSource(job.display, limitMs), limitMs);
    // A cached record whose text is found damaged when it is read gets it from its source, extracted again here.
    if (cache) cache.extractAgain = (display) => extractAgain(files, display, (job) => extractInTime([job])[0] as Extracted);
    // Fewer sources to extract than the cache let expect: the workers are not worth it.
    const parallel = pool && (!auto || workerCount(jobs.length) > 1) ? pool : undefined;
    if (pool && !parallel) pool.close();
    const extracted = parallel ? await parallel.run(jobs, extractHere) : extractInTime(jobs);
    keepExtracted(extracted, { results, hashes, stats }, cache);
    return { config, loaded, cache, results, hashes, extracted: jobs.length };
  } finally {
    // Workers left waiting (an unreadable source, a failed chunk) would keep the build from exiting.
    pool?.close();
  }
}

/** The cached results of the sources the cache holds unchanged, and the sources left to extract. */
function cachedResults(files: readonly ExtractJob[], cache: RecordCache | undefined) {
  const results = new Map<string, SourceResult>();
  const hashes = new Map<string, string>();
  const stats = new Map<string, SourceStat>();
  const jobs: ExtractJob[] = [];
  for (const source of files) {
    if (cache) {
      // The size and modification time are read before the content, so a change in between shows at the next build.
      const stat = statOf(source.file);
      if (stat) stats.set(source.display, stat);
      // A source the cache has never seen is extracted whatever its content: extraction hashes the bytes it reads.
      if (!cache.has(source.display)) {
        jobs.push(source);
        continue;
      }
      const hash = (stat && cache.knownHash(source.display, stat)) ?? RecordCache.hashOf(readBytes(source.file));
      hashes.set(source.display, hash);
      const cached = cache.get(source.display, hash, stat);
      if (cached) {
        results.set(source.display, cached);
        continue;
      }
    }
    jobs.push(source);
  }
  return { results, hashes, stats, jobs };
}

/** Adds the extracted results to the others, and to the cache with the hash of the bytes they were made from. */
function keepExtracted(
  extracted: readonly Extracted[],
  { results, hashes, stats }: { results: Map<string, SourceResult>; hashes: Map<string, string>; stats: ReadonlyMap<string, SourceStat> },
  cache: RecordCache | undefined,
): void {
  for (const { result, hash } of extracted) {
    results.set(result.path, result);
    // The hash of the bytes extracted; for a source hashed before (its content changed), the same bytes unless it changed again since.
    const known = hash ?? hashes.get(result.path);
    // A source stopped for its time says as much of the machine's load as of the source: the next build tries it again.
    if (!known || result.diagnostics.some((d) => d.rule === TIMEOUT_RULE)) continue;
    hashes.set(result.path, known);
    cache?.set(result.path, known, result, stats.get(result.path));
  }
}

/**
 * Names one article established with a cue tag the others that name them bare: the one pass
 * that reads the whole archive's records. A record changed so has its digest say so.
 */
function rememberNames(records: ArticleRecord[], drafts: ArticleRecord[], kb: KnowledgeBase, digests: Map<string, string>): void {
  const memory = applyArchiveMemory([...records, ...drafts], kb);
  for (const list of [records, drafts]) {
    for (const [k, record] of list.entries()) {
      const remembered = memory.changed.get(record);
      list[k] = withoutAnonymisedPeople(remembered ?? record);
      if (!remembered) continue;
      const digest = digests.get(record.id);
      if (digest) digests.set(record.id, `${digest}:${memoryStamp(remembered)}`);
    }
  }
}

/**
 * The knowledge base, read and validated again only when one of its files changed: a
 * session keeps it in memory, a build with a cache folder keeps it there (structured
 * clone: maps, sets and patterns survive).
 */
function knowledgeOf(contentDir: string, cwd: string, session: ArchiveSession | undefined, cacheDir: string | undefined): LoadedKnowledgeBase {
  const stamp = [knowledgeStamp(contentDir), cwd, extractionCodeVersion()].join("\n");
  if (session?.knowledge?.stamp === stamp) return session.knowledge.loaded;
  const file = cacheDir ? join(cacheDir, "knowledge.bin") : undefined;
  const cached = file ? readCacheFile<{ stamp: string; loaded: LoadedKnowledgeBase }>(file) : undefined;
  let loaded = cached?.stamp === stamp ? { kb: Object.freeze(cached.loaded.kb), diagnostics: cached.loaded.diagnostics } : undefined;
  if (!loaded) {
    loaded = loadKnowledgeBase(contentDir, cwd);
    try {
      if (file) writeCacheFile(file, { stamp, loaded });
    } catch {
      // The cache is an optimisation: a build goes on without it.
    }
  }
  if (session) session.knowledge = { stamp, loaded };
  return loaded;
}

function recordCacheOf(dir: string, key: string, session: ArchiveSession | undefined): RecordCache {
  if (!session) return RecordCache.open(dir, key);
  if (session.cache?.dir !== dir || session.cache.key !== key) session.cache = { dir, key, cache: RecordCache.open(dir, key) };
  return session.cache.cache;
}

function extractAgain(files: readonly ExtractJob[], display: string, extract: (job: ExtractJob) => Extracted): Extracted | undefined {
  const job = files.find((source) => source.display === display);
  return job ? extract(job) : undefined;
}

function statOf(file: string): SourceStat | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}
