import type { Archive } from "../pipeline/build-archive.ts";
import { urls, type TermKind } from "../model/urls.ts";
import { TERM_KINDS } from "./term-index.ts";
import { contentSecurityPolicy, headersFile } from "./security.ts";
import { STRINGS, type Strings } from "./strings.ts";
import type { DataFile } from "./open-data.ts";
import { memoVersion, recordCards, referencesMemo, relatedOf, made, type Planned, type SiteMemo } from "./planning.ts";
import { articlePages, type ArticlePage } from "./pages/article.ts";
import { archivePages, type ArchiveIndexPage, type ArchivePage } from "./pages/archive.ts";
import { dataFiles, dataPage, type DataPage } from "./pages/data.ts";
import { feedView, latestTime, type FeedView } from "./pages/feed.ts";
import { homePage, type HomePage } from "./pages/home.ts";
import { networkPage, type NetworkPage } from "./pages/network.ts";
import { NOT_FOUND_URL, notFoundPage, type SimplePage } from "./pages/not-found.ts";
import { redirectPages, type RedirectPage } from "./pages/redirect.ts";
import { searchPage, type SearchPage } from "./pages/search.ts";
import type { CountedLink, Link, PageContext, PageMeta } from "./pages/shared.ts";
import { shownDigests, termPlans, termsOf, type TermPage } from "./pages/term.ts";
import { termIndexPage, type TermIndexPage } from "./pages/term-index.ts";

/**
 * Archive → view models. Every value a template prints is ready here: URLs, display dates,
 * labels, pagination, prebuilt SVG and JSON-LD. Templates only loop and format. Indexes
 * are computed once, so no page's cost grows with the archive. Each page type is planned
 * in a module of its own (./pages/), digests and what a rebuild keeps in ./planning.ts.
 */
export type { ArticleCard, CountedLink, Link, PageMeta } from "./pages/shared.ts";
export type { ArticlePage } from "./pages/article.ts";
export type { ArchiveIndexPage, ArchivePage } from "./pages/archive.ts";
export type { DataPage } from "./pages/data.ts";
export type { FeedView } from "./pages/feed.ts";
export { atomDate, buildDay, latestTime } from "./pages/feed.ts";
export type { HomePage } from "./pages/home.ts";
export type { NetworkPage } from "./pages/network.ts";
export type { SimplePage } from "./pages/not-found.ts";
export type { RedirectPage } from "./pages/redirect.ts";
export type { SearchPage } from "./pages/search.ts";
export type { TermPage } from "./pages/term.ts";
export type { TermIndexPage } from "./pages/term-index.ts";
export type { Planned, SiteMemo } from "./planning.ts";

export type PageView = ArticlePage | TermPage | TermIndexPage | ArchiveIndexPage | ArchivePage | HomePage | NetworkPage | SearchPage | DataPage | SimplePage | RedirectPage;

/** What every page prints: settings, strings, navigation, links, security headers. */
export interface SiteShared {
  config: Archive["config"];
  strings: Strings;
  nav: Link[];
  links: { search: string; feed: string; data: string; network: string; archives: string };
  /** Content-Security-Policy for the <meta>, and the `_headers` file for hosts that read one. */
  security: { csp: string; headers: string };
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
 * What the templates get for one render run: what every page shows, and the files this run
 * writes (everything, what a rebuild changed, or one run of a large build). Never the whole
 * archive's lists: Eleventy's data cascade would walk them for every page.
 */
export type RenderData = SiteShared & { sitemap: string[]; render: RenderLists };

export function renderData(site: SitePlan, render: RenderPlans = site): RenderData {
  const { pages: _pages, feeds: _feeds, files: _files, ...shared } = site;
  const make = <T>(list: readonly Planned<T>[]) => list.map((planned) => planned.make());
  return { ...shared, render: { pages: make(render.pages), feeds: make(render.feeds), files: make(render.files) } };
}

const RELATED = 5;
const SITE_FEED_ENTRIES = 50;

/** Every file of the site, planned (`SitePlan`); `memo` keeps from one build to the next what planning may. */
export function planSite(archive: Archive, memo?: SiteMemo): SitePlan {
  const { config, records } = archive;
  const strings = STRINGS[config.lang];
  const lang = config.lang;
  const absolute = (path: string) => `${config.baseUrl}${config.pathPrefix.replace(/\/$/, "")}${path}`;
  const meta = (url: string, title: string, description = config.description, feed?: PageMeta["feed"]): PageMeta => ({
    title,
    description,
    canonical: absolute(url),
    ...(feed ? { feed } : {}),
    ogType: "website",
  });
  const version = memoVersion(lang, absolute("/"));
  const { card, digestsOf } = recordCards(archive, strings, absolute, version, memo);
  const context: PageContext = { archive, config, lang, strings, absolute, meta, card };
  const references = referencesMemo(records, version, memo);
  const terms = termsOf(references, records);
  const archiveUpdated = latestTime(records);

  const articles = articlePages(context, relatedOf(records, references.index.signature, RELATED, memo));
  const redirects = redirectPages(context);
  const shownAt = shownDigests(context, references, terms);
  const termPages: Planned<PageView>[] = [];
  const feeds: Planned<FeedView>[] = [made(feedView(context, { url: urls.feed(), title: config.title, alternate: urls.home(), list: records, limit: SITE_FEED_ENTRIES, archiveUpdated }))];
  const counted = {} as Record<TermKind, CountedLink[]>;
  for (const kind of TERM_KINDS) {
    const plans = termPlans(context, kind, references, terms, shownAt, archiveUpdated);
    termPages.push(...plans.pages, termIndexPage(context, kind, plans.counted));
    feeds.push(...plans.feeds);
    counted[kind] = plans.counted;
  }
  const pages: Planned<PageView>[] = [
    homePage(context, counted),
    ...articles,
    ...redirects,
    ...termPages,
    ...archivePages(context),
    networkPage(context, references),
    searchPage(context),
    dataPage(context),
    notFoundPage(context),
  ];
  const redirectUrls = new Set(redirects.map((page) => page.url));

  return {
    config,
    strings,
    nav: [
      { name: strings.home, url: urls.home() },
      { name: strings.articles, url: urls.allArticles() },
      { name: strings.people, url: urls.termIndex("person") },
      { name: strings.agencies, url: urls.termIndex("agency") },
      { name: strings.topics, url: urls.termIndex("topic") },
      { name: strings.places, url: urls.termIndex("place") },
      { name: strings.outlets, url: urls.termIndex("outlet") },
      { name: strings.archives, url: urls.archives() },
      { name: strings.network, url: urls.network() },
    ],
    links: { search: urls.search(), feed: urls.feed(), data: urls.data(), network: urls.network(), archives: urls.archives() },
    security: { csp: contentSecurityPolicy(), headers: headersFile() },
    pages,
    feeds,
    files: dataFiles(context, digestsOf),
    sitemap: pages.filter((page) => page.url !== NOT_FOUND_URL && !redirectUrls.has(page.url)).map((page) => absolute(page.url)),
  };
}
