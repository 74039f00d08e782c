import type { ArticleRecord, EntityRef } from "../../model/article.ts";
import { urls, type TermKind } from "../../model/urls.ts";
import { digestOf, ownDigest } from "../digest.ts";
import { newsArticleJsonLd } from "../json-ld.ts";
import { linkFirstMentions } from "../link-mentions.ts";
import { made, type Planned } from "../planning.ts";
import type { ArticleCard, Link, PageBase, PageContext, PageMeta } from "./shared.ts";

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
  /** A draft's preview, which only the dev server makes (src/site/draft-pages.ts). */
  draft?: true;
}

/**
 * Every article's page. With the digest of what its record was made from (the source, the
 * knowledge base, the code), an article page's digest needs neither its body nor its JSON-LD.
 */
export function articlePages(context: PageContext, related: ReadonlyMap<string, readonly ArticleRecord[]>): Planned<ArticlePage>[] {
  const { archive, config, strings, lang, absolute, meta, card } = context;
  return archive.records.map((record) => {
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
        meta: articleMeta(record, meta(url, record.title ?? strings.undated, record.summary || config.description), absolute),
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
        jsonLd: () => newsArticleJsonLd(record, archive.kb, absolute, url, urls.term, lang),
      });
    };
    const madeFrom = archive.digests.get(record.id);
    return madeFrom ? { url, digest: digestOf(["article", madeFrom, relatedCards.map(ownDigest)]), make: view } : made(view());
  });
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

/** Open Graph's article fields: its type, lead image (absolute) and dates. */
function articleMeta(record: ArticleRecord, base: PageMeta, absolute: (path: string) => string): PageMeta {
  const image = record.image ? { url: /^https?:\/\//i.test(record.image.url) ? record.image.url : absolute(record.image.url), alt: record.image.alt ?? null } : undefined;
  return {
    ...base,
    ogType: "article",
    ...(image ? { image } : {}),
    // ISO 8601 as precise as the source is (a day, a month), never a made-up midnight.
    ...(record.date ? { publishedTime: record.date.dateTime ?? record.date.value } : {}),
    ...(record.dateModified ? { modifiedTime: record.dateModified } : {}),
  };
}
