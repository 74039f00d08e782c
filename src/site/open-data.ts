import type { ArticleRecord } from "../model/article.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { safeHttpUrl } from "../text/safe-url.ts";

/**
 * Open data for researchers: every published record and every actor, as JSON and CSV.
 * CSV follows RFC 4180 (quoted fields, CRLF) with list fields joined by " | ", and cells a
 * spreadsheet would run as formulas neutralised (see csvField).
 */
export interface DataFile {
  url: string;
  name: string;
  format: "JSON" | "CSV";
  description: string;
  content: string;
}

/** The open-data files, without their content (the data page lists them), in the order openDataFiles makes them. */
export function openDataIndex(base: string): Omit<DataFile, "content">[] {
  return [
    { url: `${base}articles.json`, name: "articles.json", format: "JSON", description: "articles" },
    { url: `${base}articles.csv`, name: "articles.csv", format: "CSV", description: "articles" },
    { url: `${base}acteurs.json`, name: "acteurs.json", format: "JSON", description: "actors" },
    { url: `${base}acteurs.csv`, name: "acteurs.csv", format: "CSV", description: "actors" },
  ];
}

/** One article of articles.json (and a row of articles.csv). */
export type ArticleRow = ReturnType<typeof articleRow>;

export function articleRow(record: ArticleRecord, page: string) {
  return {
    id: record.id,
    title: record.title,
    date: record.date?.value ?? null,
    date_precision: record.date?.precision ?? null,
    date_evidence: record.date?.evidence ?? null,
    outlet: record.outlet ? { id: record.outlet.id, name: record.outlet.name } : null,
    // Checked again where it is published: an unsafe address here would be a link in every copy of the data.
    source_url: safeHttpUrl(record.url),
    page,
    people: record.people.map(({ id, name }) => ({ id, name })),
    agencies: record.agencies.map(({ id, name, acronym }) => ({ id, name, ...(acronym ? { acronym } : {}) })),
    places: record.places.map(({ id, name }) => ({ id, name })),
    topics: record.topics.map(({ id, name }) => ({ id, name })),
    summary: record.summary,
  };
}

/** The open-data files of the published articles (their rows) and the knowledge base's actors. */
export function openDataFiles(articles: readonly ArticleRow[], kb: KnowledgeBase, base: string): DataFile[] {
  const mentioned = new Map<string, number>();
  for (const article of articles) for (const ref of [...article.people, ...article.agencies]) mentioned.set(ref.id, (mentioned.get(ref.id) ?? 0) + 1);
  const actors = [
    ...[...kb.people.values()].map((p) => ({ id: p.id, kind: "person", name: p.name, acronym: null as string | null, aliases: p.aliases, country: p.country ?? null, description: p.description ?? null, roles: p.roles, same_as: httpUrls(p.sameAs), articles: mentioned.get(p.id) ?? 0 })),
    ...[...kb.agencies.values()].map((a) => ({ id: a.id, kind: "agency", name: a.name, acronym: a.acronym ?? null, aliases: a.aliases, country: a.country ?? null, description: a.description ?? null, roles: [], same_as: httpUrls([...a.sameAs, ...(a.url ? [a.url] : [])]), articles: mentioned.get(a.id) ?? 0 })),
  ].sort((a, b) => a.id.localeCompare(b.id));

  const names = (list: readonly { name: string }[]) => list.map((x) => x.name).join(" | ");
  const contents = [
    `${JSON.stringify(articles, null, 1)}\n`,
    csv(
      ["id", "title", "date", "date_precision", "outlet", "source_url", "page", "people", "agencies", "places", "topics"],
      articles.map((a) => [a.id, a.title ?? "", a.date ?? "", a.date_precision ?? "", a.outlet?.name ?? "", a.source_url ?? "", a.page, names(a.people), names(a.agencies), names(a.places), names(a.topics)]),
    ),
    `${JSON.stringify(actors, null, 1)}\n`,
    csv(
      ["id", "kind", "name", "acronym", "aliases", "country", "description", "articles"],
      actors.map((a) => [a.id, a.kind, a.name, a.acronym ?? "", a.aliases.join(" | "), a.country ?? "", a.description ?? "", String(a.articles)]),
    ),
  ];
  return openDataIndex(base).map((file, i) => ({ ...file, content: contents[i] as string }));
}

/** The knowledge base's identifiers that are http(s) addresses (its schema asks for them; published, they are checked). */
function httpUrls(values: readonly string[]): string[] {
  return values.flatMap((value) => safeHttpUrl(value) ?? []);
}

export function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A
 * spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
 * a formula (`=HYPERLINK(…)`, `@SUM(…)`, `=cmd|…`), so such a cell is neutralised as OWASP
 * recommends: a single quote before it, and the whole quoted. A CSV parser gives the text
 * back with the quote in front; the JSON files keep it as written.
 */
export function csvField(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
const FORMULA_START = /^[=+\-@\t\r]/;
