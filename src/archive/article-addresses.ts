import { createHash } from "node:crypto";
import type { ArticleRecord } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { isSitePagePath, urls } from "../model/urls.ts";

/** A former path of published articles: one is redirected to, several are listed for the reader to choose. */
export interface Redirect {
  /** A path from the site's root: a folder (`/2019/05/titre/`) or an `.html` file. */
  from: string;
  to: readonly ArticleRecord[];
}

export interface Placement {
  /** The records that have a page, each with its archive-wide unique `id` (a copy when it differs from the one its source asked for). */
  placed: ArticleRecord[];
  /** Records whose `slug:` or `permalink:` another file asks for too: the error names both files. */
  refused: { record: ArticleRecord; error: Diagnostic }[];
}

/**
 * Gives every article a page of its own, decided by each source alone, so that every build
 * decides the same and an article's address does not move when another is added:
 * - a slug no other article has is the article's id;
 * - articles whose slugs are alike are told apart by their file name's day
 *   (`conseil-de-gouvernement-2023-05-04`), else by a digest of their source path; an
 *   explicit `slug:` keeps its slug, the others are told apart around it;
 * - two files asking for the same `slug:` or `permalink:` are the only collision that is an
 *   error: the second, in the order of their paths, is refused, naming the first.
 */
export function placeArticles(records: readonly ArticleRecord[]): Placement {
  const refused: Placement["refused"] = [];
  const byPath = [...records].sort((a, b) => compare(a.sourcePath, b.sourcePath));
  const claimed = new Map<string, ArticleRecord>();
  const kept: ArticleRecord[] = [];
  for (const record of byPath) {
    const asked = record.address.asked;
    const claim = asked ? (record.address.path ? `path:${record.address.path}` : `slug:${record.address.slug}`) : undefined;
    const owner = claim ? claimed.get(claim) : undefined;
    if (asked && owner) {
      refused.push({
        record,
        error: {
          file: record.sourcePath,
          line: asked.line,
          rule: "duplicate-slug",
          severity: "error",
          ...described("duplicate-slug", {
            permalink: record.address.path ? 1 : 0,
            value: record.address.path ?? record.address.slug,
            other: owner.sourcePath,
            otherLine: owner.address.asked?.line ?? 0,
            key: asked.key,
            file: record.sourcePath,
          }),
        },
      });
      continue;
    }
    if (claim) claimed.set(claim, record);
    kept.push(record);
  }
  const ids = distinctIds(kept);
  const placed = records.filter((record) => ids.has(record)).map((record) => withId(record, ids.get(record) as string));
  return { placed, refused };
}

/**
 * Unique ids, each decided by its record and the records whose slugs are alike: a lone slug
 * is kept; among alike ones, a `slug:` asked for (and used for the page's address) keeps it
 * and the others take their day, then a digest of their path while any two are still alike.
 */
function distinctIds(records: readonly ArticleRecord[]): Map<ArticleRecord, string> {
  const ids = new Map<ArticleRecord, string>();
  const keepsSlug = (record: ArticleRecord) => record.address.asked?.key === "slug" && !record.address.path;
  const alike = groupBy(records, (record) => record.address.slug);
  for (const [slug, group] of alike) {
    for (const record of group) {
      ids.set(record, group.length === 1 || keepsSlug(record) ? slug : record.address.day ? `${slug}-${record.address.day}` : `${slug}-${pathDigest(record)}`);
    }
  }
  // A day's suffix can meet another file's slug (`titre-2023-05-04.md`), or two files of one day share a slug: their paths tell them apart.
  for (let round = 0; round < 3; round++) {
    const clashes = [...groupBy([...ids.keys()], (record) => ids.get(record) as string).values()].filter((group) => group.length > 1);
    if (!clashes.length) break;
    for (const group of clashes) {
      for (const [n, record] of group.sort((a, b) => compare(a.sourcePath, b.sourcePath)).entries()) {
        if (round < 2 && keepsSlug(record)) continue;
        ids.set(record, round < 2 ? `${ids.get(record)}-${pathDigest(record)}` : `${ids.get(record)}-${n + 1}`);
      }
    }
  }
  return ids;
}

/**
 * Redirect pages from the published articles' former paths: the address an article had
 * while its slug was its alone (`/articles/2023/conseil-de-gouvernement/`, before another
 * article alike was added), and its `aliases:` / `redirect_from:`. The address of articles
 * now told apart lists them; an alias that is a page of the site (an article's, a list's,
 * Revue's own sections) or another article's alias is left out with a warning naming both:
 * a redirect never overwrites.
 */
export function redirectsOf(published: readonly ArticleRecord[]): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const pages = new Map(published.map((record) => [urls.article(record), record]));
  const redirects: Redirect[] = [];
  const diagnostics: Diagnostic[] = [];
  const sorted = [...published].sort((a, b) => compare(a.sourcePath, b.sourcePath));
  // Addresses slugs alike had alone, for the links made to them then.
  const shared = groupBy(sorted.filter((record) => record.id !== record.address.slug && !record.address.path), (record) => urls.article({ id: record.address.slug, address: record.address }));
  const lists = new Set<string>();
  for (const [from, records] of shared) {
    if (pages.has(from)) continue;
    lists.add(from);
    redirects.push({ from, to: records.sort((a, b) => compare(a.address.day ?? "", b.address.day ?? "") || compare(a.sourcePath, b.sourcePath)) });
  }
  const taken = new Map<string, ArticleRecord>();
  const warn = (record: ArticleRecord, alias: string, why: "page" | "list" | "own-page" | "redirect", other = "") =>
    diagnostics.push({
      file: record.sourcePath,
      line: record.address.aliasesLine ?? 1,
      rule: "alias-taken",
      severity: "warning",
      ...described("alias-taken", { alias, why, other }),
    });
  for (const record of sorted) {
    for (const alias of record.aliases ?? []) {
      const from = redirectPathOf(alias);
      const page = pages.get(from);
      const other = taken.get(from);
      if (page === record) continue;
      if (page) warn(record, alias, "page", page.sourcePath);
      else if (lists.has(from)) warn(record, alias, "list");
      else if (isSitePagePath(from)) warn(record, alias, "own-page");
      else if (other) warn(record, alias, "redirect", other.sourcePath);
      else {
        taken.set(from, record);
        redirects.push({ from, to: [record] });
      }
    }
  }
  return { redirects, diagnostics };
}

/** A former path as the page a static host serves for it: an `.html` file as it is, anything else a folder (`/2019/titre` → `/2019/titre/`), as Hugo writes aliases. */
export function redirectPathOf(alias: string): string {
  const last = alias.split("/").at(-1) ?? "";
  return last === "" || /\.html?$/i.test(last) ? alias : `${alias}/`;
}

/** The record with its archive-wide id: the same object when its own slug is unique, so a session's unchanged records stay the same objects. */
function withId(record: ArticleRecord, id: string): ArticleRecord {
  if (record.id === id) return record;
  // Property descriptors, not a spread: a cached record's body and HTML are read only when used.
  const copy = Object.defineProperties(Object.create(Object.getPrototypeOf(record)), Object.getOwnPropertyDescriptors(record)) as ArticleRecord;
  Object.defineProperty(copy, "id", { value: id, enumerable: true, writable: true, configurable: true });
  return copy;
}

function pathDigest(record: ArticleRecord): string {
  return createHash("sha256").update(record.sourcePath).digest("hex").slice(0, 6);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
