import type { ArticleRecord, EntityRef } from "../records/article.ts";
import type { Archive } from "../build/build-archive.ts";
import { formatDate } from "./format.ts";
import { STRINGS, type Strings } from "./strings.ts";
import { urls, type TermKind } from "./urls.ts";

/**
 * Archive → view models. Every value a template prints is ready here: URLs, display
 * dates, labels, pagination. Templates only loop and format.
 */
export interface Link {
  name: string;
  url: string;
}

export interface CountedLink extends Link {
  count: number;
}

export interface ArticleCard {
  url: string;
  title: string;
  date: string | null;
  dateIso: string | null;
  outlet: string | null;
  summary: string;
}

export interface ArticleView extends ArticleCard {
  id: string;
  sourceUrl: string | null;
  outletLink: Link | null;
  people: Link[];
  agencies: Link[];
  places: Link[];
  topics: Link[];
  html: string;
}

export interface PagerView {
  previous: string | null;
  next: string | null;
  pages: { number: number; url: string; current: boolean }[];
}

export interface TermPageView {
  url: string;
  kind: TermKind;
  kindLabel: string;
  id: string;
  name: string;
  description: string | null;
  roles: { title: string; period: string }[];
  total: number;
  totalLabel: string;
  page: number;
  pageCount: number;
  /** "Abdellatif Hammouchi — page 2" */
  pageTitle: string;
  articles: ArticleCard[];
  pager: PagerView | null;
}

export interface TermIndexView {
  url: string;
  kind: TermKind;
  title: string;
  items: CountedLink[];
}

export interface SiteData {
  config: Archive["config"];
  strings: Strings;
  nav: Link[];
  home: { latest: ArticleCard[]; people: CountedLink[]; agencies: CountedLink[]; topics: CountedLink[]; outlets: CountedLink[] };
  articles: ArticleView[];
  termPages: TermPageView[];
  termIndexes: TermIndexView[];
}

const HOME_LATEST = 10;
const HOME_TERMS = 12;

export function toSiteData(archive: Archive): SiteData {
  const { config } = archive;
  const strings = STRINGS[config.lang];
  const terms = collectTerms(archive);
  const cards = new Map(archive.records.map((record) => [record.id, toCard(record, config.lang, strings)]));
  const card = (record: ArticleRecord) => cards.get(record.id) as ArticleCard;

  const kindLabels: Record<TermKind, string> = { person: strings.person, agency: strings.agency, topic: strings.topic, place: strings.place, outlet: strings.outlet };
  const indexTitles: Record<TermKind, string> = { person: strings.people, agency: strings.agencies, topic: strings.topics, place: strings.places, outlet: strings.outlets };

  const termPages: TermPageView[] = [];
  const termIndexes: TermIndexView[] = [];
  const counted: Record<TermKind, CountedLink[]> = { person: [], agency: [], topic: [], place: [], outlet: [] };
  for (const [kind, byId] of terms) {
    for (const term of byId.values()) {
      const pageCount = Math.max(1, Math.ceil(term.records.length / config.perPage));
      const details = describe(kind, term.id, archive, config.lang, strings);
      for (let page = 1; page <= pageCount; page++) {
        termPages.push({
          url: urls.term(kind, term.id, page),
          kind,
          kindLabel: kindLabels[kind],
          id: term.id,
          name: term.name,
          description: details.description,
          roles: details.roles,
          total: term.records.length,
          totalLabel: strings.articlesCount(term.records.length),
          page,
          pageCount,
          pageTitle: page > 1 ? `${term.name} — ${strings.page.toLowerCase()} ${page}` : term.name,
          articles: term.records.slice((page - 1) * config.perPage, page * config.perPage).map(card),
          pager: pageCount > 1 ? pager((n) => urls.term(kind, term.id, n), page, pageCount) : null,
        });
      }
      counted[kind].push({ name: term.name, url: urls.term(kind, term.id), count: term.records.length });
    }
    const items = [...counted[kind]].sort((a, b) => a.name.localeCompare(b.name, config.lang));
    termIndexes.push({ url: urls.termIndex(kind), kind, title: indexTitles[kind], items });
  }
  const top = (kind: TermKind) => [...counted[kind]].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, config.lang)).slice(0, HOME_TERMS);

  return {
    config,
    strings,
    nav: [
      { name: strings.home, url: urls.home() },
      { name: strings.people, url: urls.termIndex("person") },
      { name: strings.agencies, url: urls.termIndex("agency") },
      { name: strings.topics, url: urls.termIndex("topic") },
      { name: strings.outlets, url: urls.termIndex("outlet") },
    ],
    home: { latest: archive.records.slice(0, HOME_LATEST).map(card), people: top("person"), agencies: top("agency"), topics: top("topic"), outlets: top("outlet") },
    articles: archive.records.map((record) => toArticleView(record, card(record))),
    termPages,
    termIndexes,
  };
}

interface Term {
  id: string;
  name: string;
  records: ArticleRecord[];
}

/** Every person, agency, topic, place and outlet some published article names, with its articles newest first. */
function collectTerms(archive: Archive): Map<TermKind, Map<string, Term>> {
  const terms = new Map<TermKind, Map<string, Term>>(["person", "agency", "topic", "place", "outlet"].map((kind) => [kind as TermKind, new Map()]));
  const add = (kind: TermKind, ref: Pick<EntityRef, "id" | "name">, record: ArticleRecord) => {
    const byId = terms.get(kind) as Map<string, Term>;
    const term = byId.get(ref.id) ?? { id: ref.id, name: ref.name, records: [] };
    if (!term.records.includes(record)) term.records.push(record);
    byId.set(ref.id, term);
  };
  for (const record of archive.records) {
    for (const ref of record.people) add("person", ref, record);
    for (const ref of record.agencies) add("agency", ref, record);
    for (const ref of record.topics) add("topic", ref, record);
    for (const ref of record.places) add("place", ref, record);
    if (record.outlet) add("outlet", record.outlet, record);
  }
  return terms;
}

function describe(kind: TermKind, id: string, archive: Archive, lang: "fr" | "en", strings: Strings): { description: string | null; roles: TermPageView["roles"] } {
  const { kb } = archive;
  const entity = kind === "person" ? kb.people.get(id) : kind === "agency" ? kb.agencies.get(id) : kind === "topic" ? kb.topics.get(id) : kind === "outlet" ? kb.outlets.get(id) : undefined;
  const description = entity && "description" in entity && entity.description ? entity.description : null;
  const roles =
    kind === "person"
      ? (kb.people.get(id)?.roles ?? []).map((role) => ({ title: role.title, period: period(role.from, role.to, lang, strings) }))
      : [];
  return { description, roles };
}

function period(from: string | undefined, to: string | undefined, lang: "fr" | "en", strings: Strings): string {
  const show = (value: string) => formatDate({ value, precision: value.length === 4 ? "year" : value.length === 7 ? "month" : "day" }, lang);
  if (from && to) return `${show(from)} – ${show(to)}`;
  if (from) return `${strings.since} ${show(from)}`;
  if (to) return `${strings.until} ${show(to)}`;
  return "";
}

function toCard(record: ArticleRecord, lang: "fr" | "en", strings: Strings): ArticleCard {
  return {
    url: urls.article(record),
    title: record.title ?? strings.undated,
    date: record.date ? formatDate(record.date, lang) : null,
    dateIso: record.date?.value ?? null,
    outlet: record.outlet?.name ?? null,
    summary: record.summary,
  };
}

function toArticleView(record: ArticleRecord, card: ArticleCard): ArticleView {
  const links = (kind: TermKind, refs: readonly EntityRef[]) => refs.map((ref) => ({ name: ref.name, url: urls.term(kind, ref.id) }));
  return {
    ...card,
    id: record.id,
    sourceUrl: record.url,
    outletLink: record.outlet ? { name: record.outlet.name, url: urls.term("outlet", record.outlet.id) } : null,
    people: links("person", record.people),
    agencies: links("agency", record.agencies),
    places: links("place", record.places),
    topics: links("topic", record.topics),
    html: record.html,
  };
}

function pager(urlOf: (page: number) => string, page: number, pageCount: number): PagerView {
  return {
    previous: page > 1 ? urlOf(page - 1) : null,
    next: page < pageCount ? urlOf(page + 1) : null,
    pages: Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, url: urlOf(i + 1), current: i + 1 === page })),
  };
}
