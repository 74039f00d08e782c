import type { ArticleRecord } from "../../model/article.ts";
import { urls } from "../../model/urls.ts";
import { formatMonth } from "../format.ts";
import { pager, type PagerView } from "../pager.ts";
import { made, type Planned } from "../planning.ts";
import type { ArticleCard, CountedLink, PageBase, PageContext } from "./shared.ts";

export interface ArchiveIndexPage extends PageBase {
  type: "archive-index";
  years: { label: string; url: string; count: number; months: CountedLink[] }[];
  undated: CountedLink | null;
  /** Every article, in one listing. */
  all: CountedLink;
}

export interface ArchivePage extends PageBase {
  type: "archive";
  title: string;
  totalLabel: string;
  articles: ArticleCard[];
  pager: PagerView | null;
  months: CountedLink[];
}

/** The date archives: their index, then each year's, month's, the undated articles' and every article's listing, paginated. */
export function archivePages(context: PageContext): Planned<ArchiveIndexPage | ArchivePage>[] {
  const { archive, config, strings, lang, meta, card } = context;
  const { records } = archive;
  const perPage = config.perPage;
  const byYear = new Map<string, ArticleRecord[]>();
  const byMonth = new Map<string, ArticleRecord[]>();
  const undated: ArticleRecord[] = [];
  for (const record of records) {
    const value = record.date?.value;
    if (!value) {
      undated.push(record);
      continue;
    }
    push(byYear, value.slice(0, 4), record);
    if (value.length >= 7) push(byMonth, value.slice(0, 7), record);
  }
  const monthsOf = (year: string) =>
    [...byMonth.entries()].filter(([key]) => key.startsWith(year)).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, list]) => ({ name: formatMonth(key, lang), url: urls.month(key), count: list.length }));
  const pages: (ArchiveIndexPage | ArchivePage)[] = [];
  // `label` is a period's ("2020", "septembre 2020"); null for the undated, "" for every article.
  const listing = (list: readonly ArticleRecord[], label: string | null, urlOf: (page: number) => string, months: CountedLink[]) => {
    const pageCount = Math.max(1, Math.ceil(list.length / perPage));
    const heading = label === null ? strings.undatedArticles : label === "" ? strings.allArticles : strings.archiveOf(label);
    for (let page = 1; page <= pageCount; page++) {
      const url = urlOf(page);
      const title = heading + (page > 1 ? ` — ${strings.page.toLowerCase()} ${page}` : "");
      pages.push({ type: "archive", url, meta: meta(url, title), title, totalLabel: strings.articlesCount(list.length), articles: list.slice((page - 1) * perPage, page * perPage).map(card), pager: pageCount > 1 ? pager(urlOf, page, pageCount) : null, months: page === 1 ? months : [] });
    }
  };
  const years = [...byYear.keys()].sort().reverse();
  for (const year of years) listing(byYear.get(year) as ArticleRecord[], year, (page) => urls.year(year, page), monthsOf(year));
  for (const [key, list] of [...byMonth.entries()].sort()) listing(list, formatMonth(key, lang), (page) => urls.month(key, page), []);
  if (undated.length) listing(undated, null, (page) => urls.undated(page), []);
  // Every article, newest first, the undated last (the archive's order).
  listing(records, "", (page) => urls.allArticles(page), []);
  pages.unshift({
    type: "archive-index",
    url: urls.archives(),
    meta: meta(urls.archives(), strings.archives),
    years: years.map((year) => ({ label: year, url: urls.year(year), count: (byYear.get(year) as ArticleRecord[]).length, months: monthsOf(year) })),
    undated: undated.length ? { name: strings.undatedArticles, url: urls.undated(), count: undated.length } : null,
    all: { name: strings.allArticles, url: urls.allArticles(), count: records.length },
  });
  return pages.map((view) => made(view));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
