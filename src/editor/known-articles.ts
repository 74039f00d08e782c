import type { ArticleRecord } from "../model/article.ts";
import { DuplicateIndex } from "./near-duplicates.ts";
import type { ImportNotes } from "../messages/import-notes.ts";
import { sitePathOf } from "../archive/front-matter-keys.ts";

/**
 * What the archive already holds, so that an import knows a source seen again: each article's
 * URL, former addresses, title with text and text, each naming the article's file; and the ids
 * the articles take.
 */
export interface KnownArticles {
  byUrl: Map<string, string>;
  /** Former paths of the articles (`permalink`, `aliases`): a post's address on its old site is the post. */
  byFormerPath: Map<string, string>;
  /** Each article's title, by its file. */
  titles: Map<string, string>;
  /** The articles with a former address (a post of a site). */
  addressed: Set<string>;
  /** A short article is known again by its title and its whole text: too short for the near-duplicate test. */
  byTitleAndText: Map<string, string>;
  texts: DuplicateIndex<string>;
  ids: Set<string>;
}

export function noKnownArticles(): KnownArticles {
  return { byUrl: new Map(), byFormerPath: new Map(), titles: new Map(), addressed: new Set(), byTitleAndText: new Map(), texts: new DuplicateIndex<string>(), ids: new Set() };
}

/** Adds an article of the archive, `file` as the editor reads its path. */
export function rememberArticle(known: KnownArticles, record: ArticleRecord, file: string): void {
  if (record.url) known.byUrl.set(normalizeUrl(record.url), file);
  for (const path of formerPaths(record)) if (!known.byFormerPath.has(path)) known.byFormerPath.set(path, file);
  if (formerPaths(record).length > 0) known.addressed.add(file);
  known.titles.set(file, record.title ?? "");
  known.byTitleAndText.set(titleAndText(record), file);
  known.texts.add(record.body, file);
  known.ids.add(record.id);
}

/** Not in the archive: the warnings its likeness to an article calls for, and the former paths another article has (`aliases` two posts of a site shared). */
export interface NotInArchive {
  likeness: string[];
  takenPaths: string[];
}

/**
 * The article of the archive the record is, with the reason; else the warnings its likeness to
 * one calls for, worded by `say`. `isArchivePost`: the record is a post of an exported site, an export or a feed.
 * A former address is the post only with its title or its text: two posts of a site may
 * list the same old address in their `aliases`, and only the first one imported keeps it.
 */
export function findInArchive(known: KnownArticles, record: ArticleRecord, isArchivePost: boolean, say: ImportNotes): { existing: string; reason: string } | NotInArchive {
  const sameUrl = record.url ? known.byUrl.get(normalizeUrl(record.url)) : undefined;
  if (sameUrl) return { existing: sameUrl, reason: say.sameUrl(record.url ?? "") };
  const sameText = record.body.length > 200 ? known.texts.find(record.body) : undefined;
  const takenPaths: string[] = [];
  const likeness: string[] = [];
  // An address is the article's only with its title or its text: two posts of a site may list the same one.
  const isSameArticle = (existing: string) => known.titles.get(existing) === (record.title ?? "") || sameText?.value === existing;
  for (const path of formerPaths(record)) {
    const existing = known.byFormerPath.get(path);
    if (existing === undefined) continue;
    if (isSameArticle(existing)) return { existing, reason: say.sameFormerAddress(path) };
    takenPaths.push(path);
    likeness.push(say.formerAddressTaken(path, existing));
  }
  // A site's feed after the site itself: the item's link is the address the post had, which its import keeps in `aliases`.
  const linkPath = record.url ? sitePathOf(record.url) : undefined;
  const sameAddress = linkPath ? known.byFormerPath.get(linkPath) : undefined;
  if (linkPath && sameAddress !== undefined && isSameArticle(sameAddress)) {
    return { existing: sameAddress, reason: say.sameFormerAddress(linkPath) };
  }
  const sameTitleAndText = known.byTitleAndText.get(titleAndText(record));
  // Two posts of a site, each at an address of its own, are two pages even with the same title
  // and text (a gallery whose words are all in its front matter): the second is imported too.
  if (sameTitleAndText && isArchivePost && formerPaths(record).length > 0 && known.addressed.has(sameTitleAndText)) {
    return { likeness: [...likeness, say.sameTitleAndTextElsewhere(sameTitleAndText)], takenPaths };
  }
  if (sameTitleAndText) return { existing: sameTitleAndText, reason: say.sameTitleAndText };
  if (!sameText) return { likeness, takenPaths };
  // A capture whose text the archive has is the same article seen again. A post of an archive with an address of its own is
  // a post of its own (a weekly communiqué, a template reused): imported, with the likeness for the editor to judge.
  const percent = Math.round(sameText.similarity * 100);
  const ownAddress = isArchivePost && (record.url !== undefined || formerPaths(record).length > 0);
  if (!ownAddress) return { existing: sameText.value, reason: say.nearlySameText(percent) };
  return { likeness: [...likeness, say.likeness(percent, sameText.value)], takenPaths };
}

function titleAndText(record: ArticleRecord): string {
  return `${record.title ?? ""}\u0000${record.body.replace(/\s+/g, " ").trim()}`;
}

function formerPaths(record: ArticleRecord): string[] {
  return [...(record.permalink ? [record.permalink] : []), ...(record.aliases ?? [])];
}

/** http/https, "www.", a trailing slash and tracking parameters do not make another article. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    dropTracking(parsed);
    return `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return url;
  }
}

/**
 * Parameters that say where a reader came from, not which page: Google's `utm_`, the click ids
 * of Facebook, Google and Microsoft, AT Internet's `xtor` and `at_` (Le Monde's and France
 * Télévisions' feeds), Mailchimp's `mc_`.
 */
const TRACKING = /^(utm_|at_|mc_(cid|eid)$|xtor$|fbclid$|gclid$|dclid$|msclkid$)/;

/** The address without its tracking parameters, as written otherwise; unchanged when it is no URL. */
export function withoutTracking(url: string): string {
  try {
    const parsed = new URL(url);
    return dropTracking(parsed) ? parsed.toString() : url;
  } catch {
    return url;
  }
}

/** Removes the URL's tracking parameters; whether it had any. */
function dropTracking(url: URL): boolean {
  const tracking = [...url.searchParams.keys()].filter((key) => TRACKING.test(key));
  for (const key of tracking) url.searchParams.delete(key);
  return tracking.length > 0;
}
