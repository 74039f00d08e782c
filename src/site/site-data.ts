import type { ArticleRecord, DateValue, EntityRef } from "../records/article.ts";
import type { Archive } from "../build/build-archive.ts";
import { foldWord } from "../text/fold.ts";
import { formatDate, formatMonth } from "./format.ts";
import { newsArticleJsonLd } from "./json-ld.ts";
import { linkFirstMentions } from "./link-mentions.ts";
import { networkSvg, type NetworkEdge, type NetworkNode } from "./network.ts";
import { digestOf, digestOfView, hash, ownDigest, withDigest } from "./digest.ts";
import { siteCodeVersion } from "../build/code-version.ts";
import { articleRow, openDataFiles, openDataIndex, type DataFile } from "./open-data.ts";
import { pager, type PagerView } from "./pager.ts";
import { relatedArticles } from "./related.ts";
import { compareNames, companionsOf, referencesSignature, TERM_KINDS, termIndex, type TermEntry, type TermIndex } from "./term-index.ts";
import { planSearchShards, searchBundlePath } from "./search-shards.ts";
import { contentSecurityPolicy, headersFile } from "./security.ts";
import { STRINGS, type Strings } from "./strings.ts";
import { coverageSeries, timelineSvg } from "./timeline.ts";
import { urls, type TermKind } from "./urls.ts";

/**
 * Archive → view models. Every value a template prints is ready here: URLs, display dates,
 * labels, pagination, prebuilt SVG and JSON-LD. Templates only loop and format. Indexes
 * are computed once, so no page's cost grows with the archive.
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

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  canonical: string;
  feed?: { url: string; title: string };
}

interface PageBase {
  url: string;
  meta: PageMeta;
}

export interface ArticlePage extends PageBase {
  type: "article";
  card: ArticleCard;
  sourceUrl: string | null;
  outletLink: Link | null;
  /** People, agencies, places, topics. */
  groups: { label: string; links: Link[] }[];
  html: string;
  related: ArticleCard[];
  jsonLd: string;
}

export interface TermPage extends PageBase {
  type: "term";
  kind: TermKind;
  kindLabel: string;
  id: string;
  name: string;
  description: string | null;
  roles: { title: string; period: string }[];
  totalLabel: string;
  page: number;
  articles: ArticleCard[];
  pager: PagerView | null;
  timeline: string;
  alongside: CountedLink[];
  outlets: CountedLink[];
  feedUrl: string | null;
}

export interface TermIndexPage extends PageBase {
  type: "term-index";
  title: string;
  letters: { letter: string; anchor: string; items: CountedLink[] }[];
}

export interface ArchiveIndexPage extends PageBase {
  type: "archive-index";
  years: { label: string; url: string; count: number; months: CountedLink[] }[];
  undated: CountedLink | null;
}

export interface ArchivePage extends PageBase {
  type: "archive";
  title: string;
  totalLabel: string;
  articles: ArticleCard[];
  pager: PagerView | null;
  months: CountedLink[];
}

export interface HomePage extends PageBase {
  type: "home";
  latest: ArticleCard[];
  people: CountedLink[];
  agencies: CountedLink[];
  topics: CountedLink[];
  outlets: CountedLink[];
  years: CountedLink[];
}

export interface NetworkPage extends PageBase {
  type: "network";
  svg: string;
  pairs: { a: Link; b: Link; label: string }[];
}

export interface SimplePage extends PageBase {
  type: "not-found";
}

export interface DataPage extends PageBase {
  type: "data";
  files: Pick<DataFile, "name" | "url" | "format" | "description">[];
}

export interface SearchPage extends PageBase {
  type: "search";
  /** The search index's Pagefind bundles, relative to the site's root (`pagefind/`, `pagefind-1/`…): the first is the primary. */
  bundles: string[];
}

/**
 * A former path of an article (`aliases:`, or the address it had before an article alike was
 * added): a small page that sends the reader to the article, as Hugo's aliases do, or lists
 * the articles that shared it.
 */
export interface RedirectPage extends PageBase {
  type: "redirect";
  /** The article's path, root-relative: Eleventy adds the path prefix at render time, to the refresh as to the link; none when several share the path. */
  target: string | null;
  /** The articles that shared the path, oldest first, when there are several. */
  choices: ArticleCard[];
}

export type PageView = ArticlePage | TermPage | TermIndexPage | ArchiveIndexPage | ArchivePage | HomePage | NetworkPage | SearchPage | DataPage | SimplePage | RedirectPage;

export interface FeedView {
  url: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  id: string;
  updated: string;
  /** `published`: the article's date-time, none when undated; `updated`: its last modification, else `published`. */
  entries: { title: string; url: string; updated: string; published?: string; summary: string; outlet: string | null }[];
}

/** What every page prints: settings, strings, navigation, links, security headers. */
export interface SiteShared {
  config: Archive["config"];
  strings: Strings;
  nav: Link[];
  links: { search: string; feed: string; data: string; network: string; archives: string };
  /** Content-Security-Policy for the <meta>, and the `_headers` file for hosts that read one. */
  security: { csp: string; headers: string };
}

/**
 * A file of the site before it is made: where it goes, a digest of everything it is made
 * from, and how to make it. A rebuild compares digests and makes only the files that changed;
 * a full build makes them a run at a time, so the whole site is never in memory at once.
 */
export interface Planned<T> {
  url: string;
  digest: string;
  make: () => T;
}

export interface SitePlan extends SiteShared {
  pages: Planned<PageView>[];
  feeds: Planned<FeedView>[];
  files: Planned<DataFile>[];
  /** Absolute URLs of the pages, for sitemap.xml. */
  sitemap: string[];
}

/** Files to write, planned. */
export type RenderPlans = Pick<SitePlan, "pages" | "feeds" | "files">;

/** Files to write, made. */
export interface RenderLists {
  pages: PageView[];
  feeds: FeedView[];
  files: DataFile[];
}

/**
 * What the templates get for one Eleventy run: what every page shows, and the files this run
 * writes (everything, what a rebuild changed, or one run of a large build). Never the whole
 * archive's lists: Eleventy's data cascade would walk them for every page.
 */
export type RenderData = SiteShared & { sitemap: string[]; render: RenderLists };

export function renderData(site: SitePlan, render: RenderPlans = site): RenderData {
  const { pages: _pages, feeds: _feeds, files: _files, ...shared } = site;
  const make = <T>(list: readonly Planned<T>[]) => list.map((planned) => planned.make());
  return { ...shared, render: { pages: make(render.pages), feeds: make(render.feeds), files: make(render.files) } };
}

/** A file made at once (a small page every build remakes anyway): its digest is its content's. */
function made<T extends { url: string }>(view: T): Planned<T> {
  return { url: view.url, digest: digestOfView(view), make: () => view };
}

const HOME_LATEST = 10;
const HOME_TERMS = 12;
const FEED_ENTRIES = 20;
const SITE_FEED_ENTRIES = 50;
const RELATED = 5;
const ALONGSIDE = 10;
const NETWORK_NODES = 30;
const NETWORK_PAIRS = 20;
const FEED_KINDS: ReadonlySet<TermKind> = new Set(["person", "agency", "topic"]);

/**
 * What planning keeps from one build to the next (in memory in the dev server, in the cache
 * folder otherwise).
 */
export interface SiteMemo {
  /** The related articles, found again only when some article's references changed (`referencesSignature`). */
  related?: { signature: string; ids: Map<string, string[]> };
  /**
   * Each record's card and the digests of its card and open-data row, by the record's
   * digest, for these settings and this view code (`version`): a rebuild makes and hashes
   * only the edited records' again.
   */
  records?: { version: string; byDigest: Map<string, RecordDigests> };
  /**
   * What follows from the articles' references alone (`index`: terms, who appears with
   * whom), for this view code and these settings (`version`), kept while the references
   * stay the same, as they do through most edits.
   */
  references?: ReferencesMemo;
}

interface ReferencesMemo {
  version: string;
  index: TermIndex;
  /** By the record's position: the digest of its card, and of what a term page shows of it. */
  shown: { cards: string[]; digests: string[] };
  network?: { key: string; digest: string; view: NetworkPage };
}

interface RecordDigests {
  card: string;
  row: string;
  view: ArticleCard;
}

export function planSite(archive: Archive, memo?: SiteMemo): SitePlan {
  const { config, kb, records } = archive;
  const strings = STRINGS[config.lang];
  const lang = config.lang;
  const absolute = (path: string) => `${config.baseUrl}${config.pathPrefix.replace(/\/$/, "")}${path}`;
  const meta = (url: string, title: string, description = config.description, feed?: PageMeta["feed"]): PageMeta => ({
    title,
    description,
    canonical: absolute(url),
    ...(feed ? { feed } : {}),
  });
  // What each record alone gives (its card, its data row) is hashed once per record digest.
  const memoVersion = [siteCodeVersion(), lang, absolute("/")].join("\n");
  const known = memo?.records?.version === memoVersion ? memo.records.byDigest : undefined;
  const recordDigests = new Map<string, RecordDigests>();
  const digestsOf = (record: ArticleRecord): RecordDigests | undefined => {
    const madeFrom = archive.digests.get(record.id);
    if (madeFrom === undefined) return undefined;
    let digests = recordDigests.get(madeFrom) ?? known?.get(madeFrom);
    if (!digests) {
      const view = toCard(record, lang, strings);
      digests = { card: hash(JSON.stringify(view)), row: hash(JSON.stringify(articleRow(record, absolute(urls.article(record))))), view };
    }
    recordDigests.set(madeFrom, digests);
    return digests;
  };
  const cards = new Map(
    records.map((record) => {
      const digests = digestsOf(record);
      return [record, digests ? withDigest(digests.view, digests.card) : withDigest(toCard(record, lang, strings))];
    }),
  );
  const card = (record: ArticleRecord) => cards.get(record) as ArticleCard;
  // What follows from the articles' references alone, kept while they stay the same.
  const signature = referencesSignature(records);
  const previous = memo?.references;
  const kept: ReferencesMemo =
    previous?.version === memoVersion && previous.index.signature === signature ? previous : { version: memoVersion, index: termIndex(records, signature), shown: { cards: [], digests: [] } };
  if (memo) memo.references = kept;
  const { index } = kept;
  const terms: Terms = new Map(
    [...index.terms].map(([kind, byId]) => [kind, new Map([...byId].map(([id, entry]) => [id, { ...entry, records: entry.positions.map((position) => records[position] as ArticleRecord) }]))]),
  );
  const pages: Planned<PageView>[] = [];
  const feeds: Planned<FeedView>[] = [];

  const entries = new Map<ArticleRecord, FeedView["entries"][number]>();
  const entry = (record: ArticleRecord) => {
    let made = entries.get(record);
    if (!made) {
      const published = record.date ? atomDate(record.date) : undefined;
      made = { title: record.title ?? strings.undated, url: absolute(urls.article(record)), updated: record.dateModified ? atomDate(record.dateModified) : (published ?? atomDate(undefined)), ...(published ? { published } : {}), summary: record.summary, outlet: record.outlet?.name ?? null };
      entries.set(record, withDigest(made));
    }
    return made;
  };
  const feedOf = (url: string, title: string, alternate: string, list: readonly ArticleRecord[], limit: number): FeedView => ({
    url,
    title,
    selfUrl: absolute(url),
    alternateUrl: absolute(alternate),
    id: absolute(url),
    updated: atomDate(list.find((r) => r.date)?.date),
    entries: list.slice(0, limit).map(entry),
  });

  // Articles. With the digest of what its record was made from (the source, the knowledge
  // base, the code), an article page's digest needs neither its body nor its JSON-LD.
  const related = relatedOf(records, signature, memo);
  for (const record of records) {
    const url = urls.article(record);
    const relatedCards = (related.get(record.id) ?? []).map(card);
    const view = (): ArticlePage => {
      const links = (kind: TermKind, refs: readonly EntityRef[]) => refs.map((ref) => ({ name: ref.name, url: urls.term(kind, ref.id) }));
      const mentionLinks = [...record.people.map((r) => ({ r, kind: "person" as const })), ...record.agencies.map((r) => ({ r, kind: "agency" as const }))].map(({ r, kind }) => ({
        mentions: r.mentions.length ? r.mentions : [r.name],
        url: urls.term(kind, r.id),
        title: r.name,
      }));
      return lazily({
        type: "article",
        url,
        meta: meta(url, record.title ?? strings.undated, record.summary || config.description),
        card: card(record),
        sourceUrl: record.url,
        outletLink: record.outlet ? { name: record.outlet.name, url: urls.term("outlet", record.outlet.id) } : null,
        groups: [
          { label: strings.people, links: links("person", record.people) },
          { label: strings.agencies, links: links("agency", record.agencies) },
          { label: strings.places, links: links("place", record.places) },
          { label: strings.topics, links: links("topic", record.topics) },
        ].filter((group) => group.links.length > 0),
        related: relatedCards,
      }, {
        html: () => linkFirstMentions(record.html, mentionLinks),
        jsonLd: () => newsArticleJsonLd(record, kb, absolute, url, urls.term, lang),
      });
    };
    const madeFrom = archive.digests.get(record.id);
    pages.push(madeFrom ? { url, digest: digestOf(["article", madeFrom, relatedCards.map(ownDigest)]), make: view } : made(view()));
  }

  // Former paths of articles: each redirects to its article, and is left out of the sitemap.
  const redirectUrls = new Set<string>();
  for (const { from, to } of archive.redirects) {
    redirectUrls.add(from);
    const [only] = to;
    if (only && to.length === 1) {
      const target = urls.article(only);
      pages.push(made<PageView>({ type: "redirect", url: from, meta: meta(target, only.title ?? strings.undated, only.summary || config.description), target, choices: [] }));
    } else {
      pages.push(made<PageView>({ type: "redirect", url: from, meta: meta(from, strings.sharedAddress), target: null, choices: to.map((record) => toCard(record, lang, strings)) }));
    }
  }

  // Actor, topic, place and outlet pages, paginated, with their timeline, company and feed.
  // Their digests are made of the term's and of what each article shows there (card,
  // actors with their names, outlet).
  const labels: Record<TermKind, [string, string]> = {
    person: [strings.person, strings.people],
    agency: [strings.agency, strings.agencies],
    topic: [strings.topic, strings.topics],
    place: [strings.place, strings.places],
    outlet: [strings.outlet, strings.outlets],
  };
  // What a term page shows of each record, by the record's place in the archive: its card,
  // its actors' names, its outlet. The names are the same as long as the references are
  // (`index`), so only the records whose card changed are hashed again.
  const shownDigests: (string | undefined)[] = [];
  const shownAt = (position: number) => {
    let digest = shownDigests[position];
    if (digest === undefined) {
      const record = records[position] as ArticleRecord;
      const cardDigest = ownDigest(card(record));
      if (kept.shown.cards[position] === cardDigest) digest = kept.shown.digests[position] as string;
      else {
        const named = (kind: TermKind, refs: readonly EntityRef[]) => refs.map((ref) => [ref.id, terms.get(kind)?.get(ref.id)?.name]);
        digest = digestOf([cardDigest, named("person", record.people), named("agency", record.agencies), record.outlet ? [record.outlet.id, record.outlet.name] : null]);
        kept.shown.cards[position] = cardDigest;
        kept.shown.digests[position] = digest;
      }
      shownDigests[position] = digest;
    }
    return digest;
  };
  const counted: Record<TermKind, CountedLink[]> = { person: [], agency: [], topic: [], place: [], outlet: [] };
  for (const kind of TERM_KINDS) {
    for (const term of terms.get(kind)?.values() ?? []) {
      const total = term.records.length;
      const pageCount = Math.max(1, Math.ceil(total / config.perPage));
      const details = describe(kind, term.id, archive, strings);
      const feedUrl = FEED_KINDS.has(kind) ? urls.termFeed(kind, term.id) : null;
      // Every page shows the term and its count; the first page (timeline, company, outlets)
      // and the feed are made from all its articles, another page from its own twenty.
      const header = ["term", kind, term.id, term.name, details, total, config.perPage];
      const shown = term.positions.map(shownAt);
      const termDigest = digestOf([header, shown]);
      // The first page's timeline and lists, made when that page is.
      const firstPage = () => ({
        timeline: timelineSvg(coverageSeries(term.records.map((r) => r.date?.value ?? "").filter(Boolean), (key) => formatMonth(key, lang)), strings.coverageOf(term.name), strings.articlesCount),
        alongside: kind === "outlet" ? [] : companionsOf(index, kind, term, ALONGSIDE),
        outlets: kind === "outlet" ? [] : countBy(term.records.filter((r) => r.outlet).map((r) => ({ id: (r.outlet as EntityRef).id, name: (r.outlet as EntityRef).name })), (id) => urls.term("outlet", id)),
      });
      for (let page = 1; page <= pageCount; page++) {
        const url = urls.term(kind, term.id, page);
        const onPage = term.records.slice((page - 1) * config.perPage, page * config.perPage);
        const view = (): TermPage => {
          const title = page > 1 ? `${term.name} — ${strings.page.toLowerCase()} ${page}` : term.name;
          return {
            type: "term",
            url,
            meta: meta(url, title, details.description ?? `${labels[kind][0]} : ${term.name} — ${strings.articlesCount(total)}`, feedUrl ? { url: feedUrl, title: strings.feedOf(term.name) } : undefined),
            kind,
            kindLabel: labels[kind][0],
            id: term.id,
            name: term.name,
            description: details.description,
            roles: details.roles,
            totalLabel: strings.articlesCount(total),
            page,
            articles: onPage.map(card),
            pager: pageCount > 1 ? pager((n) => urls.term(kind, term.id, n), page, pageCount) : null,
            ...(page === 1 ? firstPage() : { timeline: "", alongside: [], outlets: [] }),
            feedUrl,
          };
        };
        const digest = page === 1 ? digestOf([termDigest, page]) : digestOf([header, page, shown.slice((page - 1) * config.perPage, page * config.perPage)]);
        pages.push({ url, digest, make: view });
      }
      if (feedUrl) feeds.push({ url: feedUrl, digest: digestOf([termDigest, "feed"]), make: () => feedOf(feedUrl, `${term.name} · ${config.title}`, urls.term(kind, term.id), term.records, FEED_ENTRIES) });
      counted[kind].push({ name: term.name, url: urls.term(kind, term.id), count: total });
    }
    const url = urls.termIndex(kind);
    pages.push(made<PageView>({ type: "term-index", url, meta: meta(url, labels[kind][1]), title: labels[kind][1], letters: byLetter(counted[kind], lang) }));
  }

  // Date archives.
  pages.push(...archivePages(records, card, config.perPage, lang, strings, meta).map((view) => made(view)));

  // Home, network, search, open data, 404.
  const top = (kind: TermKind) => [...counted[kind]].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang)).slice(0, HOME_TERMS);
  const years = [...countStrings(records.map((r) => r.date?.value.slice(0, 4)).filter((y): y is string => Boolean(y)))].sort((a, b) => (a[0] < b[0] ? 1 : -1));
  pages.unshift(made<PageView>({
    type: "home",
    url: urls.home(),
    meta: meta(urls.home(), config.title, config.description, { url: urls.feed(), title: strings.siteFeed }),
    latest: records.slice(0, HOME_LATEST).map(card),
    people: top("person"),
    agencies: top("agency"),
    topics: top("topic"),
    outlets: top("outlet"),
    years: years.map(([year, count]) => ({ name: year, url: urls.year(year), count })),
  }));
  // The network is made from the references alone: it is laid out again only when they change.
  const networkMeta = meta(urls.network(), strings.network, strings.networkLead);
  const networkKey = JSON.stringify(networkMeta);
  if (kept.network?.key !== networkKey) {
    const view = networkPage(records, terms, strings, networkMeta);
    kept.network = { key: networkKey, digest: digestOfView(view), view };
  }
  const network = kept.network.view;
  pages.push({ url: network.url, digest: kept.network.digest, make: () => network });
  const bundles = planSearchShards(archive).inUse.map((shard) => searchBundlePath(shard).slice(1));
  pages.push(made<PageView>({ type: "search", url: urls.search(), meta: meta(urls.search(), strings.search, strings.searchLead), bundles }));
  const dataIndex = openDataIndex(urls.data());
  pages.push(made<PageView>({ type: "data", url: urls.data(), meta: meta(urls.data(), strings.openData, strings.openDataLead), files: dataIndex }));
  pages.push(made<PageView>({ type: "not-found", url: "/404.html", meta: meta("/404.html", strings.notFound, strings.notFoundLead) }));
  feeds.unshift(made(feedOf(urls.feed(), config.title, urls.home(), records, SITE_FEED_ENTRIES)));

  // Open data: its digest is that of its article rows (not of whole records: an edit to a
  // body leaves it alone) and of the knowledge base.
  const rows = () => records.map((record) => articleRow(record, absolute(urls.article(record))));
  const rowDigests = records.map((record) => digestsOf(record)?.row);
  const dataDigest = rowDigests.every(Boolean) ? digestOf(["data", kb.version, rowDigests]) : digestOf(["data", kb.version, rows()]);
  let data: DataFile[] | undefined;
  const dataFiles = () => (data ??= openDataFiles(rows(), kb, urls.data()));
  if (memo) memo.records = { version: memoVersion, byDigest: recordDigests };
  const files: Planned<DataFile>[] = dataIndex.map((file, i) => ({ url: file.url, digest: digestOf([dataDigest, file.url]), make: () => dataFiles()[i] as DataFile }));

  return {
    config,
    strings,
    nav: [
      { name: strings.home, url: urls.home() },
      { name: strings.people, url: urls.termIndex("person") },
      { name: strings.agencies, url: urls.termIndex("agency") },
      { name: strings.topics, url: urls.termIndex("topic") },
      { name: strings.outlets, url: urls.termIndex("outlet") },
      { name: strings.archives, url: urls.archives() },
      { name: strings.network, url: urls.network() },
      { name: strings.search, url: urls.search() },
    ],
    links: { search: urls.search(), feed: urls.feed(), data: urls.data(), network: urls.network(), archives: urls.archives() },
    security: { csp: contentSecurityPolicy(), headers: headersFile() },
    pages,
    feeds,
    files,
    sitemap: pages.filter((page) => page.url !== "/404.html" && !redirectUrls.has(page.url)).map((page) => absolute(page.url)),
  };
}

function relatedOf(records: readonly ArticleRecord[], signature: string, memo: SiteMemo | undefined): Map<string, ArticleRecord[]> {
  if (!memo) return relatedArticles(records, RELATED);
  if (memo.related?.signature !== signature) {
    const found = relatedArticles(records, RELATED);
    memo.related = { signature, ids: new Map([...found].map(([id, list]) => [id, list.map((record) => record.id)])) };
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  return new Map([...memo.related.ids].map(([id, list]) => [id, list.map((other) => byId.get(other) as ArticleRecord)]));
}

/**
 * A view whose largest fields are computed each time they are read, never kept: an
 * archive's article bodies would otherwise sit in memory twice more (as linked HTML and as
 * JSON-LD) for as long as the view. Enumerable getters, so templates and JSON.stringify see
 * plain fields.
 */
function lazily<T extends object, K extends string>(view: T, fields: Record<K, () => string>): T & Record<K, string> {
  for (const [name, get] of Object.entries(fields) as [K, () => string][]) Object.defineProperty(view, name, { get, enumerable: true });
  return view as T & Record<K, string>;
}

/** A term with its articles (newest first), for this build's records. */
interface Term extends TermEntry {
  records: ArticleRecord[];
}

type Terms = Map<TermKind, Map<string, Term>>;

function countBy(items: readonly { id: string; name: string }[], urlOf: (id: string) => string): CountedLink[] {
  const counts = new Map<string, CountedLink>();
  for (const item of items) {
    const link = counts.get(item.id) ?? { name: item.name, url: urlOf(item.id), count: 0 };
    link.count++;
    counts.set(item.id, link);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}

function countStrings(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A–Z groups, accents folded ("Élysée" under E); anything else under "#". */
function byLetter(items: readonly CountedLink[], lang: string): TermIndexPage["letters"] {
  const groups = new Map<string, CountedLink[]>();
  for (const item of [...items].sort((a, b) => a.name.localeCompare(b.name, lang))) {
    const first = foldWord(item.name.replace(/^[^\p{L}\p{N}]+/u, "").charAt(0)).toUpperCase();
    const letter = /^[A-Z]$/.test(first) ? first : "#";
    const list = groups.get(letter) ?? [];
    list.push(item);
    groups.set(letter, list);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] === "#" ? 1 : b[0] === "#" ? -1 : a[0].localeCompare(b[0])))
    .map(([letter, list]) => ({ letter, anchor: letter === "#" ? "autres" : `lettre-${letter.toLowerCase()}`, items: list }));
}

function describe(kind: TermKind, id: string, archive: Archive, strings: Strings): { description: string | null; roles: TermPage["roles"] } {
  const { kb, config } = archive;
  const entity = kind === "person" ? kb.people.get(id) : kind === "agency" ? kb.agencies.get(id) : kind === "topic" ? kb.topics.get(id) : kind === "outlet" ? kb.outlets.get(id) : undefined;
  const description = entity && "description" in entity && entity.description ? entity.description : null;
  const roles = kind === "person" ? (kb.people.get(id)?.roles ?? []).map((role) => ({ title: role.title, period: period(role.from, role.to, config.lang, strings) })) : [];
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

/**
 * Atom needs a full timestamp (RFC 3339): a date's time as the source gave it (in UTC when
 * written without an offset), else its day at midnight UTC; the epoch for undated feeds.
 */
function atomDate(date: DateValue | string | null | undefined): string {
  const value = typeof date === "string" ? date : (date?.dateTime ?? date?.value);
  if (!value) return "1970-01-01T00:00:00Z";
  if (value.includes("T")) return /(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  const [y = "1970", m = "01", d = "01"] = value.split("-");
  return `${y}-${m}-${d}T00:00:00Z`;
}

type Meta = (url: string, title: string, description?: string, feed?: PageMeta["feed"]) => PageMeta;

function archivePages(records: readonly ArticleRecord[], card: (r: ArticleRecord) => ArticleCard, perPage: number, lang: "fr" | "en", strings: Strings, meta: Meta): PageView[] {
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
  const pages: PageView[] = [];
  const listing = (list: readonly ArticleRecord[], label: string, urlOf: (page: number) => string, months: CountedLink[]) => {
    const pageCount = Math.max(1, Math.ceil(list.length / perPage));
    for (let page = 1; page <= pageCount; page++) {
      const url = urlOf(page);
      const title = strings.archiveOf(label) + (page > 1 ? ` — ${strings.page.toLowerCase()} ${page}` : "");
      pages.push({ type: "archive", url, meta: meta(url, title), title, totalLabel: strings.articlesCount(list.length), articles: list.slice((page - 1) * perPage, page * perPage).map(card), pager: pageCount > 1 ? pager(urlOf, page, pageCount) : null, months: page === 1 ? months : [] });
    }
  };
  const years = [...byYear.keys()].sort().reverse();
  for (const year of years) listing(byYear.get(year) as ArticleRecord[], year, (page) => urls.year(year, page), monthsOf(year));
  for (const [key, list] of [...byMonth.entries()].sort()) listing(list, formatMonth(key, lang), (page) => urls.month(key, page), []);
  if (undated.length) listing(undated, strings.undated.toLowerCase(), (page) => urls.undated(page), []);
  pages.unshift({
    type: "archive-index",
    url: urls.archives(),
    meta: meta(urls.archives(), strings.archives),
    years: years.map((year) => ({ label: year, url: urls.year(year), count: (byYear.get(year) as ArticleRecord[]).length, months: monthsOf(year) })),
    undated: undated.length ? { name: strings.undated, url: urls.undated(), count: undated.length } : null,
  });
  return pages;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function networkPage(records: readonly ArticleRecord[], terms: Terms, strings: Strings, meta: PageMeta): NetworkPage {
  const actors: { t: Term; kind: "person" | "agency" }[] = [
    ...[...(terms.get("person")?.values() ?? [])].map((t) => ({ t, kind: "person" as const })),
    ...[...(terms.get("agency")?.values() ?? [])].map((t) => ({ t, kind: "agency" as const })),
  ];
  const top = actors.sort((a, b) => b.t.records.length - a.t.records.length || a.t.name.localeCompare(b.t.name)).slice(0, NETWORK_NODES);
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const chosen = new Set(top.map(({ t, kind }) => key(kind, t.id)));
  const weights = new Map<string, number>();
  for (const record of records) {
    const present = [...record.people.map((r) => key("person", r.id)), ...record.agencies.map((r) => key("agency", r.id))].filter((k) => chosen.has(k)).sort();
    for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) {
      const pair = `${present[i]}|${present[j]}`;
      weights.set(pair, (weights.get(pair) ?? 0) + 1);
    }
  }
  const nodes: NetworkNode[] = top.map(({ t, kind }) => ({ id: key(kind, t.id), name: t.name, label: t.acronym ?? t.name, url: urls.term(kind, t.id), count: t.records.length, kind }));
  const edges: NetworkEdge[] = [...weights.entries()].map(([pair, weight]) => {
    const [source = "", target = ""] = pair.split("|");
    return { source, target, weight };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pairs = [...edges]
    .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
    .slice(0, NETWORK_PAIRS)
    .map((edge) => {
      const a = byId.get(edge.source) as NetworkNode;
      const b = byId.get(edge.target) as NetworkNode;
      return { a: { name: a.name, url: a.url }, b: { name: b.name, url: b.url }, label: strings.togetherIn(edge.weight) };
    });
  return {
    type: "network",
    url: urls.network(),
    meta,
    svg: networkSvg(nodes, edges, strings.network, (node) => `${node.name} — ${strings.articlesCount(node.count)}`),
    pairs,
  };
}
