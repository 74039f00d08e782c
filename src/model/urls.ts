import type { ArticleRecord } from "./article.ts";

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
  /** Its `permalink:` path, else under its year when its file gives one (src/archive/article-address.ts), never from its title or date. */
  article: (record: Pick<ArticleRecord, "id" | "address">) => record.address.path ?? `/articles/${record.address.year ? `${record.address.year}/` : ""}${record.id}/`,
  termIndex: (kind: TermKind) => `/${TERM_SECTIONS[kind]}/`,
  term: (kind: TermKind, id: string, page = 1) => `/${TERM_SECTIONS[kind]}/${id}/${page > 1 ? `page/${page}/` : ""}`,
  termFeed: (kind: TermKind, id: string) => `/${TERM_SECTIONS[kind]}/${id}/feed.xml`,
  archives: () => "/archives/",
  year: (year: string, page = 1) => `/archives/${year}/${page > 1 ? `page/${page}/` : ""}`,
  month: (yearMonth: string, page = 1) => `/archives/${yearMonth.replace("-", "/")}/${page > 1 ? `page/${page}/` : ""}`,
  undated: (page = 1) => `/archives/sans-date/${page > 1 ? `page/${page}/` : ""}`,
  /** Every article, newest first: under /archives/, where no article's own address can be. */
  allArticles: (page = 1) => `/archives/tous/${page > 1 ? `page/${page}/` : ""}`,
  search: () => "/recherche/",
  network: () => "/reseau/",
  feed: () => "/feed.xml",
  data: () => "/donnees/",
  stylesheet: () => "/assets/style.css",
} as const;

/** The first segments of the site's own pages and files: an article's permalink or a redirect may not take them. */
const OWN_SECTIONS: ReadonlySet<string> = new Set([
  ...Object.values(TERM_SECTIONS),
  "archives",
  "recherche",
  "reseau",
  "donnees",
  "assets",
  "feed.xml",
  "sitemap.xml",
  "robots.txt",
  "404.html",
  "_headers",
  "index.html",
]);

/** Whether a path from the root is, or is inside, one of the pages and files Revue writes itself (search bundles included). */
export function isSitePagePath(path: string): boolean {
  const first = path.split("/")[1] ?? "";
  return path === "/" || OWN_SECTIONS.has(first.toLowerCase()) || /^pagefind(?:-\d+)?$/i.test(first);
}
