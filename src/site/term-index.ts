import type { AgencyRef, ArticleRecord, EntityRef } from "../model/article.ts";
import { hash } from "./digest.ts";
import type { CountedLink } from "./site-data.ts";
import { topItems } from "./top.ts";
import { urls, type TermKind } from "../model/urls.ts";

/**
 * The terms the published articles name (people, agencies, topics, places, outlets), and
 * what follows from that alone: each term's articles, and which actors appear together.
 * It is made from the articles' references and their order, never from their text, so a
 * long-running process (the dev server) keeps it while an edit leaves those as they were,
 * as most edits do.
 */
export interface TermIndex {
  /** Every article's references, in archive order (see `referencesSignature`). */
  signature: string;
  terms: Map<TermKind, Map<string, TermEntry>>;
  /** Every actor, numbered in the order met, and each article's actors by the article's position. */
  actors: { kind: "person" | "agency"; id: string; name: string }[];
  actorNumbers: Map<string, number>;
  actorsAt: number[][];
}

export interface TermEntry {
  id: string;
  /** The name the newest article naming it gives. */
  name: string;
  acronym?: string;
  /** Where its articles are in the archive's list (newest first). */
  positions: number[];
}

export const TERM_KINDS: readonly TermKind[] = ["person", "agency", "topic", "place", "outlet"];

/** A digest of which terms each article names, under which names, in archive order. */
export function referencesSignature(records: readonly ArticleRecord[]): string {
  return hash(records.map(referencesOf).join("\n"));
}

// Records are not changed once made: a session's unchanged records are the same objects from
// one build to the next, and their part of the signature is not written again.
const referencesMemo = new WeakMap<ArticleRecord, string>();

function referencesOf(record: ArticleRecord): string {
  let text = referencesMemo.get(record);
  if (text === undefined) {
    const refs = (list: readonly AgencyRef[]) => list.map((ref) => `${ref.id}\t${ref.name}\t${ref.acronym ?? ""}`).join("\t");
    const outlet = record.outlet ? `${record.outlet.id}\t${record.outlet.name}` : "";
    text = [record.id, refs(record.people), refs(record.agencies), refs(record.topics), refs(record.places), outlet].join("\v");
    referencesMemo.set(record, text);
  }
  return text;
}

export function termIndex(records: readonly ArticleRecord[], signature = referencesSignature(records)): TermIndex {
  const terms = new Map<TermKind, Map<string, TermEntry>>(TERM_KINDS.map((kind) => [kind, new Map()]));
  const add = (kind: TermKind, ref: Pick<AgencyRef, "id" | "name" | "acronym">, position: number) => {
    const byId = terms.get(kind) as Map<string, TermEntry>;
    let term = byId.get(ref.id);
    if (!term) byId.set(ref.id, (term = { id: ref.id, name: ref.name, ...(ref.acronym ? { acronym: ref.acronym } : {}), positions: [] }));
    if (term.positions.at(-1) !== position) term.positions.push(position);
  };
  records.forEach((record, position) => {
    for (const ref of record.people) add("person", ref, position);
    for (const ref of record.agencies) add("agency", ref, position);
    for (const ref of record.topics) add("topic", ref, position);
    for (const ref of record.places) add("place", ref, position);
    if (record.outlet) add("outlet", record.outlet, position);
  });

  // Every article's actors are numbered once, so counting a term's companions is a pass over
  // its articles with no string keys.
  const actors: TermIndex["actors"] = [];
  const actorNumbers = new Map<string, number>();
  const numberOf = (kind: "person" | "agency", ref: EntityRef) => {
    const key = `${kind}:${ref.id}`;
    let number = actorNumbers.get(key);
    if (number === undefined) {
      actorNumbers.set(key, (number = actors.length));
      actors.push({ kind, id: ref.id, name: (terms.get(kind)?.get(ref.id) ?? ref).name });
    }
    return number;
  };
  const actorsAt = records.map((record) => [...record.people.map((ref) => numberOf("person", ref)), ...record.agencies.map((ref) => numberOf("agency", ref))]);
  return { signature, terms, actors, actorNumbers, actorsAt };
}

/** The actors most often named in the same articles as a term, most frequent first, then by name. */
export function companionsOf(index: TermIndex, kind: TermKind, term: TermEntry, limit: number): CountedLink[] {
  const { actors, actorsAt } = index;
  const self = index.actorNumbers.get(`${kind}:${term.id}`);
  const counts = new Map<number, number>();
  for (const position of term.positions) {
    for (const actor of actorsAt[position] ?? []) {
      if (actor !== self) counts.set(actor, (counts.get(actor) ?? 0) + 1);
    }
  }
  // The `limit` most frequent, then by name, then in the order they were met in.
  const countOf = (actor: number) => counts.get(actor) as number;
  const nameOf = (actor: number) => (actors[actor] as (typeof actors)[number]).name;
  const top = topItems([...counts.keys()], limit, (a, b) => countOf(a) > countOf(b) || (countOf(a) === countOf(b) && compareNames(nameOf(a), nameOf(b)) < 0));
  return top.map((number) => {
    const actor = actors[number] as (typeof actors)[number];
    return { name: actor.name, url: urls.term(actor.kind, actor.id), count: countOf(number) };
  });
}

/** String.localeCompare's order, without its cost per call (a collator is made once). */
export const compareNames = new Intl.Collator().compare;
