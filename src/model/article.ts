import type { Diagnostic } from "./diagnostic.ts";

export type SourceFormat = "markdown" | "text" | "html";
export type DatePrecision = "day" | "month" | "year";

/** Where a field's value came from, strongest first. */
export type Provenance = "front-matter" | "meta" | "url" | "text" | "knowledge-base" | "heuristic" | "inferred";

export interface DateValue {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` depending on precision. */
  value: string;
  precision: DatePrecision;
  /** The exact text (or `url:` / `meta:` reference) the date was read from. */
  evidence: string;
  via: Provenance;
  /**
   * The date-time of publication, when the source gives the time: ISO 8601 with the offset
   * it was written with (`2023-05-04T10:30:00+02:00`), none when it gave a local time only
   * (`2023-05-04T10:30:00`). Its day is `value`: pages show the day, feeds and JSON-LD the time.
   */
  dateTime?: string;
}

/** An article's lead image: an http(s) address or a path from the site's root, checked when read. */
export interface LeadImage {
  url: string;
  /** Its text alternative, when the source gives one. */
  alt?: string;
}

/** A date the text suggests without stating it (day and month known, year guessed). */
export interface DateCandidate {
  value: string;
  precision: DatePrecision;
  evidence: string;
  /** Why this year: the weekday matches, the actors held their roles then… */
  reasons: readonly string[];
}

export interface EntityRef {
  id: string;
  name: string;
  via: Provenance;
  /** Exact surface forms found in the article, in order of first appearance. */
  mentions: readonly string[];
}

export interface AgencyRef extends EntityRef {
  acronym?: string;
}

/** A name the extractor found but could not tie to the knowledge base. */
export interface Suggestion {
  kind: "person" | "agency";
  name: string;
  /** The cue that marked it as a name (an honorific, a role, an acronym definition…). */
  cue: string;
  /** The sentence it was found in. */
  example: string;
  /** True when the cue is strong enough for the name to tag the article. */
  published: boolean;
}

/**
 * Where an article's page is, as its source file asks: decided by the file alone (its name,
 * its folder, its `slug:` or `permalink:`), never by its title or date, so that correcting
 * them does not move the page. The archive makes it unique (src/archive/article-addresses.ts).
 */
export interface ArticleAddress {
  /** `slug:` as written, else the file name's (its date prefix and extension dropped). */
  slug: string;
  /** The year the page is filed under: the file name's date, else a year folder of the source's path. */
  year?: string;
  /** The file name's day (`2023-05-04`), which tells apart articles whose slugs are alike. */
  day?: string;
  /** The page's path asked for by `permalink:` (Hugo's `url:`), normalised: `/2019/05/titre/` or `/2019/titre.html`. */
  path?: string;
  /** The front-matter key that asks for this address (`slug`, `permalink`), and its line: two such that collide are an error. */
  asked?: { key: string; line: number };
  /** The line of `aliases:` (or `redirect_from:`), for the warnings about the redirects. */
  aliasesLine?: number;
}

export interface ArticleRecord {
  /** Slug, unique in the archive: the address's, made distinct by the archive from others alike. */
  id: string;
  address: ArticleAddress;
  sourcePath: string;
  format: SourceFormat;
  title: string | null;
  date: DateValue | null;
  dateCandidates: readonly DateCandidate[];
  outlet: EntityRef | null;
  url: string | null;
  people: readonly EntityRef[];
  agencies: readonly AgencyRef[];
  places: readonly EntityRef[];
  topics: readonly EntityRef[];
  summary: string;
  /** Clean Markdown body, boilerplate removed. */
  body: string;
  /** The body rendered to sanitized HTML. */
  html: string;
  draft: boolean;
  /** Bylines, as the front matter gives them. */
  authors?: readonly string[];
  /** When the article was last modified, as the source says: `YYYY-MM-DD` or an ISO 8601 date-time. */
  dateModified?: string;
  image?: LeadImage;
  /** The page's path on the site the article comes from (`permalink:`, Hugo's `url:`), a path from the root. */
  permalink?: string;
  /** Former paths of the article (`aliases:`, `redirect_from:`), paths from the root. */
  aliases?: readonly string[];
  suggestions: readonly Suggestion[];
  /** Set when the front matter lists the article's people (`people:`): names found in other articles are not added. */
  peopleFromFrontMatter?: true;
  diagnostics: readonly Diagnostic[];
}
