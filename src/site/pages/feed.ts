import type { ArticleRecord, DateValue } from "../../model/article.ts";
import { urls } from "../../model/urls.ts";
import type { PageContext } from "./shared.ts";

/** An Atom feed: the site's, and each person's, agency's and topic's. */
export interface FeedView {
  url: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  id: string;
  updated: string;
  /** `published`: the article's date-time, none when undated; `updated`: its last modification, else `published`. */
  entries: { title: string; url: string; updated: string; published?: string; summary: string; outlet: string | null }[];
}

/**
 * A feed of the first `limit` articles of a list, at `url`, its alternate the page at `alternate`.
 *
 * Atom asks every entry and feed for an <updated>. An undated article has none of its own
 * and is never given an invented one (the epoch, the build's clock): it takes its feed's,
 * the latest time the feed's dated articles give (else `archiveUpdated`, the archive's),
 * which it was part of the archive by.
 */
export function feedView(context: PageContext, feed: { url: string; title: string; alternate: string; list: readonly ArticleRecord[]; limit: number; archiveUpdated: string | undefined }): FeedView {
  const { absolute, strings } = context;
  const shown = feed.list.slice(0, feed.limit);
  const updated = latestTime(shown) ?? feed.archiveUpdated ?? buildDay();
  return {
    url: feed.url,
    title: feed.title,
    selfUrl: absolute(feed.url),
    alternateUrl: absolute(feed.alternate),
    id: absolute(feed.url),
    updated,
    entries: shown.map((record) => {
      const published = record.date ? atomDate(record.date) : undefined;
      const modified = record.dateModified ? atomDate(record.dateModified) : undefined;
      return { title: record.title ?? strings.undated, url: absolute(urls.article(record)), updated: modified ?? published ?? updated, ...(published ? { published } : {}), summary: record.summary, outlet: record.outlet?.name ?? null };
    }),
  };
}

/**
 * Atom needs a full timestamp (RFC 3339): a date's time as the source gave it (in UTC when
 * written without an offset), else its day (or the first of its month or year) at midnight UTC.
 */
export function atomDate(date: DateValue | string): string {
  const value = typeof date === "string" ? date : (date.dateTime ?? date.value);
  if (value.includes("T")) return /(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  const [y, m = "01", d = "01"] = value.split("-");
  return `${y}-${m}-${d}T00:00:00Z`;
}

/** The latest time the articles give, published or modified, as an Atom timestamp; none when none is dated. */
export function latestTime(records: readonly Pick<ArticleRecord, "date" | "dateModified">[]): string | undefined {
  let latest: { at: number; text: string } | undefined;
  for (const record of records) {
    for (const date of [record.date, record.dateModified]) {
      if (!date) continue;
      const text = atomDate(date);
      const at = Date.parse(text);
      if (!Number.isNaN(at) && (!latest || at > latest.at)) latest = { at, text };
    }
  }
  return latest?.text;
}

/**
 * The <updated> of a feed when not one article of the archive is dated: Atom requires one,
 * and only the build knows when the feed was made. The build's day (not its second, so that
 * rebuilds of a day give the same feed), or SOURCE_DATE_EPOCH when set, as reproducible
 * builds ask. The entries carry no <published>, so no reader takes it for a publication date.
 */
export function buildDay(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = Number(env["SOURCE_DATE_EPOCH"]);
  const at = env["SOURCE_DATE_EPOCH"] && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return `${at.toISOString().slice(0, 10)}T00:00:00Z`;
}
