import type { DateCandidate, DateValue } from "../model/article.ts";
import type { Person } from "../model/knowledge.ts";
import { isPlausibleYear, isRealDate, isoDate, weekdayOf } from "../text/calendar.ts";
import { findDateMentions, precisionOf, valueOf, type DateMention } from "./date-mentions.ts";

/**
 * The publication date, from the strongest evidence the source gives: the page's markup,
 * a capture's `date` prefix, a dateline, the URL, or "ce mardi 23 août 2022" (the writer's
 * today). A date is never invented: a day and month without a year only yield candidates.
 */
export interface DateEvidence {
  /** ISO-ish string from the page's markup (HTML meta, JSON-LD). */
  meta?: string | undefined;
  metaField?: string | undefined;
  /** `YYYY-MM[-DD]` prefix of a capture. */
  captured?: string | null | undefined;
  datelines: readonly string[];
  url?: string | null | undefined;
  /** The article text (headline, body), for deictic dates and partial dates. */
  text: string;
  /** Dates after it (or before the press) are typos, never publication dates. */
  today: Date;
}

export function extractDate(evidence: DateEvidence): DateValue | null {
  const date = strongestDate(evidence);
  return date && isPlausibleYear(Number(date.value.slice(0, 4)), evidence.today) ? date : null;
}

function strongestDate(evidence: DateEvidence): DateValue | null {
  const fromMeta = evidence.meta ? parseIsoLike(evidence.meta) : undefined;
  if (fromMeta) return { ...fromMeta, evidence: `meta:${evidence.metaField ?? "published"}=${evidence.meta}`, via: "meta" };

  const deictic = findDateMentions(evidence.text).find((mention) => mention.deictic && mention.year !== undefined && mention.day !== undefined);

  if (evidence.captured) {
    const captured = parseIsoLike(evidence.captured);
    if (captured) {
      // A capture stamped with a month is made precise by a deictic date of that month.
      if (captured.precision !== "day" && deictic && valueOf(deictic)?.startsWith(captured.value)) {
        return { value: valueOf(deictic) as string, precision: "day", evidence: deictic.text, via: "text" };
      }
      // …and so is it by a dateline or a dated URL of that month: the day they give is the same publication.
      const finer = captured.precision !== "day" ? [datelineDate(evidence.datelines), evidence.url ? dateInUrl(evidence.url) : undefined].find((date) => date?.precision === "day" && date.value.startsWith(captured.value)) : undefined;
      if (finer) return finer;
      return { ...captured, evidence: `date ${evidence.captured}`, via: "meta" };
    }
  }

  const fromDateline = datelineDate(evidence.datelines);
  if (fromDateline) return fromDateline;

  const fromUrl = evidence.url ? dateInUrl(evidence.url) : undefined;
  if (fromUrl) return fromUrl;

  if (deictic) return { value: valueOf(deictic) as string, precision: "day", evidence: deictic.text, via: "text" };
  return null;
}

function datelineDate(datelines: readonly string[]): DateValue | undefined {
  // "Mis à jour le 5 mars" above "Publié le 2 mars": an update stamp gives the date only when nothing else does.
  const ordered = [...datelines.filter((line) => !UPDATE_STAMP.test(line)), ...datelines.filter((line) => UPDATE_STAMP.test(line))];
  for (const line of ordered) {
    const mention = findDateMentions(line).find((m) => m.year !== undefined && m.day !== undefined && m.month !== undefined);
    if (mention) return { value: valueOf(mention) as string, precision: "day", evidence: line.slice(0, mention.end).trim(), via: "text" };
  }
  return undefined;
}

/** A line that opens with an update, not the publication: "Mis à jour le…", "Modifié le…", "Updated…". */
const UPDATE_STAMP = /^\W*(?:(?:dernière )?mise? à jour|modifié|actualisé|updated|last updated)\b/iu;

/** `2024-02-19T10:00:00+01:00`, `2024-02-19`, `2024-02`, `2024`: the calendar date as written (no time-zone shift). */
export function parseIsoLike(value: string): Pick<DateValue, "value" | "precision"> | undefined {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(value);
  if (!match) return parseTextDate(value);
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1 || (month !== undefined && (month < 1 || month > 12))) return undefined;
  if (day !== undefined && !isRealDate(year, month ?? 1, day)) return undefined;
  const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  return { value: isoDate(year, month, day), precision };
}

function parseTextDate(value: string): Pick<DateValue, "value" | "precision"> | undefined {
  const mention = findDateMentions(value).find((m) => m.year !== undefined);
  const precision = mention && precisionOf(mention);
  const iso = mention && valueOf(mention);
  return precision && iso ? { value: iso, precision } : undefined;
}

const URL_DAY = /\/((?:19|20)\d{2})[/-]([01]\d)[/-]([0-3]\d)(?=[/_.-]|$)/;
/** "/fr/20180523-liban-…", "…-entreprises-20241107_ABC": eight digits standing apart in the path. */
const URL_COMPACT_DAY = /[/_-]((?:19|20)\d{2})([01]\d)([0-3]\d)(?=[/_.-]|$)/;
const URL_MONTH = /\/((?:19|20)\d{2})\/([01]\d)\//;

export function dateInUrl(url: string): DateValue | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const day = URL_DAY.exec(path) ?? URL_COMPACT_DAY.exec(path);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    if (isRealDate(y, m, d)) return { value: isoDate(y, m, d), precision: "day", evidence: `url:${day[0]}`, via: "url" };
  }
  const month = URL_MONTH.exec(path);
  if (month) {
    const [, y, m] = month.map(Number) as [number, number, number];
    if (m >= 1 && m <= 12) return { value: isoDate(y, m), precision: "month", evidence: `url:${month[0]}`, via: "url" };
  }
  return undefined;
}

const MAX_CANDIDATES = 8;

/**
 * Years that a day-and-month without a year could belong to: those where the weekday the
 * text gives falls on that day, within the period when every dated actor of the article
 * held a role (defaults to the last 30 years before `today`).
 */
export function inferDateCandidates(text: string, people: readonly Person[], today: Date): DateCandidate[] {
  const partial = findDateMentions(text).find((mention) => mention.year === undefined && mention.month !== undefined && mention.day !== undefined);
  if (!partial) return [];
  const window = tenureWindow(people, today);
  // Without a weekday or a tenure to narrow it, every year is possible: no candidate is worth listing.
  if (partial.weekday === undefined && !window.reason) return [];
  const candidates: DateCandidate[] = [];
  for (let year = window.to; year >= window.from; year--) {
    const { month, day } = partial as Required<Pick<DateMention, "month" | "day">>;
    if (!isRealDate(year, month, day)) continue;
    const reasons: string[] = [];
    if (partial.weekday !== undefined) {
      if (weekdayOf(year, month, day) !== partial.weekday) continue;
      reasons.push(`le ${day}/${month}/${year} tombe bien le jour de semaine indiqué`);
    }
    if (window.reason) reasons.push(window.reason);
    const date = isoDate(year, month, day);
    if (date > isoDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())) continue;
    if ((window.firstDay && date < window.firstDay) || (window.lastDay && date > window.lastDay)) continue;
    candidates.push({ value: date, precision: "day", evidence: partial.text, reasons });
    if (candidates.length > MAX_CANDIDATES) break;
  }
  return candidates;
}

function tenureWindow(people: readonly Person[], today: Date): { from: number; to: number; firstDay?: string; lastDay?: string; reason?: string } {
  const thisYear = today.getUTCFullYear();
  const open = { from: thisYear - 30, to: thisYear };
  // The days every person was in office: a role's dates may be a year, a month or a day.
  let firstDay = `${open.from}-01-01`;
  let lastDay = `${thisYear}-12-31`;
  const names: string[] = [];
  for (const person of people) {
    const starts = person.roles.map((role) => role.from).filter((v): v is string => Boolean(v));
    if (starts.length === 0) continue;
    const start = starts.map((v) => firstDayOf(v)).sort()[0] as string;
    const end = person.roles.map((role) => (role.to ? lastDayOf(role.to) : `${thisYear}-12-31`)).sort().at(-1) as string;
    if (start > firstDay) firstDay = start;
    if (end < lastDay) lastDay = end;
    names.push(person.name);
  }
  if (firstDay > lastDay) return open;
  const from = Number(firstDay.slice(0, 4));
  const to = Number(lastDay.slice(0, 4));
  return names.length ? { from, to, firstDay, lastDay, reason: `${names.join(", ")} en fonction de ${from} à ${to}` } : open;
}

/** The first day a date written as a year, a month or a day stands for. */
function firstDayOf(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value.slice(0, 10);
}

/** The last day a date written as a year, a month or a day stands for. */
function lastDayOf(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [year, month] = value.split("-").map(Number) as [number, number];
    return `${value}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
  }
  return value.slice(0, 10);
}

/** A candidate is certain only when the weekday and the actors' tenures leave a single year. */
export function certainCandidate(candidates: readonly DateCandidate[]): DateCandidate | undefined {
  return candidates.length === 1 && (candidates[0]?.reasons.length ?? 0) >= 2 ? candidates[0] : undefined;
}
