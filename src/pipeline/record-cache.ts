import { createHash, randomUUID } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readCacheFile, writeCacheBytes, writeCacheFile } from "./cache-file.ts";
import { sha1 } from "../text/sha1.ts";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

/**
 * What reading and extracting one source gave, cached by the source's content hash: a
 * rebuild re-extracts only what changed. The whole cache is invalidated by another
 * knowledge base, other extraction code, or another year (dates are checked against today).
 */
export interface SourceResult {
  /** The path shown in messages. */
  path: string;
  diagnostics: Diagnostic[];
  record: ArticleRecord | null;
}

/** What a source file's metadata was when its content was last hashed. */
export interface SourceStat {
  size: number;
  mtimeMs: number;
}

interface Entry {
  hash: string;
  result: SourceResult;
  /** Size and modification time seen with `hash`, and when the content was hashed. */
  stat?: SourceStat & { checkedMs: number };
  /** Where the record's text is in its bucket's text file (set when the bucket is written). */
  text?: TextSpan;
}

/** A record's `body` then its `html`, in UTF-8, from byte `start` of its bucket's text file, and the SHA-1 of those bytes. */
interface TextSpan {
  start: number;
  body: number;
  html: number;
  sum: string;
}

/**
 * A source extracted again, as the build does it: a record whose cached text turns out
 * damaged when it is read gets its text from there (`hash`: of the bytes extracted).
 */
export type ExtractAgain = (path: string) => { result: SourceResult; hash?: string } | undefined;

/**
 * A file whose modification time is this close to the moment it was hashed may have been
 * written again within the same clock tick: its stat proves nothing and it is read again.
 */
const RACY_MS = 2000;

const sameStat = (a: SourceStat, b: SourceStat) => a.size === b.size && a.mtimeMs === b.mtimeMs;
const racy = (stat: SourceStat, checkedMs: number) => stat.mtimeMs > checkedMs - RACY_MS;

/** A bucket's entries, their records without their text (`body` and `html` are empty there). */
interface BucketFile {
  key: string;
  /** Names the bucket's text file, written with it. */
  stamp: string;
  entries: Record<string, Entry>;
}

type RecordText = Pick<ArticleRecord, "body" | "html">;

/**
 * The cache is a folder of buckets (sources spread by a hash of their path), not one file:
 * a rebuild after one edit rewrites one small bucket, and no single buffer has to hold a
 * whole 100,000-article archive. Each bucket is two files:
 * - its records without their text, a cache file (V8's format, not JSON: it opens faster);
 * - their text (most of the cache's bytes), plain UTF-8 of which each record's part is read
 *   alone, when its body or HTML is. A rebuild needs few: the edited articles', and those of
 *   a search shard, which are spread over every bucket (read as whole buckets, a shard's
 *   texts would mean decoding, and then collecting, most of the cache).
 *
 * A record's text is read each time it is asked for, never kept: a build asks once or twice
 * (its page, the search index, the search vocabulary), and texts kept would hold every
 * article's in memory by the end of a large build, or of a dev server's day.
 */
const BUCKETS = 256;
const BUCKET_FILE = /^[0-9a-f]{2}\.bin$/;
const bucketOfPath = (path: string) => sha1(path, "buffer")[0] as number;
const bucketName = (bucket: number) => bucket.toString(16).padStart(2, "0");
const bucketFile = (dir: string, bucket: number) => join(dir, `${bucketName(bucket)}.bin`);
const textFile = (dir: string, bucket: number, stamp: string) => join(dir, `${bucketName(bucket)}-${stamp}.text`);

export class RecordCache {
  private readonly buckets: Map<string, Entry>[] = Array.from({ length: BUCKETS }, () => new Map());
  /** The stamp of each bucket file in the folder (naming its text file). */
  private readonly stamps = new Map<number, string>();
  /** The open text file of each bucket whose text was read, until the bucket is written again. */
  private readonly textFiles = new Map<number, number>();
  /**
   * The length of each bucket's text file, from its records' spans as the bucket was read or
   * written: an edited source's new record has no span until the bucket is written again, and
   * while it is written the spans change one by one, but the file is the old one until then.
   */
  private readonly textLengths = new Map<number, number>();
  private readonly dirty = new Set<number>();
  /** Texts made again from their sources (the cached ones were damaged), until their buckets are written with them. */
  private readonly repaired = new Map<string, RecordText>();
  /** The texts the last save wrote that records still hold in memory, until `releaseText`. */
  private readonly heldTexts = new Map<string, RecordText>();
  /** The bucket of each path seen: a build asks for each source's three times, and each answer is a hash. */
  private readonly bucketByPath = new Map<string, number>();
  private hits = 0;
  /** Whether the buckets were written once: a text repaired after that is written at once (a build saves once). */
  private saved = false;
  private writing = false;
  /** How this build extracts a source: set by the build that uses the cache. */
  extractAgain: ExtractAgain | undefined;

  private constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {}

  /** Opens the cache folder `dir` for this key; buckets of another key count as empty. */
  static open(dir: string, key: string): RecordCache {
    const cache = new RecordCache(dir, key);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => BUCKET_FILE.test(name));
    } catch {
      return cache;
    }
    for (const name of names) {
      const bucket = Number.parseInt(name.slice(0, 2), 16);
      const data = readCacheFile<BucketFile>(join(dir, name));
      // Its text file is replaced on save, whatever the bucket's key.
      if (typeof data?.stamp === "string") cache.stamps.set(bucket, data.stamp);
      // A damaged bucket, one of another key or without its text is an empty one, written again on save.
      if (data?.key !== key || typeof data.stamp !== "string" || !existsSync(textFile(dir, bucket, data.stamp))) {
        cache.dirty.add(bucket);
        continue;
      }
      const entries = cache.buckets[bucket] as Map<string, Entry>;
      let textLength = 0;
      for (const [path, entry] of Object.entries(data.entries)) {
        if (entry.result.record) cache.readTextWhenAsked(entry.result.record, bucket, path);
        entries.set(path, entry);
        cache.bucketByPath.set(path, bucket);
        if (entry.text) textLength = Math.max(textLength, entry.text.start + entry.text.body + entry.text.html);
      }
      cache.textLengths.set(bucket, textLength);
    }
    return cache;
  }

  /**
   * Makes a record's `body` and `html` read its bucket's text file whenever they are read. A
   * copy of the record made with its property descriptors (the archive gives some records
   * another id that way) reads the same text.
   */
  private readTextWhenAsked(record: ArticleRecord, bucket: number, path: string): void {
    Object.defineProperty(record, "body", { get: () => this.textOf(bucket, path).body, enumerable: true, configurable: true });
    Object.defineProperty(record, "html", { get: () => this.textOf(bucket, path).html, enumerable: true, configurable: true });
  }

  /**
   * Lets go of the text of records the cache has written: from now on their `body` and `html`
   * are read from the cache's files when asked for, as a cached record's are, so a large
   * build does not hold every article's text until its end. A record is changed only if it
   * still holds the very text its bucket was written with; the others are left as they are.
   */
  releaseText(records: Iterable<ArticleRecord>): void {
    const heldText = (record: ArticleRecord, key: keyof RecordText) => Object.getOwnPropertyDescriptor(record, key)?.value as unknown;
    for (const record of records) {
      const path = record.sourcePath;
      const texts = this.heldTexts.get(path);
      const bucket = this.bucketOf(path);
      const written = this.buckets[bucket]?.get(path)?.result.record;
      if (!texts || !written || this.dirty.has(bucket)) continue;
      const unchanged = (held: ArticleRecord) => heldText(held, "body") === texts.body && heldText(held, "html") === texts.html;
      if (!unchanged(written) || !unchanged(record)) continue;
      this.readTextWhenAsked(written, bucket, path);
      if (record !== written) this.readTextWhenAsked(record, bucket, path);
    }
    this.heldTexts.clear();
  }

  /** Closes the text files opened to read records' text; a text asked for later opens its file again. */
  closeTextFiles(): void {
    for (const fd of this.textFiles.values()) closeSync(fd);
    this.textFiles.clear();
  }

  private textOf(bucket: number, path: string): RecordText {
    const repaired = this.repaired.get(path);
    if (repaired) return repaired;
    const entries = this.buckets[bucket] as Map<string, Entry>;
    const file = textFile(this.dir, bucket, this.stamps.get(bucket) as string);
    const span = entries.get(path)?.text;
    if (!span) throw new Error(`the record cache has no text for ${path} in ${file}; build again`);
    const bytes = Buffer.allocUnsafe(span.body + span.html);
    let fd = this.textFiles.get(bucket);
    try {
      if (fd === undefined) {
        fd = openSync(file, "r");
        // A text file of another length than its records' texts is not theirs.
        if (fstatSync(fd).size !== this.textLengths.get(bucket)) throw new Error("damaged");
        this.textFiles.set(bucket, fd);
      }
      if (readSync(fd, bytes, 0, bytes.length, span.start) !== bytes.length) throw new Error("damaged");
    } catch {
      if (fd !== undefined && !this.textFiles.has(bucket)) closeSync(fd);
      // The next build extracts this bucket's sources again.
      rmSync(bucketFile(this.dir, bucket), { force: true });
      throw new Error(`the record cache lost ${file} (another build replaced it, or it is damaged); build again: the sources it held will be read again`);
    }
    // Bytes changed in place (the file keeps its length): never published, made again from the source.
    if (sha1(bytes, "base64url") !== span.sum) return this.repairText(bucket, path, file);
    return { body: bytes.toString("utf8", 0, span.body), html: bytes.toString("utf8", span.body) };
  }

  /** The text of a record whose cached text is damaged, from its source extracted again; its bucket is written again. */
  private repairText(bucket: number, path: string, file: string): RecordText {
    const entry = (this.buckets[bucket] as Map<string, Entry>).get(path) as Entry;
    let again: ReturnType<ExtractAgain>;
    try {
      again = this.extractAgain?.(path);
    } catch {
      again = undefined;
    }
    const record = again?.hash === entry.hash ? again.result.record : null;
    if (!record) {
      rmSync(bucketFile(this.dir, bucket), { force: true });
      throw new Error(`the record cache's text of ${path} in ${file} is damaged; build again: the sources of its bucket will be read again`);
    }
    delete entry.text;
    this.dirty.add(bucket);
    const text = { body: record.body, html: record.html };
    this.repaired.set(path, text);
    // Written once this getter has returned; the cache is an optimisation, its failure no error.
    if (this.saved && !this.writing)
      queueMicrotask(() => {
        try {
          this.writeDirty();
        } catch {
          // The next build finds the damage again and repairs it.
        }
      });
    return text;
  }

  private bucketOf(path: string): number {
    let bucket = this.bucketByPath.get(path);
    if (bucket === undefined) this.bucketByPath.set(path, (bucket = bucketOfPath(path)));
    return bucket;
  }

  static hashOf(bytes: Buffer | string): string {
    return createHash("sha1").update(bytes).digest("hex");
  }

  /** Whether the cache holds a result for this source path, whatever its content. */
  has(path: string): boolean {
    return this.buckets[this.bucketOf(path)]?.has(path) === true;
  }

  /**
   * The content hash of a source whose size and modification time are those seen when it
   * was last hashed (as git's index does): a rebuild need not read every unchanged file.
   */
  knownHash(path: string, stat: SourceStat): string | undefined {
    const entry = this.buckets[this.bucketOf(path)]?.get(path);
    return entry?.stat && sameStat(entry.stat, stat) && !racy(stat, entry.stat.checkedMs) ? entry.hash : undefined;
  }

  /** The cached result of a source with this content hash; `stat` (read before hashing) is remembered with it. */
  get(path: string, hash: string, stat?: SourceStat): SourceResult | undefined {
    const bucket = this.bucketOf(path);
    const entry = this.buckets[bucket]?.get(path);
    if (entry?.hash !== hash) return undefined;
    this.hits++;
    // Remember the stat when it is new, or when it can now be trusted (the bucket is written again only then).
    const now = Date.now();
    const known = entry.stat;
    if (stat && (!known || !sameStat(known, stat) || (racy(stat, known.checkedMs) && !racy(stat, now)))) {
      entry.stat = { ...stat, checkedMs: now };
      this.dirty.add(bucket);
    }
    return entry.result;
  }

  set(path: string, hash: string, result: SourceResult, stat?: SourceStat): void {
    const bucket = this.bucketOf(path);
    this.buckets[bucket]?.set(path, { hash, result, ...(stat ? { stat: { ...stat, checkedMs: Date.now() } } : {}) });
    this.dirty.add(bucket);
  }

  /**
   * What a source's result is made from, as one hash: its path, its content and the cache
   * key (knowledge base, extraction code, settings). Pages built from the record compare it
   * instead of recomputing what they derive from the record.
   */
  digestOf(path: string, hash: string): string {
    return sha1(`${this.key}\0${path}\0${hash}`, "base64url");
  }

  /** Forgets the sources not seen in this build, then writes the buckets that changed, each atomically. */
  save(seen: ReadonlySet<string>): void {
    this.buckets.forEach((entries, bucket) => {
      for (const path of entries.keys())
        if (!seen.has(path)) {
          entries.delete(path);
          this.dirty.add(bucket);
        }
    });
    this.saved = true;
    this.writeDirty();
  }

  /** Writes the buckets that changed, each atomically. */
  private writeDirty(): void {
    if (this.dirty.size === 0 || this.writing) return;
    this.writing = true;
    try {
      this.writeBuckets([...this.dirty].sort((a, b) => a - b));
      this.dirty.clear();
    } finally {
      this.writing = false;
    }
  }

  private writeBuckets(buckets: number[]): void {
    for (const bucket of buckets) {
      const entries = this.buckets[bucket] as Map<string, Entry>;
      const file = bucketFile(this.dir, bucket);
      const previous = this.stamps.get(bucket);
      const texts: Buffer[] = [];
      let offset = 0;
      const heads: Record<string, Entry> = {};
      for (const [path, entry] of entries) {
        const record = entry.result.record;
        if (!record) {
          heads[path] = entry;
          continue;
        }
        // Held in memory (just extracted), or read before the previous text file is closed below.
        const held = Object.getOwnPropertyDescriptor(record, "body")?.value as unknown;
        const inMemory = typeof held === "string";
        const text = inMemory ? { body: held, html: record.html } : this.textOf(bucket, path);
        if (inMemory) this.heldTexts.set(path, text);
        const body = Buffer.from(text.body);
        const html = Buffer.from(text.html);
        texts.push(body, html);
        entry.text = { start: offset, body: body.length, html: html.length, sum: createHash("sha1").update(body).update(html).digest("base64url") };
        this.repaired.delete(path);
        offset += body.length + html.length;
        heads[path] = { ...entry, result: { ...entry.result, record: withoutText(record) } };
      }
      const fd = this.textFiles.get(bucket);
      if (fd !== undefined) closeSync(fd);
      this.textFiles.delete(bucket);
      if (entries.size === 0) {
        rmSync(file, { force: true });
        if (previous) rmSync(textFile(this.dir, bucket, previous), { force: true });
        this.stamps.delete(bucket);
        this.textLengths.delete(bucket);
        continue;
      }
      const stamp = randomUUID();
      // The new text first, under a new name, then the bucket file that names it, then the old
      // text goes: a build stopped anywhere in between leaves a bucket and its text that agree.
      writeCacheBytes(textFile(this.dir, bucket, stamp), Buffer.concat(texts, offset));
      writeCacheFile(file, { key: this.key, stamp, entries: heads } satisfies BucketFile);
      if (previous) rmSync(textFile(this.dir, bucket, previous), { force: true });
      this.stamps.set(bucket, stamp);
      this.textLengths.set(bucket, offset);
    }
  }

  /** Sources with a cached result. */
  get size(): number {
    return this.buckets.reduce((total, entries) => total + entries.size, 0);
  }

  get hitCount(): number {
    return this.hits;
  }
}

/** A record as its bucket file keeps it: all but its text, copied without reading the text. */
function withoutText(record: ArticleRecord): ArticleRecord {
  const empty = { value: "", enumerable: true, writable: true, configurable: true };
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(record), body: empty, html: empty }) as ArticleRecord;
}
