// One module per locale: the "date-fns/locale" index loads every language.
import { enUS } from "date-fns/locale/en-US";
import { fr } from "date-fns/locale/fr";
import { foldWord } from "./fold.ts";

/**
 * Month and weekday names come from date-fns locales (French first, English second):
 * the date reader knows no language itself.
 */
const LOCALES = [fr, enUS] as const;
const MONTH_WIDTHS = ["wide", "abbreviated"] as const;

function monthTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const locale of LOCALES) {
    for (let month = 0; month < 12; month++) {
      for (const width of MONTH_WIDTHS) {
        const name = foldWord(String(locale.localize.month(month as 0, { width }))).replace(/\.$/, "");
        if (!table.has(name)) table.set(name, month + 1);
      }
    }
  }
  table.set("fevrier", 2).set("aout", 8).set("decembre", 12).set("sept", 9);
  return table;
}

function weekdayTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const locale of LOCALES) {
    for (let day = 0; day < 7; day++) table.set(foldWord(String(locale.localize.day(day as 0, { width: "wide" }))), day);
  }
  return table;
}

/** Folded month name ("fevrier", "feb") → month number 1–12. */
export const MONTHS: ReadonlyMap<string, number> = monthTable();
/** Folded weekday name ("jeudi", "thursday") → 0 (Sunday) – 6. */
export const WEEKDAYS: ReadonlyMap<string, number> = weekdayTable();

/** True when year-month-day is a day of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 (Sunday) – 6 for a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCDay();
}

export function isoDate(year: number, month?: number, day?: number): string {
  const y = String(year).padStart(4, "0");
  if (month === undefined) return y;
  const m = String(month).padStart(2, "0");
  return day === undefined ? `${y}-${m}` : `${y}-${m}-${String(day).padStart(2, "0")}`;
}

/** The press archive starts with the printing press's newspapers: earlier years are typos. */
export const EARLIEST_YEAR = 1700;

/** A publication year is neither before the press nor after next year. */
export function isPlausibleYear(year: number, today: Date): boolean {
  return year >= EARLIEST_YEAR && year <= today.getUTCFullYear() + 1;
}
