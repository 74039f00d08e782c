import type { ArticleRecord } from "../records/article.ts";

/**
 * The only place URLs are made. Paths are root-relative and end with "/"; the path
 * prefix of a sub-path host is added to every link at render time, once.
 */
export type TermKind = "person" | "agency" | "topic" | "place" | "outlet";

export const TERM_SECTIONS: Readonly<Record<TermKind, string>> = {
  person: "personnes",
  agency: "institutions",
  topic: "sujets",
  place: "lieux",
  outlet: "medias",
};

export const urls = {
  home: () => "/",
  article: (record: Pick<ArticleRecord, "id" | "date">) => `/articles/${record.date ? record.date.value.slice(0, 4) : "sans-date"}/${record.id}/`,
  termIndex: (kind: TermKind) => `/${TERM_SECTIONS[kind]}/`,
  term: (kind: TermKind, id: string, page = 1) => `/${TERM_SECTIONS[kind]}/${id}/${page > 1 ? `page/${page}/` : ""}`,
  termFeed: (kind: TermKind, id: string) => `/${TERM_SECTIONS[kind]}/${id}/feed.xml`,
  archives: () => "/archives/",
  year: (year: string, page = 1) => `/archives/${year}/${page > 1 ? `page/${page}/` : ""}`,
  month: (yearMonth: string, page = 1) => `/archives/${yearMonth.replace("-", "/")}/${page > 1 ? `page/${page}/` : ""}`,
  undated: (page = 1) => `/archives/sans-date/${page > 1 ? `page/${page}/` : ""}`,
  search: () => "/recherche/",
  network: () => "/reseau/",
  feed: () => "/feed.xml",
  data: () => "/donnees/",
  stylesheet: () => "/assets/style.css",
} as const;
