import type { KnowledgeBase } from "../model/knowledge.ts";
import { getGender } from "gender-detection-from-name";
import { foldText, foldWord } from "../text/fold.ts";
import type { Token } from "../text/tokenize.ts";
import { guardRulePatterns } from "../knowledge/linear-regexp.ts";
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
  /** ISO country code → the name an institution's country is written with ("Tunisie", "RDC"). */
  countryNames: ReadonlyMap<string, string>;
  /** Folded agency name or own alias → agency id: an institution read by its grammar may be known. */
  agencyByName: ReadonlyMap<string, string>;
  /** Whether a word is a given name ("Aminata", "Koen", "Oluwaseun"), of any origin. */
  isGivenName: (token: Token) => boolean;
}

const compiledBases = new WeakMap<KnowledgeBase, CompiledKnowledge>();

export function compileKnowledge(kb: KnowledgeBase): CompiledKnowledge {
  const cached = compiledBases.get(kb);
  if (cached) return cached;
  // A knowledge base that crossed to a worker or was read from the cache holds the language's own patterns: they run in the linear-time engine again.
  guardRulePatterns(kb.rules);
  const compiled: CompiledKnowledge = {
    kb,
    names: buildNameMatcher(nameEntries(kb)),
    topics: buildNameMatcher(topicEntries(kb)),
    cues: buildNameMatcher(cueEntries(kb)),
    demonyms: demonymTable(kb),
    countryNames: countryNameTable(kb),
    agencyByName: agencyNameTable(kb),
    isGivenName: givenNames(kb),
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
  for (const announcer of kb.rules.names.announcers) yield { kind: "person", id: "announcer", alias: announcer, shared: true };
  for (const cue of kb.rules.names.authorCues) yield { kind: "person", id: "author", alias: cue, shared: true };
}

/**
 * Given names: the editors' list (content/rules/first-names.yml) first, then the name
 * dictionaries of gender-detection-from-name (French civil registry names of every origin,
 * English, Spanish, Italian, German, Turkish). Those dictionaries also hold words that are
 * places, months or common nouns ("France", "Avril", "Maison"): a word the rules or the
 * base already give another meaning is not a given name. Answers are cached per word.
 */
function givenNames(kb: KnowledgeBase): (token: Token) => boolean {
  const rules = kb.rules.names;
  const meaningful = new Set<string>([...rules.notGivenNames, ...rules.notNames, ...rules.institutionHeads, ...rules.placeContext, ...rules.particles]);
  for (const phrase of [...rules.roles, ...rules.honorifics]) for (const word of phrase.split(/[\s'’-]+/)) meaningful.add(foldWord(word));
  for (const place of kb.places.values()) {
    // One-word place names only: "Saint-Denis" does not make "Denis" a place.
    for (const alias of [place.name, ...place.aliases, ...place.demonyms]) if (!/[\s'’-]/.test(alias)) meaningful.add(foldWord(alias));
  }
  const cache = new Map<string, boolean>();
  return (token) => {
    const known = cache.get(token.text);
    if (known !== undefined) return known;
    const answer =
      rules.firstNames.has(token.folded) ||
      (!meaningful.has(token.folded) && (getGender(token.text) !== "unknown" || getGender(token.folded) !== "unknown"));
    cache.set(token.text, answer);
    return answer;
  };
}

function demonymTable(kb: KnowledgeBase): Map<string, string> {
  const table = new Map<string, string>();
  for (const place of kb.places.values()) {
    if (!place.country) continue;
    for (const demonym of place.demonyms) table.set(foldWord(demonym), place.country);
  }
  return table;
}

/** A country's name, or its short alias when the name is long ("République démocratique du Congo" → "RDC"). */
function countryNameTable(kb: KnowledgeBase): Map<string, string> {
  const table = new Map<string, string>();
  for (const place of kb.places.values()) {
    if (!place.country || place.category !== "pays" || table.has(place.country)) continue;
    const short = place.name.split(" ").length > 3 ? [...place.aliases].sort((a, b) => a.length - b.length)[0] : undefined;
    table.set(place.country, short ?? place.name);
  }
  return table;
}

function agencyNameTable(kb: KnowledgeBase): Map<string, string> {
  const table = new Map<string, string>();
  for (const agency of kb.agencies.values()) {
    const shared = new Set(agency.sharedAliases);
    for (const name of [agency.name, ...agency.aliases]) if (!shared.has(name) && !table.has(foldText(name))) table.set(foldText(name), agency.id);
  }
  return table;
}
