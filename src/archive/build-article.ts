import type { AgencyRef, ArticleRecord, EntityRef, Suggestion } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { KnowledgeBase, Person } from "../model/knowledge.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import type { CompiledKnowledge } from "../extract/compile.ts";
import { certainCandidate, extractDate, inferDateCandidates, parseIsoLike } from "../extract/date.ts";
import { extractEntities, MAX_ENTITIES_PER_KIND } from "../extract/entities.ts";
import { extractOutlet, resolveOutlet } from "../extract/outlet.ts";
import { normalize, segmentPage } from "../extract/segment.ts";
import { extractTopics, resolveTags } from "../extract/topics.ts";
import { slugify } from "../text/slug.ts";
import { safeHttpUrl } from "../text/safe-url.ts";
import { tokenize } from "../text/tokenize.ts";
import { addressOf } from "./article-address.ts";
import { validateFrontMatter, type FrontMatter } from "./front-matter.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { SOURCE_LIMITS } from "../ingest/source-limits.ts";
import { kindOf, kindOfNewName, resolveRef, suggestNames, type RefKind } from "./resolve-refs.ts";
import { described } from "../messages/diagnostics.ts";

export interface BuildArticleOptions {
  /** The page's address when the source does not give it (import, the scorer's manifest). */
  url?: string | undefined;
  /** The archive's own country, last word for shared names. */
  homeCountry?: string | undefined;
  /** Today, for date candidates (never read from the clock inside extraction). */
  today: Date;
  /** Render the body to HTML (the site needs it; extraction alone does not). Default true. */
  render?: boolean;
}

const SUMMARY_LENGTH = 280;

/**
 * SourceDoc + knowledge base → ArticleRecord. Front matter always wins; extraction fills
 * what it lacks. Problems become diagnostics on the record, never exceptions.
 */
export function buildArticle(doc: SourceDoc, compiled: CompiledKnowledge, options: BuildArticleOptions): ArticleRecord {
  const { kb } = compiled;
  const { frontMatter: fm, diagnostics } = validateFrontMatter(doc, options.today);
  // Front matter's address is checked with its diagnostics; the readers' and the caller's pass the same gate.
  const url = fm.url ?? safeHttpUrl(doc.meta.url) ?? safeHttpUrl(options.url);

  const page = pageOf(doc, compiled, fm, url);
  const title = fm.title ?? page.title;
  const articleText = [title ?? "", ...page.body, ...page.captions].join("\n");

  const date = fm.date
    ? { ...(parseIsoLike(fm.date) ?? { value: fm.date, precision: "day" as const }), ...(fm.dateTime ? { dateTime: fm.dateTime } : {}), evidence: fm.date_evidence ?? "front matter", via: "front-matter" as const }
    : extractDate({ meta: doc.meta.published, metaField: doc.meta.evidence["published"], captured: page.capturedDate, datelines: page.datelines, url, text: articleText, today: options.today });

  const outlet = fm.outlet
    ? resolveOutletRef(doc, fm.outlet, kb, diagnostics)
    : extractOutlet({ url, siteName: doc.meta.siteName, cues: [...page.bylines, ...page.furniture] }, kb);

  const tokens = tokenize(articleText);
  const found = extractEntities(articleText, compiled, {
    tokens,
    ...(options.homeCountry ? { homeCountry: options.homeCountry } : {}),
    ...(outlet && kb.outlets.get(outlet.id)?.country ? { outletCountry: kb.outlets.get(outlet.id)?.country as string } : {}),
    ignore: [...page.bylines, ...(fm.authors ?? []), ...(doc.meta.author ? [doc.meta.author] : [])],
  });
  for (const kind of found.capped) {
    diagnostics.push({ file: doc.path, rule: "too-many-entities", severity: "warning", ...described("too-many-entities", { max: MAX_ENTITIES_PER_KIND, kind }) });
  }
  // A page's tag line names topics; its keywords <meta> (often SEO lists) only count where the base knows them.
  const tagLine = resolveTags(page.tags, compiled);
  const keywords = resolveTags(doc.meta.keywords ?? [], compiled, { knownOnly: true });
  const tags = { topics: mergeRefs(tagLine.topics, keywords.topics), entities: [...tagLine.entities, ...keywords.entities] };
  let topics = mergeRefs(tags.topics, extractTopics(tokens, articleText, (title ?? "").length, compiled));
  let people: EntityRef[] = found.people;
  let agencies: AgencyRef[] = found.agencies;
  let places: EntityRef[] = found.places;
  for (const tagged of tags.entities) {
    const ref = { id: tagged.id, name: tagged.name, via: "text" as const, mentions: [tagged.tag] };
    if (tagged.kind === "person") people = mergeRefs(people, [ref]);
    else if (tagged.kind === "agency") agencies = mergeRefs(agencies, [ref]);
    else places = mergeRefs(places, [ref]);
  }

  // Front matter: a list replaces extraction; `add` and `remove` adjust it.
  const fromFrontMatter = (values: string[] | undefined, kind: RefKind, field: keyof FrontMatter): EntityRef[] | undefined =>
    values?.map((value) => {
      const ref = resolveRef(value, kind, kb);
      if (!ref.known) diagnostics.push(unknownRef(doc, field, value, kind, kb));
      const { known: _known, ...entity } = ref;
      return entity;
    });
  people = fromFrontMatter(fm.people, "person", "people") ?? people;
  agencies = fromFrontMatter(fm.agencies, "agency", "agencies") ?? agencies;
  places = fromFrontMatter(fm.places, "place", "places") ?? places;
  topics = fromFrontMatter(fm.topics, "topic", "topics") ?? topics;
  for (const value of fm.add ?? []) {
    const kind = kindOf(value, kb);
    if (!kind) {
      diagnostics.push(unknownAddition(doc, value, kb));
      continue;
    }
    const { known: _known, ...ref } = resolveRef(value, kind, kb);
    if (kind === "person") people = mergeRefs(people, [ref]);
    else if (kind === "agency") agencies = mergeRefs(agencies, [ref]);
    else if (kind === "place") places = mergeRefs(places, [ref]);
    else topics = mergeRefs(topics, [ref]);
  }
  // Terms of the site the article comes from: what the knowledge base knows them as, else topics.
  for (const value of fm.tags ?? []) {
    const kind = kindOf(value, kb) ?? "topic";
    const { known: _known, ...ref } = resolveRef(value, kind, kb);
    if (kind === "person") people = mergeRefs(people, [ref]);
    else if (kind === "agency") agencies = mergeRefs(agencies, [ref]);
    else if (kind === "place") places = mergeRefs(places, [ref]);
    else topics = mergeRefs(topics, [ref]);
  }
  for (const value of fm.remove ?? []) {
    const kind = kindOf(value, kb);
    const id = kind ? resolveRef(value, kind, kb).id : slugify(value);
    const keep = (ref: EntityRef) => ref.id !== id && normalize(ref.name) !== normalize(value);
    [people, agencies, places, topics] = [people.filter(keep), agencies.filter(keep), places.filter(keep), topics.filter(keep)];
  }

  const removed = new Set((fm.remove ?? []).map(normalize));
  const dateCandidates = date
    ? []
    : inferDateCandidates(articleText, people.map((ref) => kb.people.get(ref.id)).filter((p): p is Person => Boolean(p)), options.today);
  if (!date) {
    const certain = certainCandidate(dateCandidates);
    diagnostics.push({
      file: doc.path,
      rule: "date-missing",
      severity: "warning",
      ...described("date-missing", { candidates: dateCandidates.map((c) => c.value), certain: certain ? 1 : 0, evidence: dateCandidates[0]?.evidence ?? "" }),
    });
  }
  if (!title) diagnostics.push({ file: doc.path, line: 1, rule: "title-missing", severity: "error", ...described("title-missing", {}) });

  const body = (page.bodyMarkdown ?? page.body).join("\n\n");
  const placed = addressOf(doc.path, { slug: fm.slug, permalink: fm.permalink, lines: doc.frontMatterLines });
  diagnostics.push(...placed.diagnostics);
  return {
    id: placed.address.slug,
    address: placed.address,
    sourcePath: doc.path,
    format: doc.format,
    title,
    date,
    dateCandidates,
    outlet,
    url,
    people,
    agencies,
    places,
    topics,
    summary: fm.summary ?? summarize(page.body, doc.format === "text"),
    body,
    html: options.render === false ? "" : renderMarkdown(body),
    draft: fm.draft === true,
    ...(fm.authors ? { authors: fm.authors } : {}),
    ...(fm.modified ? { dateModified: fm.modified } : {}),
    ...(fm.image ? { image: fm.image } : {}),
    ...(fm.permalink ? { permalink: fm.permalink } : {}),
    ...(fm.aliases ? { aliases: fm.aliases } : {}),
    // A name the front matter removes is not one to suggest for this article either (nor for archive memory to add back).
    suggestions: found.suggestions.filter((s: Suggestion) => (!people.some((p) => p.name === s.name) || s.published) && !removed.has(normalize(s.name))),
    ...(fm.people ? { peopleFromFrontMatter: true as const } : {}),
    diagnostics,
  };
}

interface Page {
  title: string | null;
  body: string[];
  /** A segmented page's body as Markdown (its `body` is then text); Markdown sources' `body` is Markdown already. */
  bodyMarkdown?: string[];
  captions: string[];
  tags: string[];
  bylines: string[];
  furniture: string[];
  datelines: string[];
  capturedDate: string | null;
}

/** Markdown written by editors is the article; captures and saved pages are segmented first. */
function pageOf(doc: SourceDoc, compiled: CompiledKnowledge, fm: FrontMatter, url: string | null): Page {
  if (doc.format === "markdown") {
    const lines = doc.text.replace(/^\s+/, "").split("\n");
    const heading = /^#\s+(.+)$/.exec(lines[0] ?? "");
    const body = (heading ? lines.slice(1) : lines).join("\n").trim();
    return {
      title: heading?.[1]?.trim() ?? null,
      body: body ? body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean) : [],
      captions: [],
      tags: [],
      bylines: [],
      furniture: [],
      datelines: [],
      capturedDate: null,
    };
  }
  const slugWords = url ? slugWordsOf(url) : undefined;
  return segmentPage(doc.text, compiled.kb.rules, { knownTitle: fm.title ?? doc.meta.title ?? null, syntax: doc.format === "html" ? "markdown" : "text", ...(slugWords ? { slugWords } : {}) });
}

function slugWordsOf(url: string): string[] | undefined {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? "";
    const words = last.replace(/\.[a-z0-9]+$/i, "").split(/[-_]+/).filter((word) => /^[a-z]+$/i.test(word) && word.length > 1);
    return words.length >= 3 ? words.map((w) => w.toLowerCase()) : undefined;
  } catch {
    return undefined;
  }
}

function mergeRefs<T extends EntityRef>(first: readonly T[], second: readonly T[]): T[] {
  const out = [...first];
  for (const ref of second) if (!out.some((r) => r.id === ref.id)) out.push(ref);
  return out;
}

/** The first real paragraph, cut; `body` is a raw capture's text, kept as written, or Markdown-ish lines whose markers are dropped. */
function summarize(body: readonly string[], isText = false): string {
  // A paragraph too long for Markdown is shown as text (./render-markdown.ts); its start is all a summary needs, and link removal grows with the square of its length.
  const first = (body.find((paragraph) => paragraph.length > 40 && !/^#/.test(paragraph)) ?? body[0] ?? "").slice(0, SOURCE_LIMITS.inlineChars);
  const plain = isText ? first.trim() : first.replace(/[*_`>#]/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim();
  if (plain.length <= SUMMARY_LENGTH) return plain;
  const cut = plain.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUMMARY_LENGTH - 40))}…`;
}

/** A front-matter value the knowledge base does not know: the article is still tagged with it; the names it may have meant are suggested. */
function unknownRef(doc: SourceDoc, field: keyof FrontMatter, value: string, kind: RefKind, kb: KnowledgeBase): Diagnostic {
  return {
    file: doc.path,
    line: doc.frontMatterLines[field] ?? 1,
    rule: "unknown-reference",
    severity: "warning",
    ...described("unknown-reference", { field, value, kind, file: slugify(value), suggestions: suggestNames(value, kind, kb) }),
  };
}

/** An `add:` entry the knowledge base does not know, of no known kind: the file to add is of the kind its name suggests. */
function unknownAddition(doc: SourceDoc, value: string, kb: KnowledgeBase): Diagnostic {
  return {
    file: doc.path,
    line: doc.frontMatterLines["add"] ?? 1,
    rule: "unknown-reference",
    severity: "warning",
    ...described("unknown-reference-add", { value, kind: kindOfNewName(value, kb), file: slugify(value), suggestions: suggestNames(value, "any", kb) }),
  };
}

/** The outlet front matter names; one the knowledge base does not know still labels the article, with a warning. */
function resolveOutletRef(doc: SourceDoc, value: string, kb: KnowledgeBase, diagnostics: Diagnostic[]): EntityRef {
  const outlet = resolveOutlet(value, kb);
  if (!kb.outlets.has(outlet.id)) {
    diagnostics.push({
      file: doc.path,
      line: doc.frontMatterLines["outlet"] ?? 1,
      rule: "unknown-reference",
      severity: "warning",
      ...described("unknown-reference", { field: "outlet", value, kind: "outlet", file: slugify(value), suggestions: suggestNames(value, "outlet", kb) }),
    });
  }
  return outlet;
}
