import type { KnowledgeBase } from "../records/knowledge.ts";
import { foldWord } from "../text/fold.ts";
import { buildNameMatcher, type NameEntry, type NameMatcher } from "./match.ts";

/**
 * Everything extraction needs from a knowledge base, compiled once per base: one automaton
 * for the names of people, agencies, places and outlets; one for topic keywords; the cue
 * phrases of the name rules; demonyms by country.
 */
export interface CompiledKnowledge {
  kb: KnowledgeBase;
  names: NameMatcher;
  topics: NameMatcher;
  /** Role phrases ("directeur général", "ministre") and honorifics ("M.", "Mme"). */
  cues: NameMatcher;
  /** Folded demonym ("marocaine") → ISO country code. */
  demonyms: ReadonlyMap<string, string>;
}

const compiledBases = new WeakMap<KnowledgeBase, CompiledKnowledge>();

export function compileKnowledge(kb: KnowledgeBase): CompiledKnowledge {
  const cached = compiledBases.get(kb);
  if (cached) return cached;
  const compiled: CompiledKnowledge = {
    kb,
    names: buildNameMatcher(nameEntries(kb)),
    topics: buildNameMatcher(topicEntries(kb)),
    cues: buildNameMatcher(cueEntries(kb)),
    demonyms: demonymTable(kb),
  };
  compiledBases.set(kb, compiled);
  return compiled;
}

function* nameEntries(kb: KnowledgeBase): Generator<NameEntry> {
  for (const person of kb.people.values()) {
    const shared = new Set(person.sharedAliases);
    for (const alias of [person.name, ...person.aliases]) if (!shared.has(alias)) yield { kind: "person", id: person.id, alias, shared: false };
    for (const alias of person.sharedAliases) yield { kind: "person", id: person.id, alias, shared: true };
  }
  for (const agency of kb.agencies.values()) {
    const shared = new Set(agency.sharedAliases);
    const own = [agency.name, ...(agency.acronym ? [agency.acronym] : []), ...agency.aliases];
    for (const alias of own) if (!shared.has(alias)) yield { kind: "agency", id: agency.id, alias, shared: false };
    for (const alias of agency.sharedAliases) yield { kind: "agency", id: agency.id, alias, shared: true };
  }
  for (const place of kb.places.values()) {
    for (const alias of [place.name, ...place.aliases]) yield { kind: "place", id: place.id, alias, shared: false };
  }
  for (const outlet of kb.outlets.values()) {
    for (const alias of [outlet.name, ...outlet.aliases]) yield { kind: "outlet", id: outlet.id, alias, shared: false };
  }
}

function* topicEntries(kb: KnowledgeBase): Generator<NameEntry> {
  for (const topic of kb.topics.values()) {
    for (const keyword of topic.keywords) yield { kind: "topic", id: topic.id, alias: keyword, shared: false };
  }
}

/** Cue phrases are entries too: the same matcher finds "le directeur général" and "M.". */
function* cueEntries(kb: KnowledgeBase): Generator<NameEntry> {
  for (const honorific of kb.rules.names.honorifics) yield { kind: "person", id: "honorific", alias: honorific, shared: true };
  for (const role of kb.rules.names.roles) yield { kind: "person", id: "role", alias: role, shared: true };
}

function demonymTable(kb: KnowledgeBase): Map<string, string> {
  const table = new Map<string, string>();
  for (const place of kb.places.values()) {
    if (!place.country) continue;
    for (const demonym of place.demonyms) table.set(foldWord(demonym), place.country);
  }
  return table;
}
