import { EARLIEST_YEAR, isRealDate } from "../text/calendar.ts";

/**
 * When an exported post or a feed item was published, as its source writes it: the calendar
 * day where it was published, and the time with its offset from UTC when the source gives
 * them. The day is the local one (a post put online at 00:30 in Rabat belongs to that day,
 * not to the evening before in UTC).
 */
export interface Timestamp {
  /** YYYY-MM-DD. */
  day: string;
  /** HH:MM:SS. */
  time?: string;
  /** `Z` or `±HH:MM`; absent when the source gives a local time only. */
  offset?: string;
}

/** ISO 8601 (`2023-05-04T10:30:00+01:00`), the form Hugo, feeds and JSON-LD write. */
export function isoTimestamp(stamp: Timestamp): string {
  return stamp.time ? `${stamp.day}T${stamp.time}${stamp.offset ?? ""}` : stamp.day;
}

const RFC822_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** RFC 822's named zones; military letters other than Z are ambiguous in practice and ignored. */
const RFC822_ZONES: Readonly<Record<string, string>> = { UT: "Z", UTC: "Z", GMT: "Z", Z: "Z", EST: "-05:00", EDT: "-04:00", CST: "-06:00", CDT: "-05:00", MST: "-07:00", MDT: "-06:00", PST: "-08:00", PDT: "-07:00" };

/** RSS's `pubDate` (RFC 822 / 2822): `Tue, 12 Mar 2024 09:15:00 +0100`, the weekday optional, seconds optional. */
export function parseRfc822(value: string): Timestamp | undefined {
  const match = /^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?\s*$/.exec(value);
  if (!match) return undefined;
  const [, day, monthName, yearText, hours, minutes, seconds, zone] = match;
  const month = RFC822_MONTHS.indexOf((monthName ?? "").toLowerCase()) + 1;
  // Two-digit years are RFC 822's; RFC 2822 reads them as 19xx from 50 on.
  const year = yearText?.length === 2 ? Number(yearText) + (Number(yearText) < 50 ? 2000 : 1900) : Number(yearText);
  const offset = zone === undefined ? undefined : /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : RFC822_ZONES[zone.toUpperCase()];
  return stampOf(year, month, Number(day), Number(hours), Number(minutes), Number(seconds ?? 0), offset);
}

/** Atom's `published`/`updated` and `dc:date` (RFC 3339 / ISO 8601): a day, or a date-time with or without its offset. */
export function parseIso8601(value: string): Timestamp | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$/i.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds, zone] = match;
  if (hours === undefined) return stampOf(Number(year), Number(month), Number(day));
  const offset = zone === undefined ? undefined : zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return stampOf(Number(year), Number(month), Number(day), Number(hours), Number(minutes), Number(seconds ?? 0), offset);
}

/**
 * WordPress's `post_date` (the site's local time) and `post_date_gmt` (UTC), as MySQL writes
 * them (`2023-05-04 10:30:00`). Their difference is the site's offset that day. An unset
 * date is `0000-00-00 00:00:00` (a draft's `post_date_gmt`): the other one is used alone.
 */
export function wordpressTimestamp(local: string, gmt: string): Timestamp | undefined {
  const localStamp = parseMysql(local);
  const gmtStamp = parseMysql(gmt);
  if (!localStamp) return gmtStamp ? { ...gmtStamp, offset: "Z" } : undefined;
  if (!gmtStamp) return localStamp;
  const minutes = Math.round((utcMillis(localStamp) - utcMillis(gmtStamp)) / 60_000);
  // More than 14 hours apart is no time zone: one of the two is wrong, keep the local time alone.
  if (Math.abs(minutes) > 14 * 60) return localStamp;
  return { ...localStamp, offset: offsetText(minutes) };
}

function parseMysql(value: string): Timestamp | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds] = match.map(Number);
  return stampOf(year as number, month as number, day as number, hours, minutes, seconds);
}

function stampOf(year: number, month: number, day: number, hours?: number, minutes?: number, seconds?: number, offset?: string): Timestamp | undefined {
  if (year < EARLIEST_YEAR || !isRealDate(year, month, day)) return undefined;
  const dayText = `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
  if (hours === undefined || minutes === undefined) return { day: dayText };
  if (hours > 23 || minutes > 59 || (seconds ?? 0) > 60) return { day: dayText };
  return { day: dayText, time: `${two(hours)}:${two(minutes)}:${two(seconds ?? 0)}`, ...(offset ? { offset } : {}) };
}

function utcMillis(stamp: Timestamp): number {
  const [year, month, day] = stamp.day.split("-").map(Number);
  const [hours, minutes, seconds] = (stamp.time ?? "00:00:00").split(":").map(Number);
  return Date.UTC(year as number, (month as number) - 1, day, hours, minutes, seconds);
}

function offsetText(minutes: number): string {
  if (minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}
