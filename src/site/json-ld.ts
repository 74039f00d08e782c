import type { ArticleRecord, EntityRef } from "../records/article.ts";
import type { KnowledgeBase } from "../records/knowledge.ts";

/**
 * schema.org NewsArticle for an article page: headline, date, publisher, and the people,
 * organisations and places it mentions, with `sameAs` when the knowledge base knows an
 * identifier (Wikidata, Wikipedia, an official site).
 */
export function newsArticleJsonLd(record: ArticleRecord, kb: KnowledgeBase, absolute: (path: string) => string, pageUrl: string, termUrl: (kind: "person" | "agency" | "place" | "topic" | "outlet", id: string) => string, lang: string): string {
  const thing = (type: string, kind: "person" | "agency" | "place" | "topic", ref: EntityRef) => {
    const entity = kind === "person" ? kb.people.get(ref.id) : kind === "agency" ? kb.agencies.get(ref.id) : undefined;
    const sameAs = [...(entity?.sameAs ?? []), ...(entity && "url" in entity && entity.url ? [entity.url] : [])];
    return { "@type": type, name: ref.name, url: absolute(termUrl(kind, ref.id)), ...(sameAs.length ? { sameAs } : {}) };
  };
  const outlet = record.outlet ? kb.outlets.get(record.outlet.id) : undefined;
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: record.title,
    ...(record.date ? { datePublished: record.date.value } : {}),
    inLanguage: lang,
    url: absolute(pageUrl),
    mainEntityOfPage: absolute(pageUrl),
    ...(record.url ? { isBasedOn: record.url } : {}),
    ...(record.summary ? { description: record.summary } : {}),
    ...(record.outlet
      ? { publisher: { "@type": "NewsMediaOrganization", name: record.outlet.name, ...(outlet?.url ? { url: outlet.url, sameAs: [outlet.url] } : {}) } }
      : {}),
    ...(record.topics.length ? { about: record.topics.map((ref) => ({ "@type": "Thing", name: ref.name, url: absolute(termUrl("topic", ref.id)) })) } : {}),
    mentions: [
      ...record.people.map((ref) => thing("Person", "person", ref)),
      ...record.agencies.map((ref) => thing("GovernmentOrganization", "agency", ref)),
      ...record.places.map((ref) => thing("Place", "place", ref)),
    ],
  };
  // "</script>" inside a string would end the element: escape "<".
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
