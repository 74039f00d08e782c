/** The languages editors' commands speak: the site's `lang` (content/site.yml), French by default. */
export type EditorLang = "fr" | "en";

/**
 * A count with its noun: « 0 erreur », « 1 erreur », « 2 erreurs » in French (0 and 1 take
 * the singular), "0 errors", "1 error", "2 errors" in English (only 1 does).
 */
export function count(lang: EditorLang, n: number, one: string, many: string): string {
  const singular = lang === "fr" ? Math.abs(n) < 2 : n === 1;
  return `${n} ${singular ? one : many}`;
}
