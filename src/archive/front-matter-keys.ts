import type { FrontMatterValueProblem } from "../messages/diagnostics-archive.ts";
import { described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { closest } from "../model/schemas/validate.ts";
import { safeHttpUrl } from "../text/safe-url.ts";

/** Revue's front-matter fields: the article schema's keys (src/model/schemas/article.schema.json). */
export type RevueField =
  | "title"
  | "date"
  | "date_evidence"
  | "outlet"
  | "url"
  | "summary"
  | "people"
  | "agencies"
  | "places"
  | "topics"
  | "add"
  | "remove"
  | "authors"
  | "draft"
  | "slug"
  | "aliases"
  | "tags"
  | "permalink"
  | "modified"
  | "image"
  | "image_alt";

/**
 * How a key's value is read:
 * - `as-written`: Revue's own key, checked by the article schema as it is;
 * - `text`: one text;
 * - `terms`: taxonomy terms, a list or one text (commas separate several);
 * - `words`: Jekyll's tags and categories, a list or one text of terms separated by spaces
 *   (`categories: jekyll update`, as `jekyll new` writes it) or, when it has commas, by commas;
 * - `names`: bylines, a name or a list, each a text or a map with a `name` (Hugo, jekyll-seo-tag);
 * - `paths`: former addresses of the page, a path from the site's root or a list of them;
 * - `date`: a date or date-time, as text or as the parser's date;
 * - `published`: `false` is a draft (Jekyll), a date is the publication date (Hugo's alias of `publishDate`);
 * - `address`: an http(s) address is the original article's, a path from the site's root is the
 *   page's path on the site it comes from (Hugo's `url`, Jekyll's and Eleventy's `permalink`),
 *   `false` is a page its site did not publish (Eleventy);
 * - `image`: an address, or a map with one (`src`, `path`, `url`, `image`) and `alt`;
 * - `images`: a list of images, the first is the article's.
 */
type Reading = "as-written" | "text" | "terms" | "words" | "names" | "paths" | "date" | "published" | "address" | "image" | "images";

/**
 * Front-matter keys of Hugo, Jekyll and Eleventy (and of their most used themes and plugins)
 * → the Revue field each gives. Keys are matched without case, as Hugo does (`lastMod`,
 * `publishDate`). Several keys may give one field: lists (terms, bylines, former paths) are
 * joined, a draft is a draft if any key says so, and otherwise the first key of this table
 * present wins, later ones being fallbacks (Hugo's order for dates: `date`, `publishDate`,
 * `pubdate`, `published`).
 */
const KEYS: readonly (readonly [key: string, field: RevueField, reading: Reading])[] = [
  // Revue's own keys.
  ["title", "title", "as-written"],
  ["date", "date", "date"],
  ["date_evidence", "date_evidence", "as-written"],
  ["outlet", "outlet", "as-written"],
  ["url", "url", "address"],
  ["summary", "summary", "as-written"],
  ["people", "people", "as-written"],
  ["agencies", "agencies", "as-written"],
  ["places", "places", "as-written"],
  ["topics", "topics", "as-written"],
  ["add", "add", "as-written"],
  ["remove", "remove", "as-written"],
  ["authors", "authors", "names"],
  ["draft", "draft", "as-written"],
  ["slug", "slug", "as-written"],
  ["aliases", "aliases", "paths"],
  ["tags", "tags", "words"],
  ["permalink", "permalink", "address"],
  ["modified", "modified", "date"],
  ["image", "image", "image"],
  ["image_alt", "image_alt", "text"],
  // Hugo, Jekyll, Eleventy.
  ["publishdate", "date", "date"],
  ["pubdate", "date", "date"],
  ["published", "draft", "published"],
  ["categories", "tags", "words"],
  ["category", "tags", "terms"],
  ["keywords", "tags", "terms"],
  ["description", "summary", "text"],
  ["excerpt", "summary", "text"],
  ["author", "authors", "names"],
  ["redirect_from", "aliases", "paths"],
  ["lastmod", "modified", "date"],
  ["updated", "modified", "date"],
  ["last_modified_at", "modified", "date"],
  ["cover", "image", "image"],
  ["featured_image", "image", "image"],
  ["featureimage", "image", "image"],
  ["images", "image", "images"],
  ["alt", "image_alt", "text"],
];

const RULES = new Map(KEYS.map(([key, field, reading], priority) => [key, { field, reading, priority }]));
/** Every key Revue reads, for the "did you mean" of an unknown key. */
const KNOWN_KEYS = KEYS.map(([key]) => key);
/** Revue's own keys, named in the fix of an unknown key. */
const REVUE_KEYS = KEYS.filter(([key, field]) => key === field).map(([key]) => key);

/** Fields whose values from several keys are joined. */
const LIST_FIELDS: ReadonlySet<RevueField> = new Set(["tags", "authors", "aliases"]);

/** Tags Eleventy uses to make its collections (`tags: post`), not subjects. */
const COLLECTION_TAGS: ReadonlySet<string> = new Set(["post", "posts"]);

/** Eleventy's computed dates (`date: Last Modified`): the file's dates on the old site, not the article's. */
const COMPUTED_DATES = /^(?:git )?(?:last modified|created)$/i;

/** The front matter as Revue's fields, each with the line and the key it was read from. */
export interface MappedFrontMatter {
  data: Record<string, unknown>;
  lines: Record<string, number>;
  /** The key each field was read from, as written. */
  keys: Record<string, string>;
  diagnostics: Diagnostic[];
}

interface Contribution {
  field: RevueField;
  value: unknown;
  key: string;
  line: number;
  priority: number;
}

/**
 * Maps a front matter as Hugo, Jekyll, Eleventy or Revue write it to Revue's fields (the
 * article schema's), reading each value in the shapes those tools write. A key Revue does
 * not know, or a value of a known key in no shape it reads, is ignored with a warning
 * naming its line: an archive brought from another tool builds with its extra keys.
 * Revue's own keys are passed as written, for the article schema to check.
 */
export function mapFrontMatterKeys(frontMatter: Readonly<Record<string, unknown>>, lines: Readonly<Record<string, number>>, file: string): MappedFrontMatter {
  const diagnostics: Diagnostic[] = [];
  const contributions: Contribution[] = [];
  for (const key of Object.keys(frontMatter)) {
    const value = frontMatter[key];
    // An empty field ("", ~, []) is an unset field: templates show every key, editors fill some.
    if (isEmpty(value)) continue;
    const line = lines[key] ?? 1;
    const rule = RULES.get(key.toLowerCase());
    if (!rule) {
      diagnostics.push(unknownKey(file, line, key));
      continue;
    }
    const read = READERS[rule.reading](value, key, rule.field);
    if ("problem" in read) {
      diagnostics.push({ file, line, rule: "front-matter-value", severity: "warning", ...described("front-matter-key-value", { key, problem: read.problem, written: read.written ?? "" }) });
      continue;
    }
    for (const [field, fieldValue] of read.fields) {
      if (!isEmpty(fieldValue)) contributions.push({ field, value: fieldValue, key, line, priority: rule.priority });
    }
  }
  contributions.sort((a, b) => a.priority - b.priority);
  const mapped: MappedFrontMatter = { data: Object.create(null), lines: Object.create(null), keys: Object.create(null), diagnostics };
  for (const contribution of contributions) {
    const { field, value } = contribution;
    const present = mapped.data[field];
    if (present === undefined) {
      mapped.data[field] = value;
      mapped.lines[field] = contribution.line;
      mapped.keys[field] = contribution.key;
    } else if (LIST_FIELDS.has(field) && Array.isArray(present) && Array.isArray(value)) {
      mapped.data[field] = unique([...present, ...value]);
    } else if (field === "draft" && value === true && typeof present === "boolean") {
      mapped.data[field] = true;
    }
  }
  return mapped;
}

/** The fields a key gives, or why its value is ignored (the words are src/messages/diagnostics-archive.ts's). */
type Read = { fields: [RevueField, unknown][] } | { problem: FrontMatterValueProblem; written?: string };

const READERS: Readonly<Record<Reading, (value: unknown, key: string, field: RevueField) => Read>> = {
  "as-written": (value, _key, field) => ({ fields: [[field, value]] }),
  text: (value, _key, field) => (typeof value === "string" ? { fields: [[field, value.trim()]] } : { problem: "not-a-text" }),
  terms: (value, key, field) => termsReading(termsOf(value, false), key, field),
  words: (value, key, field) => termsReading(termsOf(value, true), key, field),
  names: (value, _key, field) => {
    const names = namesOf(value);
    return names ? { fields: [[field, names]] } : { problem: "not-names" };
  },
  paths: (value, _key, field) => {
    const written = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
    const paths = written?.map(sitePathOf);
    if (!paths || paths.some((path) => path === undefined)) {
      return { problem: "not-site-paths" };
    }
    return { fields: [[field, unique(paths as string[])]] };
  },
  date: (value, _key, field) => {
    if (typeof value === "string" && COMPUTED_DATES.test(value.trim())) {
      return { problem: "computed-date", written: value.trim() };
    }
    return { fields: [[field, dateText(value)]] };
  },
  published: (value) => {
    if (typeof value === "boolean") return { fields: [["draft", !value]] };
    const date = dateText(value);
    return typeof date === "string" ? { fields: [["date", date]] } : { problem: "not-published-or-date" };
  },
  address: (value, key) => {
    // Eleventy's `permalink: false`: the page was not written out on its site.
    if (value === false) return { fields: [["draft", true]] };
    if (typeof value !== "string") return key.toLowerCase() === "url" ? { fields: [["url", value]] } : { problem: "not-an-address" };
    const text = value.trim();
    if (TEMPLATE.test(text)) return { problem: "template" };
    if (text.startsWith("/") && !text.startsWith("//")) {
      const path = sitePathOf(text);
      return path ? { fields: [["permalink", path]] } : { problem: "not-a-site-path" };
    }
    // Anything else is the original article's address, which the front matter's validation checks (http(s) only).
    return key.toLowerCase() === "url" || /^https?:/i.test(text) ? { fields: [["url", text]] } : { problem: "not-url-or-path" };
  },
  image: (value) => imageOf(value),
  images: (value) => (Array.isArray(value) && value.length > 0 ? imageOf(value[0]) : { problem: "not-images" }),
};

/** A lead image: its address (http(s), or a path from the site's root) and, in a map, its text alternative. */
function imageOf(value: unknown): Read {
  let src: unknown = value;
  let alt: unknown;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    src = map["src"] ?? map["path"] ?? map["url"] ?? map["image"];
    alt = map["alt"];
  }
  const url = typeof src === "string" ? imageAddress(src) : undefined;
  if (!url) return { problem: "not-an-image" };
  return { fields: [["image", url], ...(typeof alt === "string" && alt.trim() ? ([["image_alt", alt.trim()]] as [RevueField, unknown][]) : [])] };
}

function imageAddress(value: string): string | undefined {
  const text = value.trim();
  if (text.startsWith("/") && !text.startsWith("//")) return sitePathOf(text);
  return safeHttpUrl(text) ?? undefined;
}

/**
 * A path from the site's root that a static site can serve: `/` first (not `//`, another
 * host), no `.` or `..` segment (written or percent-encoded), no query or fragment, no space,
 * backslash, quote, angle bracket or control character. A former http(s) address stands for its path.
 */
export function sitePathOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = safeHttpUrl(text);
    if (!url) return undefined;
    const parsed = new URL(url);
    if (parsed.search || parsed.hash) return undefined;
    text = parsed.pathname;
  }
  if (text.length > MAX_PATH_LENGTH || !SITE_PATH.test(text)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  if (decoded.split("/").some((segment) => segment === "." || segment === "..") || /[\\\x00-\x1f\x7f]/.test(decoded)) return undefined;
  return text;
}

/** Eleventy's templates (`{{ page.fileSlug }}`) and Jekyll's placeholders (`/:year/:title/`) in a permalink. */
const TEMPLATE = /\{[{%]|(?:^|\/):[a-z_]+/i;
const SITE_PATH = /^\/(?!\/)[^\s\\?#"'<>`\x00-\x1f\x7f]*$/;
const MAX_PATH_LENGTH = 2048;

function termsReading(terms: string[] | undefined, key: string, field: RevueField): Read {
  if (!terms) return { problem: "not-terms" };
  return { fields: [[field, key.toLowerCase() === "tags" ? terms.filter((term) => !COLLECTION_TAGS.has(term.toLowerCase())) : terms]] };
}

/** Terms as Hugo, Jekyll and Eleventy write them: a list, or one text where commas (or, for Jekyll's keys, spaces) separate several. */
function termsOf(value: unknown, spaces: boolean): string[] | undefined {
  const split = (text: string) => (text.includes(",") ? text.split(",") : spaces ? text.trim().split(/\s+/) : [text]);
  const items = typeof value === "string" ? split(value) : Array.isArray(value) ? value : undefined;
  if (!items || !items.every((item) => typeof item === "string" || (typeof item === "number" && Number.isFinite(item)))) return undefined;
  return unique(items.map((item) => String(item).trim()).filter(Boolean));
}

/** Bylines: a name, a list of names, or maps with a `name` (`author: {name: …}`, `authors: [{name: …}]`). */
function namesOf(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const name = typeof item === "string" ? item : item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>)["name"] : undefined;
    if (typeof name !== "string") return undefined;
    if (name.trim()) names.push(name.trim());
  }
  return unique(names);
}

/**
 * A date as text for the schema: the parsers' dates (a YAML timestamp, a JavaScript date) as
 * ISO 8601, a day when they stand at midnight UTC; a whole number (a year) as its digits;
 * text trimmed; anything else as it is, for the schema to report.
 */
function dateText(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  // `date: 2020` is a year to an editor, a number to YAML.
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

function unknownKey(file: string, line: number, key: string): Diagnostic {
  const close = closest(key, KNOWN_KEYS);
  return {
    file,
    line,
    rule: "front-matter-unknown-key",
    severity: "warning",
    ...described("front-matter-unknown-key", { key, close: close ?? "", keys: REVUE_KEYS }),
  };
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const folded = value.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}
