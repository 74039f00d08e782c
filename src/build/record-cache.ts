import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ArticleRecord } from "../records/article.ts";
import type { Diagnostic } from "../records/diagnostic.ts";

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

interface CacheFile {
  key: string;
  entries: Record<string, { hash: string; result: SourceResult }>;
}

export class RecordCache {
  private readonly entries = new Map<string, { hash: string; result: SourceResult }>();
  private hits = 0;

  private constructor(
    private readonly file: string,
    private readonly key: string,
  ) {}

  /** Opens the cache at `file` for this key; a cache of another key starts empty. */
  static open(file: string, key: string): RecordCache {
    const cache = new RecordCache(file, key);
    if (existsSync(file)) {
      try {
        const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
        if (data.key === key) for (const [path, entry] of Object.entries(data.entries)) cache.entries.set(path, entry);
      } catch {
        // A damaged cache is an empty cache.
      }
    }
    return cache;
  }

  static hashOf(bytes: Buffer | string): string {
    return createHash("sha1").update(bytes).digest("hex");
  }

  get(path: string, hash: string): SourceResult | undefined {
    const entry = this.entries.get(path);
    if (entry?.hash !== hash) return undefined;
    this.hits++;
    return entry.result;
  }

  set(path: string, hash: string, result: SourceResult): void {
    this.entries.set(path, { hash, result });
  }

  /** Keeps only the sources seen in this build, then writes atomically. */
  save(seen: ReadonlySet<string>): void {
    for (const path of this.entries.keys()) if (!seen.has(path)) this.entries.delete(path);
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp-${process.pid}`;
    const data: CacheFile = { key: this.key, entries: Object.fromEntries(this.entries) };
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.file);
  }

  get hitCount(): number {
    return this.hits;
  }
}
