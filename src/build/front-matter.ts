import type { Diagnostic } from "../records/diagnostic.ts";
import { validateAgainst } from "../schemas/validate.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { EARLIEST_YEAR, isPlausibleYear, isRealDate } from "../text/calendar.ts";

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
}

/**
 * Validates front matter against the article schema once, at the boundary. A field with
 * an error is dropped (extraction fills it instead) and the error names its line.
 */
export function validateFrontMatter(doc: SourceDoc, today: Date): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  // An empty field ("", ~, []) is an unset field: templates show every key, editors fill some.
  const data = Object.fromEntries(Object.entries(doc.frontMatter).filter(([, value]) => !isEmpty(value)));
  const lineOf = (path: readonly (string | number)[]) => (typeof path[0] === "string" ? doc.frontMatterLines[path[0]] ?? 1 : 1);
  const diagnostics = validateAgainst("article", data, doc.path, lineOf);
  const bad = new Set(diagnostics.map((d) => d.line));
  const frontMatter: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(data)) {
    if (bad.has(doc.frontMatterLines[key])) continue;
    frontMatter[key] = value;
  }
  if (typeof frontMatter["date"] === "string") {
    const [y, m, d] = frontMatter["date"].split("-").map(Number);
    if (y !== undefined && m !== undefined && d !== undefined && !isRealDate(y, m, d)) {
      diagnostics.push({ file: doc.path, line: lineOf(["date"]), rule: "front-matter-date", severity: "error", message: `\`date\` ${frontMatter["date"]} is not a day of the calendar`, fix: "Correct the day or the month (YYYY-MM-DD)." });
      delete frontMatter["date"];
    } else if (y !== undefined && !isPlausibleYear(y, today)) {
      diagnostics.push({ file: doc.path, line: lineOf(["date"]), rule: "front-matter-date", severity: "error", message: `\`date\` ${frontMatter["date"]} is not a plausible publication date`, fix: `Write a date between ${EARLIEST_YEAR} and today.` });
      delete frontMatter["date"];
    }
  }
  return { frontMatter: frontMatter as FrontMatter, diagnostics };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}
