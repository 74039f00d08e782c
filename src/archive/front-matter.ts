import { basename } from "node:path";
import { described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { validateAgainst } from "../model/schemas/validate.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { EARLIEST_YEAR, isPlausibleYear, isRealDate } from "../text/calendar.ts";
import { safeHttpUrl } from "../text/safe-url.ts";
import { mapFrontMatterKeys } from "./front-matter-keys.ts";
import { isoTimestamp, parseIso8601 } from "./written-dates.ts";

/** Front matter after validation: only fields of the right type survive. */
export interface FrontMatter {
  title?: string;
  date?: string;
  date_evidence?: string;
  outlet?: string;
  url?: string;
  summary?: string;
  people?: string[];
  agencies?: string[];
  places?: string[];
  topics?: string[];
  add?: string[];
  remove?: string[];
  authors?: string[];
  draft?: boolean;
  slug?: string;
  /** The time of publication with its date, when the source gives one: ISO 8601 (`2023-05-04T10:30:00+02:00`, no offset when none was written). `date` is its day. */
  dateTime?: string;
  /** Last modified: a day (`YYYY-MM-DD`) or a date-time as `dateTime`. */
  modified?: string;
  /** Taxonomy terms (tags, categories, keywords): an actor, place or topic of the knowledge base, else a topic. */
  tags?: string[];
  /** The page's path on the site it comes from (a path from the root), asked for its address here. */
  permalink?: string;
  /** Former paths of the article, to redirect from. */
  aliases?: string[];
  /** The lead image: an http(s) address or a path from the site's root, and its text alternative. */
  image?: { url: string; alt?: string };
}

/**
 * Validates front matter once, at the boundary: its keys, as Revue, Hugo, Jekyll or Eleventy
 * write them, are mapped to Revue's fields (./front-matter-keys.ts), which the article
 * schema checks. A field with an error is dropped (extraction fills it instead) and the
 * error names its line. Dates are normalised here, for every key that gives one: the day
 * (`date`), and the time with its offset when written (`dateTime`). A Markdown file with no
 * date, named by its day as Jekyll names posts (`2023-05-04-titre.md`), is dated by its name.
 */
export function validateFrontMatter(doc: SourceDoc, today: Date): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  const mapped = mapFrontMatterKeys(doc.frontMatter, doc.frontMatterLines, doc.path);
  const data = mapped.data;
  const lineOf = (path: readonly (string | number)[]) => (typeof path[0] === "string" ? mapped.lines[path[0]] ?? 1 : 1);
  const urlProblem = checkUrl(data, doc.path, lineOf(["url"]));
  const schemaProblems = validateAgainst("article", data, doc.path, lineOf);
  const diagnostics = [...mapped.diagnostics, ...schemaProblems];
  if (urlProblem) diagnostics.push(urlProblem);
  const frontMatter: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(data)) {
    // Only when the schema found something: which fields it was about.
    if (schemaProblems.length > 0 && validateAgainst("article", { [key]: value }, doc.path, lineOf).length > 0) continue;
    frontMatter[key] = value;
  }
  for (const field of ["date", "modified"] as const) {
    const written = frontMatter[field];
    if (typeof written !== "string") continue;
    const key = mapped.keys[field] ?? field;
    const date = normalDate(written, today);
    if ("problem" in date) {
      const text =
        date.problem === "not-a-day"
          ? described("front-matter-date-not-a-day", { key, written })
          : described("front-matter-date-implausible", { key, written, publication: field === "date" ? 1 : 0, earliest: EARLIEST_YEAR });
      diagnostics.push({ file: doc.path, line: lineOf([field]), rule: "front-matter-date", severity: "error", ...text });
      delete frontMatter[field];
    } else if (field === "date") {
      frontMatter["date"] = date.day;
      if (date.dateTime) frontMatter["dateTime"] = date.dateTime;
    } else frontMatter["modified"] = date.dateTime ?? date.day;
  }
  if (data["date"] === undefined && doc.format === "markdown") {
    const named = dateInFileName(doc.path, today);
    if (named) Object.assign(frontMatter, { date: named, date_evidence: `file name ${basename(doc.path)}` });
  }
  const image = frontMatter["image"];
  delete frontMatter["image_alt"];
  if (typeof image === "string") frontMatter["image"] = { url: image, ...(typeof data["image_alt"] === "string" ? { alt: data["image_alt"] } : {}) };
  return { frontMatter: frontMatter as FrontMatter, diagnostics };
}

/**
 * A date as written (the schema has checked its form: a year, a month, a day, or a day and a
 * time, with or without its offset): its day, and the ISO 8601 date-time when a time is
 * given (`2023-05-04 10:30:00 +0200`, Jekyll's form, becomes `2023-05-04T10:30:00+02:00`).
 */
function normalDate(written: string, today: Date): { day: string; dateTime?: string } | { problem: "not-a-day" | "implausible" } {
  const day = written.slice(0, 10);
  const [y, m, d] = day.split("-").map(Number);
  if (y !== undefined && m !== undefined && d !== undefined && !isRealDate(y, m, d)) return { problem: "not-a-day" };
  if (y !== undefined && !isPlausibleYear(y, today)) return { problem: "implausible" };
  const stamp = written.length > 10 ? parseIso8601(written) : undefined;
  return stamp?.time ? { day, dateTime: isoTimestamp(stamp) } : { day };
}

/** The day a file's name starts with (`2023-05-04-titre.md`), when it is a real and plausible one. */
function dateInFileName(path: string, today: Date): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(basename(path));
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return isRealDate(y, m, d) && isPlausibleYear(y, today) ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * `url` is printed as the link to the original, in JSON-LD and in open data: only an http(s)
 * address passes (see safeHttpUrl), normalised in place. Any other is left out with a
 * warning, and the article is published without it. A `url` that is not text is the
 * schema's to report.
 */
function checkUrl(data: Record<string, unknown>, file: string, line: number): Diagnostic | undefined {
  const value = data["url"];
  if (typeof value !== "string") return undefined;
  const url = safeHttpUrl(value);
  if (url) {
    data["url"] = url;
    return undefined;
  }
  delete data["url"];
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return {
    file,
    line,
    rule: "front-matter-url",
    severity: "warning",
    ...described("front-matter-url", { shown }),
  };
}
