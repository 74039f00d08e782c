import type { SourceDoc } from "../ingest/source-doc.ts";
import { htmlToMarkdown } from "../ingest/html-to-markdown.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { isPlausibleYear } from "../text/calendar.ts";
import { slugify } from "../text/slug.ts";
import { validateFrontMatter } from "../archive/front-matter.ts";
import { isoTimestamp, type Timestamp } from "../archive/written-dates.ts";
import { kindOf, resolveRef } from "../archive/resolve-refs.ts";
import type { ImportNotes } from "../messages/import-notes.ts";
import { withoutTracking } from "./known-articles.ts";

/**
 * One article read from a file that holds many (a WordPress export, a feed): what the
 * file says of it, before extraction. Every importer returns these; one step (`itemDoc`)
 * turns each into the source the single-file import builds.
 */
export interface ImportedItem {
  /** Where the item is, for messages and diagnostics: `export.xml#post-12`. */
  source: string;
  title: string;
  /** The body as HTML, converted by the path saved pages use. */
  html: string;
  published?: { at: Timestamp; evidence: string } | undefined;
  /** The address the item was read at. */
  url?: string | undefined;
  slug?: string | undefined;
  /** Old paths of the article on its former site (`/2023/05/04/titre/`), for redirects. */
  aliases?: readonly string[] | undefined;
  /** Categories and tags as named by the source. */
  terms?: readonly string[] | undefined;
  authors?: readonly string[] | undefined;
  /** The author's own summary (WordPress's excerpt), as HTML. */
  summaryHtml?: string | undefined;
  /** Why the item is not published where it comes from (a draft, a scheduled post…), in the site's language. */
  unpublished?: string | undefined;
  /** A post scheduled for a later day: its date is the one it was to appear on, and no other date stands in for it. */
  scheduled?: boolean | undefined;
  /** A date the file gives that no calendar of the importer reads (`pubDate: hier à 10 h 30`): said to the editor, not replaced unseen. */
  unreadDate?: { key: string; value: string } | undefined;
  /** What the reader of the file changed, for the editor, in the site's language. */
  notes?: readonly string[] | undefined;
  /** The site or feed's name, for the outlet. */
  siteName?: string | undefined;
  /** The feed's element the body was read from when it gave no full text (`description`, `summary`): a short body there is a summary, not the article. */
  fromSummary?: string | undefined;
}

/** An entry of the file that is not an article (a page, an attachment, a trashed post), counted by kind. */
export interface SkippedEntry {
  source: string;
  /** `page`, `attachment`, `nav_menu_item`, `trash`, or another WordPress post type. */
  kind: string;
  /** Why, in the site's language. */
  reason: string;
}

/** What a many-article file holds, in its order: articles, and entries that are not. */
export type ArchiveEntry = { item: ImportedItem } | { skipped: SkippedEntry };

/** An item as the source the import builds, with what its Markdown file keeps beyond the record. */
export interface ItemSource {
  doc: SourceDoc;
  /** Front-matter keys the record does not carry (`aliases`, `authors`, `summary`) or that are written as the source named them (`topics`). */
  frontMatter: Record<string, unknown>;
  /** What the editor should check, in the site's language. */
  notes: string[];
  /** The source's date was set aside (unreadable, implausible) with a note that says so: no other note calls it missing. */
  dateSetAside?: boolean;
}

/** The media of an item's HTML, which its Markdown text leaves out (../ingest/html-to-markdown.ts drops them). */
function mediaIn(html: string): { images: number; videos: number; frames: number } {
  const count = (pattern: RegExp) => html.match(pattern)?.length ?? 0;
  const images = (html.match(/<img\b[^>]*>/gi) ?? []).filter((image) => !TRACKING_PIXEL.test(image)).length;
  return { images, videos: count(/<(video|audio)\b/gi), frames: count(/<(iframe|embed|object)\b/gi) };
}

/** An image one pixel wide and high, which feeds (FeedBurner, WordPress.com) add to count their readers: no picture of the article. */
const TRACKING_PIXEL = /^(?=[^>]*\bwidth=["']?[01]["'\s/>])(?=[^>]*\bheight=["']?[01]["'\s/>])/i;

/** Below this many characters, a body read from a feed's summary is taken for a summary: feeds that carry whole articles there carry far more. */
const SUMMARY_LENGTH = 600;

/** `say` words the notes. */
export function itemSource(item: ImportedItem, kb: KnowledgeBase, today: Date, say: ImportNotes): ItemSource {
  const notes: string[] = [];
  const frontMatter: Record<string, unknown> = Object.create(null);
  const source: Record<string, unknown> = Object.create(null);
  source["title"] = item.title;
  if (item.unpublished) {
    source["draft"] = true;
    notes.push(say.draft([item.unpublished]));
  }
  notes.push(...(item.notes ?? []));
  const year = item.published ? Number(item.published.at.day.slice(0, 4)) : undefined;
  const plausible = item.published && year !== undefined && isPlausibleYear(year, today);
  // A post scheduled further ahead than the archive takes a date keeps it in its note; its would-be
  // permalink, never published, is no evidence of another date and is not written.
  const scheduledTooFar = item.scheduled === true && item.published !== undefined && !plausible;
  if (item.published && plausible) {
    source["date"] = frontMatterDate(item.published.at);
    source["date_evidence"] = item.published.evidence;
  } else if (item.published) {
    notes.push(scheduledTooFar ? say.scheduledTooFar(item.published.evidence) : say.implausibleDate(item.published.evidence));
  } else if (item.unreadDate) {
    notes.push(say.unreadableDate(item.unreadDate.key, item.unreadDate.value));
  }
  const dateSetAside = (item.published !== undefined && !plausible) || (item.published === undefined && item.unreadDate !== undefined);
  if (item.url && /^https?:\/\//.test(item.url) && !scheduledTooFar) source["url"] = withoutTracking(item.url);
  if (item.slug) source["slug"] = slugify(item.slug);

  // A category or tag that names a person, an institution or a place of the base tags the
  // article with it (`add`); the others are its topics, written as the source names them.
  const terms = unique(item.terms ?? []);
  const actors = terms.filter((term) => {
    const kind = kindOf(term, kb);
    return kind !== undefined && kind !== "topic";
  });
  const topics = terms.filter((term) => !actors.includes(term));
  if (topics.length) source["topics"] = frontMatter["topics"] = topics.map((term) => {
      const ref = resolveRef(term, "topic", kb);
      return ref.known ? ref.id : term;
    });
  if (actors.length) source["add"] = actors;

  const authors = unique(item.authors ?? []);
  if (authors.length) source["authors"] = frontMatter["authors"] = authors;
  const summary = item.summaryHtml ? oneLine(htmlToMarkdown(item.summaryHtml)) : "";
  if (summary) source["summary"] = frontMatter["summary"] = summary;
  if (item.aliases?.length) frontMatter["aliases"] = unique(item.aliases);

  const text = htmlToMarkdown(item.html);
  const media = mediaIn(item.html);
  if (media.images || media.videos || media.frames) notes.push(say.mediaRemoved(media));
  if (!text.trim()) notes.push(say.noBody);
  else if (item.fromSummary && text.length < SUMMARY_LENGTH) notes.push(say.feedSummaryOnly(item.fromSummary));
  const doc: SourceDoc = {
    path: item.source,
    format: "markdown",
    frontMatter: source,
    frontMatterLines: {},
    bodyLine: 1,
    text,
    meta: { ...(item.siteName ? { siteName: item.siteName } : {}), evidence: {} },
  };
  return { doc, frontMatter, notes, ...(dateSetAside ? { dateSetAside } : {}) };
}

/**
 * The date as the front matter accepts it: the date-time (its time kept for feeds and
 * JSON-LD) once the article schema takes one, the day until then, the time staying in
 * `date_evidence`. Asked of the front matter's own validator, once.
 */
export function frontMatterDate(stamp: Timestamp): string {
  return stamp.time && acceptsDateTime() ? isoTimestamp(stamp) : stamp.day;
}

let dateTimeAccepted: boolean | undefined;

function acceptsDateTime(): boolean {
  if (dateTimeAccepted === undefined) {
    const probe: SourceDoc = { path: "", format: "markdown", frontMatter: { title: "t", date: "2000-01-02T03:04:05+01:00" }, frontMatterLines: {}, bodyLine: 1, text: "", meta: { evidence: {} } };
    const { frontMatter, diagnostics } = validateFrontMatter(probe, new Date());
    dateTimeAccepted = frontMatter.date !== undefined && !diagnostics.some((d) => d.severity === "error");
  }
  return dateTimeAccepted;
}

/** Line breaks and runs of spaces become one space; a no-break space (before « : » in French) stays. */
function oneLine(text: string): string {
  return text.replace(/[ \t\r\n]+/g, " ").trim();
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map((v) => v.trim()).filter(Boolean)) {
    const key = value.toLowerCase();
    if (!seen.has(key)) out.push(value), seen.add(key);
  }
  return out;
}
