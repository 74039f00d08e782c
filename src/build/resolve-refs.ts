import type { EntityRef } from "../records/article.ts";
import type { KnowledgeBase } from "../records/knowledge.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";

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

type Named = { id: string; name: string; aliases?: readonly string[]; acronym?: string };

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

