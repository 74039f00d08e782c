import type { ArticleRecord, EntityRef } from "../../model/article.ts";
import { urls, type TermKind } from "../../model/urls.ts";
import { digestOf, ownDigest } from "../digest.ts";
import { formatDate, formatMonth } from "../format.ts";
import { companionsSvg } from "../network.ts";
import { pager, type PagerView } from "../pager.ts";
import type { Planned, ReferencesMemo } from "../planning.ts";
import type { Strings } from "../strings.ts";
import { compareNames, companionsOf, type TermEntry } from "../term-index.ts";
import { coverageSeries, timelineSvg } from "../timeline.ts";
import { feedView, type FeedView } from "./feed.ts";
import { kindLabels, type ArticleCard, type CountedLink, type PageBase, type PageContext } from "./shared.ts";

export interface TermPage extends PageBase {
  type: "term";
  kind: TermKind;
  kindLabel: string;
  id: string;
  name: string;
  description: string | null;
  roles: { title: string; period: string }[];
  totalLabel: string;
  /** What the list of articles is: published by an outlet, or mentioning the term. */
  articlesHeading: string;
  page: number;
  articles: ArticleCard[];
  pager: PagerView | null;
  timeline: string;
  alongside: CountedLink[];
  /** An actor's page: the drawing of the actors most often named with it (prebuilt SVG), else empty. */
  companions: string;
  outlets: CountedLink[];
  feedUrl: string | null;
}

/** A term with its articles (newest first), for this build's records. */
export interface Term extends TermEntry {
  records: ArticleRecord[];
}

export type Terms = Map<TermKind, Map<string, Term>>;

const FEED_ENTRIES = 20;
const ALONGSIDE = 10;
const FEED_KINDS: ReadonlySet<TermKind> = new Set(["person", "agency", "topic"]);

/** The terms of the references' index, each with this build's records. */
export function termsOf(references: ReferencesMemo, records: readonly ArticleRecord[]): Terms {
  return new Map(
    [...references.index.terms].map(([kind, byId]) => [kind, new Map([...byId].map(([id, entry]) => [id, { ...entry, records: entry.positions.map((position) => records[position] as ArticleRecord) }]))]),
  );
}

/**
 * The digest of what a term page shows of each record, by the record's place in the archive:
 * its card, its actors' names, its outlet. The names are the same as long as the references
 * are (`references.index`), so only the records whose card changed are hashed again.
 */
export function shownDigests(context: PageContext, references: ReferencesMemo, terms: Terms): (position: number) => string {
  const { records } = context.archive;
  const { shown } = references;
  const digests: (string | undefined)[] = [];
  return (position) => {
    let digest = digests[position];
    if (digest === undefined) {
      const record = records[position] as ArticleRecord;
      const cardDigest = ownDigest(context.card(record));
      if (shown.cards[position] === cardDigest) digest = shown.digests[position] as string;
      else {
        const named = (kind: TermKind, refs: readonly EntityRef[]) => refs.map((ref) => [ref.id, terms.get(kind)?.get(ref.id)?.name]);
        digest = digestOf([cardDigest, named("person", record.people), named("agency", record.agencies), record.outlet ? [record.outlet.id, record.outlet.name] : null]);
        shown.cards[position] = cardDigest;
        shown.digests[position] = digest;
      }
      digests[position] = digest;
    }
    return digest;
  };
}

/** What the terms of a kind give: their pages and feeds, and a link to each with its count of articles. */
export interface KindPlans {
  pages: Planned<TermPage>[];
  feeds: Planned<FeedView>[];
  counted: CountedLink[];
}

/**
 * Actor, topic, place and outlet pages, paginated, with their timeline, company and feed.
 * Their digests are made of the term's and of what each article shows there (card, actors
 * with their names, outlet: `shownAt`).
 */
export function termPlans(context: PageContext, kind: TermKind, references: ReferencesMemo, terms: Terms, shownAt: (position: number) => string, archiveUpdated: string | undefined): KindPlans {
  const { config, strings, lang, meta, card } = context;
  const { index } = references;
  const labels = kindLabels(strings);
  const plans: KindPlans = { pages: [], feeds: [], counted: [] };
  for (const term of terms.get(kind)?.values() ?? []) {
    const total = term.records.length;
    const pageCount = Math.max(1, Math.ceil(total / config.perPage));
    const details = describe(kind, term.id, context);
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
      companions: companionsSvg(index, kind, term, strings),
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
          meta: meta(url, title, details.description ?? strings.termDescription(labels[kind][0], term.name, strings.articlesCount(total)), feedUrl ? { url: feedUrl, title: strings.feedOf(term.name) } : undefined),
          kind,
          kindLabel: labels[kind][0],
          id: term.id,
          name: term.name,
          description: details.description,
          roles: details.roles,
          totalLabel: strings.articlesCount(total),
          articlesHeading: articlesHeading(kind, term.name, strings),
          page,
          articles: onPage.map(card),
          pager: pageCount > 1 ? pager((n) => urls.term(kind, term.id, n), page, pageCount) : null,
          ...(page === 1 ? firstPage() : { timeline: "", alongside: [], companions: "", outlets: [] }),
          feedUrl,
        };
      };
      const digest = page === 1 ? digestOf([termDigest, page]) : digestOf([header, page, shown.slice((page - 1) * config.perPage, page * config.perPage)]);
      plans.pages.push({ url, digest, make: view });
    }
    if (feedUrl) {
      plans.feeds.push({
        url: feedUrl,
        digest: digestOf([termDigest, "feed", term.records.slice(0, FEED_ENTRIES).map((r) => r.dateModified ?? null), archiveUpdated ?? null]),
        make: () => feedView(context, { url: feedUrl, title: `${term.name} · ${config.title}`, alternate: urls.term(kind, term.id), list: term.records, limit: FEED_ENTRIES, archiveUpdated }),
      });
    }
    plans.counted.push({ name: term.name, url: urls.term(kind, term.id), count: total });
  }
  return plans;
}

function countBy(items: readonly { id: string; name: string }[], urlOf: (id: string) => string): CountedLink[] {
  const counts = new Map<string, CountedLink>();
  for (const item of items) {
    const link = counts.get(item.id) ?? { name: item.name, url: urlOf(item.id), count: 0 };
    link.count++;
    counts.set(item.id, link);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}

function describe(kind: TermKind, id: string, context: PageContext): { description: string | null; roles: TermPage["roles"] } {
  const { kb } = context.archive;
  const entity = kind === "person" ? kb.people.get(id) : kind === "agency" ? kb.agencies.get(id) : kind === "topic" ? kb.topics.get(id) : kind === "outlet" ? kb.outlets.get(id) : undefined;
  const description = entity && "description" in entity && entity.description ? entity.description : null;
  const roles = kind === "person" ? (kb.people.get(id)?.roles ?? []).map((role) => ({ title: role.title, period: period(role.from, role.to, context.lang, context.strings) })) : [];
  return { description, roles };
}

function period(from: string | undefined, to: string | undefined, lang: "fr" | "en", strings: Strings): string {
  const show = (value: string) => formatDate({ value, precision: value.length === 4 ? "year" : value.length === 7 ? "month" : "day" }, lang);
  if (from && to) return `${show(from)} – ${show(to)}`;
  if (from) return `${strings.since} ${show(from)}`;
  if (to) return `${strings.until} ${show(to)}`;
  return "";
}

function articlesHeading(kind: TermKind, name: string, strings: Strings): string {
  switch (kind) {
    case "person":
      return strings.articlesAboutPerson;
    case "agency":
      return strings.articlesAboutAgency;
    case "topic":
      return strings.articlesAboutTopic;
    case "place":
      return strings.articlesAboutPlace;
    case "outlet":
      return strings.articlesPublishedBy(name);
  }
}
