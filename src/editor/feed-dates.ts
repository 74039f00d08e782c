import { parseRfc822, type Timestamp } from "../archive/written-dates.ts";

/**
 * A feed's `pubDate`. RFC 822 names days and months in English, but feeds made by hand or
 * by a localised CMS write them in the site's language (`lun., 24 sept. 2018 10:00:00
 * +0200`, `Seg, 24 Set 2018 19:42:40 -0300`): French, Portuguese and Spanish month names
 * are read too, the day's name being redundant with the date.
 */
export function readPubDate(value: string): Timestamp | undefined {
  const english = parseRfc822(value);
  if (english) return english;
  const match = /^\s*(?:\p{L}+\.?,?\s+)?(\d{1,2})\s+(\p{L}+)\.?\s+(\d{2}|\d{4})\s+(\d.*)$/u.exec(value);
  if (!match) return undefined;
  const [, day, monthName = "", year, rest] = match;
  const month = MONTHS.get(monthName.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
  return month ? parseRfc822(`${day} ${ENGLISH_MONTHS[month - 1]} ${year} ${rest}`) : undefined;
}

const ENGLISH_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Month names and their usual abbreviations, accents removed; none means two months across the three languages. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["janvier janv jan janeiro enero ene", 1],
    ["fevrier fevr fev fevereiro febrero feb", 2],
    ["mars mar marco marzo", 3],
    ["avril avr abril abr", 4],
    ["mai maio mayo may", 5],
    ["juin junho jun junio", 6],
    ["juillet juil julho jul julio", 7],
    ["aout aou agosto ago", 8],
    ["septembre sept sep setembro set septiembre", 9],
    ["octobre oct outubro out octubre", 10],
    ["novembre nov novembro noviembre", 11],
    ["decembre dec dezembro dez diciembre dic", 12],
  ].flatMap(([names, month]) => String(names).split(" ").map((name) => [name, Number(month)] as const)),
);
