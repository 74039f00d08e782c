import type { ArticleRecord } from "../../model/article.ts";
import { urls, type TermKind } from "../../model/urls.ts";
import type { Archive } from "../../pipeline/build-archive.ts";
import { formatDate } from "../format.ts";
import type { Strings } from "../strings.ts";

/** What the view models of every page type share: links, article cards, page metadata. */
export interface Link {
  name: string;
  url: string;
}

export interface CountedLink extends Link {
  count: number;
}

export interface ArticleCard {
  url: string;
  title: string;
  date: string | null;
  dateIso: string | null;
  outlet: string | null;
  summary: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  canonical: string;
  feed?: { url: string; title: string };
  /** Open Graph: an article page is an `article`, every other page a `website`. */
  ogType: "article" | "website";
  /** The article's lead image, absolute, for Open Graph and Twitter cards. */
  image?: { url: string; alt: string | null };
  /** An article's date (or date-time) of publication and of last modification (ISO 8601), when the source gives them. */
  publishedTime?: string;
  modifiedTime?: string;
}

export interface PageBase {
  url: string;
  meta: PageMeta;
}

export type Meta = (url: string, title: string, description?: string, feed?: PageMeta["feed"]) => PageMeta;

/** What every page type is planned from: the archive, its settings and strings, and each record's card. */
export interface PageContext {
  archive: Archive;
  config: Archive["config"];
  lang: Archive["config"]["lang"];
  strings: Strings;
  /** A site path as an absolute URL (base URL and path prefix). */
  absolute: (path: string) => string;
  /** A `website` page's metadata. */
  meta: Meta;
  card: (record: ArticleRecord) => ArticleCard;
}

export function toCard(record: ArticleRecord, lang: "fr" | "en", strings: Strings): ArticleCard {
  return {
    url: urls.article(record),
    title: record.title ?? strings.undated,
    date: record.date ? formatDate(record.date, lang) : null,
    dateIso: record.date?.value ?? null,
    outlet: record.outlet?.name ?? null,
    summary: record.summary,
  };
}

/** Each kind of term's name, singular and plural. */
export function kindLabels(strings: Strings): Record<TermKind, [string, string]> {
  return {
    person: [strings.person, strings.people],
    agency: [strings.agency, strings.agencies],
    topic: [strings.topic, strings.topics],
    place: [strings.place, strings.places],
    outlet: [strings.outlet, strings.outlets],
  };
}
