import type { AgencyRef, ArticleRecord, DateCandidate, DateValue, EntityRef, Suggestion } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { KnowledgeBase, Person } from "../model/knowledge.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import { markdownAsText } from "../text/markdown-text.ts";
import type { CompiledKnowledge } from "../extract/compile.ts";
import { certainCandidate, extractDate, inferDateCandidates, parseIsoLike } from "../extract/date.ts";
import { extractEntities, MAX_ENTITIES_PER_KIND, type ExtractedEntities } from "../extract/entities.ts";
import { extractOutlet, resolveOutlet } from "../extract/outlet.ts";
import { normalize, segmentPage } from "../extract/segment.ts";
import { extractTopics, resolveTags, type TagResolution } from "../extract/topics.ts";
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
  const articleText = [title ?? "", ...bodyText(page.body, doc.format), ...page.captions].join("\n");

  const date = fm.date
    ? frontMatterDate(fm.date, fm)
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
  const tags = pageTags(page, doc, compiled);
  const textTopics = mergeRefs(tags.topics, extractTopics(tokens, articleText, (title ?? "").length, compiled));
  const { people, agencies, places, topics } = withFrontMatterRefs(withTaggedEntities(found, tags.entities, textTopics), doc, fm, kb, diagnostics);

  const dateCandidates = date ? [] : undatedCandidates(doc, articleText, people, kb, options.today, diagnostics);
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
    suggestions: suggestionsLeft(found.suggestions, people, fm.remove),
    ...(fm.people ? { peopleFromFrontMatter: true as const } : {}),
    diagnostics,
  };
}

/** An article's people, agencies, places and topics. */
interface Refs {
  people: EntityRef[];
  agencies: AgencyRef[];
  places: EntityRef[];
  topics: EntityRef[];
}

const LIST_OF_KIND = { person: "people", agency: "agencies", place: "places", topic: "topics" } as const satisfies Record<RefKind, keyof Refs>;

/** The date front matter gives, as precise as it is written. */
function frontMatterDate(value: string, fm: FrontMatter): DateValue {
  return { ...(parseIsoLike(value) ?? { value, precision: "day" as const }), ...(fm.dateTime ? { dateTime: fm.dateTime } : {}), evidence: fm.date_evidence ?? "front matter", via: "front-matter" as const };
}

/** The page's own tags: its tag line names topics; its keywords <meta> (often SEO lists) only count where the base knows them. */
function pageTags(page: Page, doc: SourceDoc, compiled: CompiledKnowledge): { topics: EntityRef[]; entities: TagResolution["entities"] } {
  const tagLine = resolveTags(page.tags, compiled);
  const keywords = resolveTags(doc.meta.keywords ?? [], compiled, { knownOnly: true });
  return { topics: mergeRefs(tagLine.topics, keywords.topics), entities: [...tagLine.entities, ...keywords.entities] };
}

/** The entities the text names, then those the page's tags name. */
function withTaggedEntities(found: ExtractedEntities, tagged: TagResolution["entities"], topics: EntityRef[]): Refs {
  const refs: Refs = { people: found.people, agencies: found.agencies, places: found.places, topics };
  for (const entity of tagged) addRef(refs, entity.kind, { id: entity.id, name: entity.name, via: "text", mentions: [entity.tag] });
  return refs;
}

/** Front matter: a list replaces extraction; `add`, `tags` and `remove` adjust it. */
function withFrontMatterRefs(extracted: Refs, doc: SourceDoc, fm: FrontMatter, kb: KnowledgeBase, diagnostics: Diagnostic[]): Refs {
  const refs: Refs = {
    people: listFromFrontMatter(fm.people, "person", "people", doc, kb, diagnostics) ?? extracted.people,
    agencies: listFromFrontMatter(fm.agencies, "agency", "agencies", doc, kb, diagnostics) ?? extracted.agencies,
    places: listFromFrontMatter(fm.places, "place", "places", doc, kb, diagnostics) ?? extracted.places,
    topics: listFromFrontMatter(fm.topics, "topic", "topics", doc, kb, diagnostics) ?? extracted.topics,
  };
  for (const value of fm.add ?? []) {
    const kind = kindOf(value, kb);
    if (!kind) {
      diagnostics.push(unknownAddition(doc, value, kb));
      continue;
    }
    const { known: _known, ...ref } = resolveRef(value, kind, kb);
    addRef(refs, kind, ref);
  }
  // Terms of the site the article comes from: what the knowledge base knows them as, else topics.
  for (const value of fm.tags ?? []) {
    const kind = kindOf(value, kb) ?? "topic";
    const { known: _known, ...ref } = resolveRef(value, kind, kb);
    addRef(refs, kind, ref);
  }
  for (const value of fm.remove ?? []) {
    const kind = kindOf(value, kb);
    const id = kind ? resolveRef(value, kind, kb).id : slugify(value);
    const keep = (ref: EntityRef) => ref.id !== id && normalize(ref.name) !== normalize(value);
    [refs.people, refs.agencies, refs.places, refs.topics] = [refs.people.filter(keep), refs.agencies.filter(keep), refs.places.filter(keep), refs.topics.filter(keep)];
  }
  return refs;
}

/** A front-matter list, resolved against the knowledge base; a value it does not know is kept, with a warning. */
function listFromFrontMatter(values: string[] | undefined, kind: RefKind, field: keyof FrontMatter, doc: SourceDoc, kb: KnowledgeBase, diagnostics: Diagnostic[]): EntityRef[] | undefined {
  return values?.map((value) => {
    const ref = resolveRef(value, kind, kb);
    if (!ref.known) diagnostics.push(unknownRef(doc, field, value, kind, kb));
    const { known: _known, ...entity } = ref;
    return entity;
  });
}

function addRef(refs: Refs, kind: RefKind, ref: AgencyRef): void {
  const list = LIST_OF_KIND[kind];
  refs[list] = mergeRefs<AgencyRef>(refs[list], [ref]);
}

/** An article with no date: the dates its text and its known people make likely, named in a warning. */
function undatedCandidates(doc: SourceDoc, articleText: string, people: readonly EntityRef[], kb: KnowledgeBase, today: Date, diagnostics: Diagnostic[]): DateCandidate[] {
  const candidates = inferDateCandidates(articleText, people.map((ref) => kb.people.get(ref.id)).filter((p): p is Person => Boolean(p)), today);
  const certain = certainCandidate(candidates);
  diagnostics.push({
    file: doc.path,
    rule: "date-missing",
    severity: "warning",
    ...described("date-missing", { candidates: candidates.map((c) => c.value), certain: certain ? 1 : 0, evidence: candidates[0]?.evidence ?? "" }),
  });
  return candidates;
}

/** A name the front matter lists is no suggestion unless published; one it removes is not one to suggest for this article either (nor for archive memory to add back). */
function suggestionsLeft(suggestions: readonly Suggestion[], people: readonly EntityRef[], remove: readonly string[] | undefined): Suggestion[] {
  const removed = new Set((remove ?? []).map(normalize));
  return suggestions.filter((s) => (!people.some((p) => p.name === s.name) || s.published) && !removed.has(normalize(s.name)));
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
    // Blocks keep their indentation: it is Markdown's (a list inside a list item, a code block).
    const body = (heading ? lines.slice(1) : lines).join("\n").replace(/^(?:[ \t]*\n)+/, "").trimEnd();
    return {
      title: heading?.[1]?.trim() ?? null,
      body: body ? body.split(/\n(?:[ \t]*\n)+/).map((p) => p.trimEnd()).filter(Boolean) : [],
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

/**
 * The body as extraction reads it: a Markdown body's lines as their words (a link as its text,
 * not its address, where `M%C3%A9moire` would pass for a name), line by line as segmentation
 * reads a page; other readers' bodies are text already.
 */
function bodyText(body: readonly string[], format: SourceDoc["format"]): readonly string[] {
  return format === "markdown" ? body.map((paragraph) => paragraph.split("\n").map(markdownAsText).join("\n")) : body;
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
