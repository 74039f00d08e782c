import { format } from "date-fns/format";
// One module per locale: the "date-fns/locale" index loads every language.
import { enUS } from "date-fns/locale/en-US";
import { fr } from "date-fns/locale/fr";
import type { DateValue } from "../model/article.ts";

const LOCALES = { fr, en: enUS } as const;
const PATTERNS = {
  fr: { day: "d MMMM yyyy", month: "MMMM yyyy", year: "yyyy" },
  en: { day: "MMMM d, yyyy", month: "MMMM yyyy", year: "yyyy" },
} as const;

/** "26 septembre 2020", "septembre 2020", "2020": as precise as the source is, never more. */
export function formatDate(date: Pick<DateValue, "value" | "precision">, lang: "fr" | "en" = "fr"): string {
  const [y, m = 1, d = 1] = date.value.split("-").map(Number);
  const value = new Date(y ?? 1970, m - 1, d);
  value.setFullYear(y ?? 1970);
  if (Number.isNaN(value.getTime())) return date.value;
  return format(value, PATTERNS[lang][date.precision], { locale: LOCALES[lang] });
}

/** "septembre 2020" for a `YYYY-MM` key. */
export function formatMonth(yearMonth: string, lang: "fr" | "en" = "fr"): string {
  return formatDate({ value: yearMonth, precision: "month" }, lang);
}
