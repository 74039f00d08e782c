import type { DatePrecision } from "../model/article.ts";
import { MONTHS, WEEKDAYS, isRealDate, isoDate } from "../text/calendar.ts";
import { foldWord } from "../text/fold.ts";

/**
 * Every date the text writes, with what it states: "26 septembre 2020", "13.04.2021",
 * "mercredi 3 juin" (no year), "2024-10", "February 2, 2020", "les 13 et 14 juin".
 * Impossible dates ("31/02/2020", "2020-13-45") are not dates.
 */
export interface DateMention {
  year?: number;
  month?: number;
  day?: number;
  /** 0 (Sunday) – 6 when the text names the weekday. */
  weekday?: number;
  /** Offsets in the text and the text itself. */
  start: number;
  end: number;
  text: string;
  /** "ce mardi 23 août 2022": the writer's today. */
  deictic: boolean;
}

const monthNames = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");
const weekdayNames = [...WEEKDAYS.keys()].join("|");
// Built over folded text (lowercase, no accents), where offsets equal the original's.
const TEXTUAL = new RegExp(
  String.raw`(?<deictic>\b(?:ce|cet|aujourd'hui|today),?\s+)?(?:\b(?<weekday>${weekdayNames}),?\s+)?(?:\b(?:le|les|du|au)\s+)?\b(?<day>[0-3]?\d)(?:er|e)?(?:\s*(?:,|et|au|&|-|a)\s*[0-3]?\d(?:er|e)?)*\s+(?<month>${monthNames})\.?(?:,?\s+(?<year>\d{4})\b)?`,
  "g",
);
const ENGLISH = new RegExp(String.raw`(?:\b(?<weekday>${weekdayNames}),?\s+)?\b(?<month>${monthNames})\.?\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<year>\d{4})\b`, "g");
const MONTH_YEAR = new RegExp(String.raw`\b(?<month>${monthNames})\.?\s+(?<year>\d{4})\b`, "g");
const NUMERIC = /\b(?<day>[0-3]?\d)[./-](?<month>[01]?\d)[./-](?<year>\d{4})\b/g;
const ISO = /\b(?<year>\d{4})-(?<month>[01]\d)(?:-(?<day>[0-3]\d))?(?![\d-])/g;

const PATTERNS = [ISO, NUMERIC, TEXTUAL, ENGLISH, MONTH_YEAR] as const;

/** What a pattern's named groups say: numbers or month and weekday names. */
function mentionOf(groups: Record<string, string | undefined>, canBeDeictic: boolean): Omit<DateMention, "start" | "end" | "text"> {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const month = groups["month"];
  return withOptional({
    year: number(groups["year"]),
    month: month === undefined ? undefined : /^\d+$/.test(month) ? Number(month) : MONTHS.get(month),
    day: number(groups["day"]),
    weekday: groups["weekday"] === undefined ? undefined : WEEKDAYS.get(groups["weekday"]),
    deictic: canBeDeictic && groups["deictic"] !== undefined,
  });
}

/** The folded text keeps offsets: accents are stripped per character, never merged. */
function foldKeepingOffsets(text: string): string {
  let out = "";
  for (const char of text) {
    const folded = foldWord(char);
    out += folded.length === char.length ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
  }
  return out.replace(/[’‘ʼ]/g, "'");
}

export function findDateMentions(text: string): DateMention[] {
  const folded = foldKeepingOffsets(text);
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (match: RegExpMatchArray, mention: Omit<DateMention, "start" | "end" | "text">) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (overlaps(start, end)) return;
    // An impossible date still takes its place: "30 février 2021" must not become "février 2021".
    taken.push([start, end]);
    const { year, month, day } = mention;
    if (month !== undefined && (month < 1 || month > 12)) return;
    if (year !== undefined && (year < 1 || year > 9999)) return;
    if (day !== undefined && month !== undefined && !isRealDate(year ?? 2000, month, day)) return;
    found.push({ ...mention, start, end, text: text.slice(start, end).trim() });
  };
  // Patterns in order of precedence: an earlier pattern's date keeps its place.
  for (const pattern of PATTERNS) {
    for (const match of folded.matchAll(pattern)) add(match, mentionOf(match.groups ?? {}, pattern === TEXTUAL));
  }
  return found.sort((a, b) => a.start - b.start);
}

export function precisionOf(mention: Pick<DateMention, "year" | "month" | "day">): DatePrecision | undefined {
  if (mention.year === undefined) return undefined;
  if (mention.month === undefined) return "year";
  return mention.day === undefined ? "month" : "day";
}

export function valueOf(mention: Pick<DateMention, "year" | "month" | "day">): string | undefined {
  if (mention.year === undefined) return undefined;
  return isoDate(mention.year, mention.month, mention.month === undefined ? undefined : mention.day);
}

function withOptional<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
