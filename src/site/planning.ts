import type { ArticleRecord } from "../model/article.ts";
import { urls } from "../model/urls.ts";
import type { Archive } from "../pipeline/build-archive.ts";
import { siteCodeVersion } from "../pipeline/code-version.ts";
import { digestOfView, hash, withDigest } from "./digest.ts";
import { articleRow } from "./open-data.ts";
import type { NetworkPage } from "./pages/network.ts";
import { toCard, type ArticleCard } from "./pages/shared.ts";
import { relatedArticles } from "./related.ts";
import type { Strings } from "./strings.ts";
import { referencesSignature, termIndex, type TermIndex } from "./term-index.ts";

/**
 * Planning a site: each file is planned with a digest of everything it is made from, and
 * what planning can keep from one build to the next (`SiteMemo`) is kept, so that a rebuild
 * hashes again only what an edit changed.
 */

/**
 * A file of the site before it is made: where it goes, a digest of everything it is made
 * from, and how to make it. A rebuild compares digests and makes only the files that changed;
 * a full build makes them a run at a time, so the whole site is never in memory at once.
 */
export interface Planned<T> {
  url: string;
  digest: string;
  make: () => T;
}

/** A file made at once (a small page every build remakes anyway): its digest is its content's. */
export function made<T extends { url: string }>(view: T): Planned<T> {
  return { url: view.url, digest: digestOfView(view), make: () => view };
}

/**
 * What planning keeps from one build to the next (in memory in the dev server, in the cache
 * folder otherwise).
 */
export interface SiteMemo {
  /** The related articles, found again only when some article's references changed (`referencesSignature`). */
  related?: { signature: string; ids: Map<string, string[]> };
  /**
   * Each record's card and the digests of its card and open-data row, by the record's
   * digest, for these settings and this view code (`version`): a rebuild makes and hashes
   * only the edited records' again.
   */
  records?: { version: string; byDigest: Map<string, RecordDigests> };
  /**
   * What follows from the articles' references alone (`index`: terms, who appears with
   * whom), for this view code and these settings (`version`), kept while the references
   * stay the same, as they do through most edits.
   */
  references?: ReferencesMemo;
}

export interface ReferencesMemo {
  version: string;
  index: TermIndex;
  /** By the record's position: the digest of its card, and of what a term page shows of it. */
  shown: { cards: string[]; digests: string[] };
  network?: { key: string; digest: string; view: NetworkPage };
}

export interface RecordDigests {
  card: string;
  row: string;
  view: ArticleCard;
}

/** What the memo's entries are valid for: this view code, this language, this site's address. */
export function memoVersion(lang: "fr" | "en", siteUrl: string): string {
  return [siteCodeVersion(), lang, siteUrl].join("\n");
}

/** Each record's card (with its digest), and the digests of its card and open-data row, hashed once per record digest. */
export interface RecordCards {
  card: (record: ArticleRecord) => ArticleCard;
  /** Undefined for a record made from nothing the build can digest. */
  digestsOf: (record: ArticleRecord) => RecordDigests | undefined;
}

export function recordCards(archive: Archive, strings: Strings, absolute: (path: string) => string, version: string, memo: SiteMemo | undefined): RecordCards {
  const { lang } = archive.config;
  const known = memo?.records?.version === version ? memo.records.byDigest : undefined;
  const recordDigests = new Map<string, RecordDigests>();
  const digestsOf = (record: ArticleRecord): RecordDigests | undefined => {
    const madeFrom = archive.digests.get(record.id);
    if (madeFrom === undefined) return undefined;
    let digests = recordDigests.get(madeFrom) ?? known?.get(madeFrom);
    if (!digests) {
      const view = toCard(record, lang, strings);
      digests = { card: hash(JSON.stringify(view)), row: hash(JSON.stringify(articleRow(record, absolute(urls.article(record))))), view };
    }
    recordDigests.set(madeFrom, digests);
    return digests;
  };
  const cards = new Map(
    archive.records.map((record) => {
      const digests = digestsOf(record);
      return [record, digests ? withDigest(digests.view, digests.card) : withDigest(toCard(record, lang, strings))];
    }),
  );
  if (memo) memo.records = { version, byDigest: recordDigests };
  return { card: (record) => cards.get(record) as ArticleCard, digestsOf };
}

/** What follows from the articles' references alone: the previous build's while they stay the same. */
export function referencesMemo(records: readonly ArticleRecord[], version: string, memo: SiteMemo | undefined): ReferencesMemo {
  const signature = referencesSignature(records);
  const previous = memo?.references;
  const kept: ReferencesMemo = previous?.version === version && previous.index.signature === signature ? previous : { version, index: termIndex(records, signature), shown: { cards: [], digests: [] } };
  if (memo) memo.references = kept;
  return kept;
}

/** Each article's related articles, found again only when the references changed. */
export function relatedOf(records: readonly ArticleRecord[], signature: string, count: number, memo: SiteMemo | undefined): Map<string, ArticleRecord[]> {
  if (!memo) return relatedArticles(records, count);
  if (memo.related?.signature !== signature) {
    const found = relatedArticles(records, count);
    memo.related = { signature, ids: new Map([...found].map(([id, list]) => [id, list.map((record) => record.id)])) };
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  return new Map([...memo.related.ids].map(([id, list]) => [id, list.map((other) => byId.get(other) as ArticleRecord)]));
}
