import type { ArticleRecord, EntityRef } from "../model/article.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { safeHttpUrl } from "../text/safe-url.ts";

/**
 * schema.org NewsArticle for an article page: headline, date, publisher, and the people,
 * organisations and places it mentions, with `sameAs` when the knowledge base knows an
 * identifier (Wikidata, Wikipedia, an official site).
 */
export function newsArticleJsonLd(record: ArticleRecord, kb: KnowledgeBase, absolute: (path: string) => string, pageUrl: string, termUrl: (kind: "person" | "agency" | "place" | "topic" | "outlet", id: string) => string, lang: string): string {
  const thing = (type: string, kind: "person" | "agency" | "place" | "topic", ref: EntityRef) => {
    const entity = kind === "person" ? kb.people.get(ref.id) : kind === "agency" ? kb.agencies.get(ref.id) : undefined;
    const sameAs = httpUrls([...(entity?.sameAs ?? []), ...(entity && "url" in entity && entity.url ? [entity.url] : [])]);
    return { "@type": type, name: ref.name, url: absolute(termUrl(kind, ref.id)), ...(sameAs.length ? { sameAs } : {}) };
  };
  const outlet = record.outlet ? kb.outlets.get(record.outlet.id) : undefined;
  const outletUrl = safeHttpUrl(outlet?.url);
  const sourceUrl = safeHttpUrl(record.url);
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: record.title,
    ...(record.date ? { datePublished: record.date.dateTime ?? record.date.value } : {}),
    ...(record.dateModified ? { dateModified: record.dateModified } : {}),
    inLanguage: lang,
    url: absolute(pageUrl),
    mainEntityOfPage: absolute(pageUrl),
    ...(sourceUrl ? { isBasedOn: sourceUrl } : {}),
    ...(record.summary ? { description: record.summary } : {}),
    ...(record.image ? { image: /^https?:\/\//i.test(record.image.url) ? record.image.url : absolute(record.image.url) } : {}),
    ...(record.outlet
      ? { publisher: { "@type": "NewsMediaOrganization", name: record.outlet.name, ...(outletUrl ? { url: outletUrl, sameAs: [outletUrl] } : {}) } }
      : {}),
    ...(record.topics.length ? { about: record.topics.map((ref) => ({ "@type": "Thing", name: ref.name, url: absolute(termUrl("topic", ref.id)) })) } : {}),
    mentions: [
      ...record.people.map((ref) => thing("Person", "person", ref)),
      ...record.agencies.map((ref) => thing("GovernmentOrganization", "agency", ref)),
      ...record.places.map((ref) => thing("Place", "place", ref)),
    ],
  };
  return scriptSafeJson(data);
}

/**
 * JSON to print inside `<script type="application/ld+json">`: "</script>" or "<!--" inside a
 * string would end the element or change how the HTML parser reads it, so "<" is written
 * as \u003c (">" and "&" too, for parsers that look for "-->" or entities); JSON readers
 * give the same text back.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&]/g, (character) => `\\u00${character.charCodeAt(0).toString(16)}`);
}

/** Addresses the page links to: the knowledge base's schema asks for http(s); published, they are checked. */
function httpUrls(values: readonly string[]): string[] {
  return values.flatMap((value) => safeHttpUrl(value) ?? []);
}
