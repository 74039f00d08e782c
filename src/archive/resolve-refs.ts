import type { EntityRef } from "../model/article.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { editDistance } from "../model/schemas/validate.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";
import { tokenize } from "../text/tokenize.ts";

export type RefKind = "person" | "agency" | "place" | "topic";

/**
 * Resolves what an editor writes in front matter (an id, a name, an alias, an acronym) to
 * the knowledge base. An unknown value still tags the article, as a taxonomy term would;
 * `npm run check` warns about it.
 */
export function resolveRef(value: string, kind: RefKind, kb: KnowledgeBase): (EntityRef & { acronym?: string }) & { known: boolean } {
  const table = tableOf(kind, kb);
  const byId = table.get(value);
  const entity = byId ?? findByName(value, kind, kb);
  if (entity) {
    const acronym = "acronym" in entity && typeof entity.acronym === "string" ? { acronym: entity.acronym } : {};
    return { id: entity.id, name: entity.name, via: "front-matter", mentions: [], ...acronym, known: true };
  }
  return { id: slugify(value), name: value, via: "front-matter", mentions: [], known: false };
}

/** Which kind of entity a bare value in `add:`/`remove:` names: the first table that knows it. */
export function kindOf(value: string, kb: KnowledgeBase): RefKind | undefined {
  for (const kind of ["person", "agency", "place", "topic"] as const) {
    if (tableOf(kind, kb).has(value) || findByName(value, kind, kb)) return kind;
  }
  return undefined;
}

type Named = { id: string; name: string; aliases?: readonly string[]; acronym?: string; domains?: readonly string[] };

/**
 * The kind of entity a name the knowledge base lacks most likely is, for the file an editor
 * should add: an acronym ("DGSN") or a name starting with an institution's head noun
 * ("Police nationale", "Conseil supérieur…", from content/rules/institutions.yml) is an
 * institution; any other name, a person.
 */
export function kindOfNewName(value: string, kb: KnowledgeBase): "person" | "agency" {
  const tokens = tokenize(value);
  if (tokens.length === 1 && tokens[0]?.isUpper) return "agency";
  // "la Police nationale", "l'Office…": the article is not part of the head.
  const words = tokens.filter((token, i) => i > 0 || token.key !== "").map((token) => token.folded);
  const heads = kb.rules.institutions.heads;
  return heads.some((head) => head.length <= words.length && head.every((word, i) => words[i] === word)) ? "agency" : "person";
}

/** The most names suggested for a value the knowledge base does not know. */
const MAX_SUGGESTIONS = 3;

/**
 * What an editor probably meant by a value the knowledge base does not know (`people:
 * [Francisco Pardo]`, `agencies: [dgsn]`): the closest names, aliases, acronyms, ids and
 * domains of `kind` (every kind of actor, place and topic for `any`), case and accents
 * ignored. A known name whose words contain the value's ("Francisco Pardo" → "Francisco
 * Pardo Piqueras", "Hammouchi" → "Abdellatif Hammouchi"; a word may be cut short: "Abd.
 * Hammouchi") or that contains the value's words, comes first; then names a few typing
 * mistakes away. Each suggestion is written as the value was: an id for an id, else a name.
 */
export function suggestNames(value: string, kind: RefKind | "outlet" | "any", kb: KnowledgeBase): string[] {
  const folded = foldText(value);
  const words = wordsOf(value);
  if (!folded || words.length === 0) return [];
  const asId = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value.trim());
  const best = new Map<Named, number>();
  for (const entity of candidatesOf(kind, kb)) {
    for (const name of [entity.name, entity.id, ...(entity.aliases ?? []), ...(entity.acronym ? [entity.acronym] : []), ...(entity.domains ?? [])]) {
      const score = closeness(folded, words, name);
      if (score !== undefined && score < (best.get(entity) ?? Infinity)) best.set(entity, score);
    }
  }
  return [...best]
    .sort(([a, x], [b, y]) => x - y || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map(([entity]) => (asId ? entity.id : entity.name));
}

function candidatesOf(kind: RefKind | "outlet" | "any", kb: KnowledgeBase): Iterable<Named> {
  if (kind === "outlet") return kb.outlets.values();
  if (kind !== "any") return tableOf(kind, kb).values();
  return (["person", "agency", "place", "topic"] as const).flatMap((k) => [...tableOf(k, kb).values()]);
}

/** Words of a name, folded, articles and "de" left out: what containment compares. */
function wordsOf(name: string): string[] {
  return tokenize(name)
    .filter((token) => token.key !== "" && token.key !== "de")
    .map((token) => token.folded);
}

/**
 * How close a known name is to the value: 0 when one's words run inside the other's (the
 * value's words may be cut short, "Abd." for "Abdellatif"), else 1 + the edit distance when
 * it is small for the length, else undefined.
 */
function closeness(folded: string, words: readonly string[], name: string): number | undefined {
  const known = wordsOf(name);
  if (known.length && (runsInside(words, known, true) || (known.length >= 2 && runsInside(known, words, false)))) return 0;
  const other = foldText(name);
  const allowed = folded.length <= 4 ? 1 : folded.length <= 10 ? 2 : Math.floor(folded.length / 5);
  if (Math.abs(other.length - folded.length) > allowed) return undefined;
  const distance = editDistance(folded, other);
  return distance <= allowed ? 1 + distance : undefined;
}

/** `inner`'s words, in order and next to each other, among `outer`'s; with `prefixes`, a word may be cut short. */
function runsInside(inner: readonly string[], outer: readonly string[], prefixes: boolean): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  // A lone short word ("de", "al") inside a long name proves nothing.
  if (inner.length === 1 && (inner[0] ?? "").length < 4) return false;
  // An initial ("F. Pardo") or three letters or more ("Abd.") may stand for the whole word.
  const same = (word: string, other: string) => word === other || (prefixes && (word.length === 1 || word.length >= 3) && other.startsWith(word));
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((word, i) => same(word, outer[start + i] as string))) return true;
  }
  return false;
}

function tableOf(kind: RefKind, kb: KnowledgeBase): ReadonlyMap<string, Named> {
  return kind === "person" ? kb.people : kind === "agency" ? kb.agencies : kind === "place" ? kb.places : kb.topics;
}

const nameIndexes = new WeakMap<KnowledgeBase, Map<RefKind, Map<string, Named>>>();

function findByName(value: string, kind: RefKind, kb: KnowledgeBase): Named | undefined {
  let indexes = nameIndexes.get(kb);
  if (!indexes) nameIndexes.set(kb, (indexes = new Map()));
  let index = indexes.get(kind);
  if (!index) {
    index = new Map();
    for (const entity of tableOf(kind, kb).values()) {
      for (const name of [entity.name, ...(entity.aliases ?? []), ...(entity.acronym ? [entity.acronym] : [])]) {
        if (!index.has(foldText(name))) index.set(foldText(name), entity);
      }
    }
    indexes.set(kind, index);
  }
  return index.get(foldText(value)) ?? index.get(foldText(slugify(value)).replace(/-/g, " "));
}

