import { TERM_SECTIONS, urls, type TermKind } from "../../model/urls.ts";
import { made, type Planned } from "../planning.ts";
import { kindLabels, type ArticleCard, type CountedLink, type Link, type PageBase, type PageContext } from "./shared.ts";

export interface HomePage extends PageBase {
  type: "home";
  latest: ArticleCard[];
  /** The listing of every article, newest first. */
  allArticles: Link;
  /** The most cited people, agencies, topics, places and outlets, and the years (the undated last), each with a link to its whole index. */
  lists: { id: string; title: string; items: CountedLink[]; seeAll: Link }[];
}

const HOME_LATEST = 10;
const HOME_TERMS = 12;

/** The home page: the latest articles, the most cited terms of each kind (`counted`, each term's link and count), the years. */
export function homePage(context: PageContext, counted: Readonly<Record<TermKind, readonly CountedLink[]>>): Planned<HomePage> {
  const { archive, config, strings, lang, meta, card } = context;
  const { records } = archive;
  const labels = kindLabels(strings);
  const undatedCount = records.filter((record) => !record.date).length;
  const top = (kind: TermKind) => [...counted[kind]].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang)).slice(0, HOME_TERMS);
  const years = [...countStrings(records.map((r) => r.date?.value.slice(0, 4)).filter((y): y is string => Boolean(y)))].sort((a, b) => (a[0] < b[0] ? 1 : -1));
  return made<HomePage>({
    type: "home",
    url: urls.home(),
    meta: meta(urls.home(), config.title, config.description, { url: urls.feed(), title: strings.siteFeed }),
    latest: records.slice(0, HOME_LATEST).map(card),
    allArticles: { name: strings.allArticles, url: urls.allArticles() },
    lists: [
      ...(["person", "agency", "topic", "place", "outlet"] as const).map((kind) => ({ id: `home-${TERM_SECTIONS[kind]}`, title: labels[kind][1], items: top(kind), seeAll: { name: strings.seeAll, url: urls.termIndex(kind) } })),
      {
        id: "home-archives",
        title: strings.archives,
        items: [...years.map(([year, count]) => ({ name: year, url: urls.year(year), count })), ...(undatedCount ? [{ name: strings.undatedArticles, url: urls.undated(), count: undatedCount }] : [])],
        seeAll: { name: strings.seeAll, url: urls.archives() },
      },
    ].filter((list) => list.items.length > 0),
  });
}

function countStrings(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
