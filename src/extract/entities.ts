import type { AgencyRef, EntityRef, Suggestion } from "../model/article.ts";
import type { Agency, KnowledgeBase, Person, Place } from "../model/knowledge.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";
import { tokenize, type Token } from "../text/tokenize.ts";
import { findAcronymDefinitions, type AcronymDefinition } from "./acronyms.ts";
import { findInstitutions, institutionAt, type GrammarInput, type InstitutionSpan } from "./institution-grammar.ts";
import type { CompiledKnowledge } from "./compile.ts";
import { indexCues } from "./cues.ts";
import { findNames, type NameEntry, type NameMatch } from "./match.ts";
import { misspeltKnownPerson } from "./misspelling.ts";
import { findPersonNames, type NameCandidate } from "./person-names.ts";

/**
 * People, agencies and places of an article's own text (headline, body, captions: never
 * the page furniture). Known names come from the knowledge base; shared names
 * ("ministère de l'Intérieur") are settled by the article's country context; unknown
 * people and institutions are kept when a cue marks them, suggested otherwise.
 */
export interface ExtractedEntities {
  people: EntityRef[];
  agencies: AgencyRef[];
  places: EntityRef[];
  suggestions: Suggestion[];
  /** Kinds of entity cut to the most mentioned, for an article naming more than any page can list. */
  capped: ("person" | "agency" | "place")[];
}

/**
 * No real article names hundreds of actors; a list that long is a directory or an attack,
 * and would create as many pages. Each kind keeps its most mentioned entities.
 */
export const MAX_ENTITIES_PER_KIND = 100;

export interface EntityOptions {
  /** Country the archive is about: the last word when context cannot settle a shared name. */
  homeCountry?: string;
  /** Names that are not subjects of the article (bylines, credits). */
  ignore?: readonly string[];
  /** The text's tokens, when the caller has them already. */
  tokens?: readonly Token[];
  /** Country of the outlet that published the article: a weak hint of the country it is about. */
  outletCountry?: string;
}

interface Found {
  kind: "person" | "agency" | "place";
  id: string;
  name: string;
  acronym?: string;
  via: EntityRef["via"];
  mentions: string[];
  count: number;
  first: number;
}

/** An entity before its mentions are counted. */
type FoundEntry = Omit<Found, "mentions" | "count" | "first">;

export function extractEntities(text: string, compiled: CompiledKnowledge, options: EntityOptions = {}): ExtractedEntities {
  const { kb } = compiled;
  const tokens = options.tokens ?? tokenize(text);
  const matches = findNames(tokens, text, compiled.names).filter(
    (match) => !isNickname(match, tokens, compiled) && !isNamesake(match, tokens, compiled) && !isGivenNameOfSomeone(match, tokens, compiled),
  );
  const covered = new Uint8Array(tokens.length);
  for (const match of matches) covered.fill(1, match.first, match.last);

  const found = new Map<string, Found>();
  const { pending, blocked, placeAt } = addUnsharedNames(matches, tokens.length, kb, found);

  // Acronyms the text defines: those of known names now, the others once the grammar has read the text.
  const definitions = findAcronymDefinitions(tokens, text, matches, kb.rules.names);
  const learned = acronymsOfKnownAgencies(definitions, kb);
  addAcronymMentions(tokens, learned, covered, found);

  const articleCountry = articleCountryOf(found, tokens, compiled, options);
  const grammar: GrammarInput = { tokens, text, rules: kb.rules.institutions, covered: blocked, placeAt, demonyms: compiled.demonyms };
  addSharedNames(pending, grammar, found, compiled, articleCountry);

  // Institutions the base lacks, read by their grammar; acronyms defined after them.
  const spans = findInstitutions(grammar);
  const spanEndingAt = addInstitutions(spans, definitions, grammar, compiled, articleCountry, covered, found);
  const grammarLearned = acronymsOfNewAgencies(definitions, learned, spanEndingAt, tokens, found);
  preferDefinitionsToBase(spans, spanEndingAt, grammarLearned, tokens, covered, found);
  addAcronymMentions(tokens, grammarLearned, covered, found);

  const suggestions = addUnknownPeople(tokens, text, covered, compiled, options.ignore, found);
  surnamesOverPlaces(matches, tokens, found);
  const capped: ExtractedEntities["capped"] = [];
  return { people: refsOf(found, "person", capped), agencies: refsOf(found, "agency", capped), places: refsOf(found, "place", capped), suggestions, capped };
}

/** Counts one mention of an entity: its first one fixes its position, each new spelling is kept. */
function addMention(found: Map<string, Found>, entry: FoundEntry, surface: string, position: number): void {
  const key = entry.kind + ":" + entry.id;
  const existing = found.get(key);
  if (existing) {
    existing.count++;
    if (!existing.mentions.includes(surface)) existing.mentions.push(surface);
    return;
  }
  const item: Found = { kind: entry.kind, id: entry.id, name: entry.name, via: entry.via, mentions: [surface], count: 1, first: position };
  if (entry.acronym) item.acronym = entry.acronym;
  found.set(key, item);
}

/**
 * Known names of one meaning are found now; shared ones are returned, pending the article's
 * context. What they cover is marked for the grammar, which reads what no known name covers.
 */
function addUnsharedNames(matches: readonly NameMatch[], tokenCount: number, kb: KnowledgeBase, found: Map<string, Found>) {
  const pending: NameMatch[] = [];
  const blocked = new Uint8Array(tokenCount);
  const placeAt = new Uint8Array(tokenCount);
  for (const match of matches) {
    const entries = match.entries.filter((entry) => entry.kind !== "outlet");
    if (entries.length === 0) continue;
    if (entries.length === 1 && !(entries[0] as NameEntry).shared) {
      addKnown(entries[0] as NameEntry, match, kb, found);
      (entries[0]?.kind === "place" ? placeAt : blocked).fill(1, match.first, match.last);
    } else pending.push(match);
  }
  return { pending, blocked, placeAt };
}

/** Acronyms the text defines for agencies the base knows, by acronym. */
function acronymsOfKnownAgencies(definitions: readonly AcronymDefinition[], kb: KnowledgeBase): Map<string, FoundEntry> {
  const learned = new Map<string, FoundEntry>();
  for (const definition of definitions) {
    const entry = definition.match?.entries.find((e) => e.kind === "agency");
    if (!entry) continue;
    const agency = kb.agencies.get(entry.id);
    if (agency && !learned.has(definition.acronym)) learned.set(definition.acronym, agencyFound(agency, "knowledge-base"));
  }
  return learned;
}

/** The country that settles shared names: the text's, the outlet's tipping an even balance. */
function articleCountryOf(found: ReadonlyMap<string, Found>, tokens: readonly Token[], compiled: CompiledKnowledge, options: EntityOptions): string | undefined {
  const context = countryContext(found, tokens, compiled.kb, compiled.demonyms);
  if (options.outletCountry) context.set(options.outletCountry, (context.get(options.outletCountry) ?? 0) + OUTLET_WEIGHT);
  return dominantCountry(context, options.homeCountry);
}

/** Shared names, settled by the country the article is about; each one found is closed to the grammar. */
function addSharedNames(pending: readonly NameMatch[], grammar: GrammarInput, found: Map<string, Found>, compiled: CompiledKnowledge, articleCountry: string | undefined): void {
  for (const match of pending) {
    // "ministère de la Santé et du Développement social" is not the shared "ministère de la Santé": the compound name is read by the grammar.
    const longer = institutionAt(grammar, match.first);
    if (longer && longer.coordinated && longer.last > match.last) continue;
    const chosen = resolveShared(match, grammar.tokens, found, compiled, articleCountry);
    if (chosen) {
      addKnown(chosen, match, compiled.kb, found);
      grammar.covered.fill(1, match.first, match.last);
    }
  }
}

/** Adds the institutions the grammar read; returns them by the token after their name, where an acronym would define them. */
function addInstitutions(
  spans: readonly InstitutionSpan[],
  definitions: readonly AcronymDefinition[],
  { tokens, text }: GrammarInput,
  compiled: CompiledKnowledge,
  articleCountry: string | undefined,
  covered: Uint8Array,
  found: Map<string, Found>,
): Map<number, FoundEntry> {
  const spanEndingAt = new Map<number, FoundEntry>();
  // A definition that reads further than the grammar ("Conseil national de la refondation sur la santé (CNR)") names the institution.
  const definedFrom = new Map(definitions.flatMap((d) => (d.longFormFirst !== undefined && !d.match ? [[d.longFormFirst, d.index] as const] : [])));
  for (const span of spans) {
    // "le Parlement" of no country the article makes clear is no one's.
    if (span.standalone && !span.international && !span.demonymCountry && !articleCountry) continue;
    const definedUntil = definedFrom.get(span.first);
    if (definedUntil !== undefined && definedUntil > span.last) continue;
    const entry = institutionFound(span, compiled, articleCountry);
    const start = (tokens[span.first] as Token).start;
    addMention(found, entry, text.slice(start, (tokens[span.last - 1] as Token).end), start);
    covered.fill(1, span.first, span.last);
    spanEndingAt.set(span.last, entry);
  }
  return spanEndingAt;
}

/** Acronyms the text defines for agencies the base lacks: a grammar-read institution's, or a new agency named by the long form. */
function acronymsOfNewAgencies(
  definitions: readonly AcronymDefinition[],
  learned: ReadonlyMap<string, FoundEntry>,
  spanEndingAt: ReadonlyMap<number, FoundEntry>,
  tokens: readonly Token[],
  found: Map<string, Found>,
): Map<string, FoundEntry> {
  const grammarLearned = new Map<string, FoundEntry>();
  for (const definition of definitions) {
    if (definition.match || learned.has(definition.acronym) || grammarLearned.has(definition.acronym)) continue;
    const named = spanEndingAt.get(definition.index);
    if (named && named.via === "heuristic") {
      const item = found.get(`agency:${named.id}`);
      if (item && !item.acronym) item.acronym = definition.acronym;
      grammarLearned.set(definition.acronym, { ...named, acronym: definition.acronym });
    } else if (definition.longForm && !named) {
      const id = slugify(definition.longForm);
      const agency = { kind: "agency" as const, id, name: definition.longForm, acronym: definition.acronym, via: "heuristic" as const };
      grammarLearned.set(definition.acronym, agency);
      addMention(found, agency, definition.longForm, (tokens[definition.index] as Token).start);
    }
  }
  return grammarLearned;
}

/**
 * "l'Assemblée nationale populaire (ANP)": the article's own definition outranks the base's
 * meaning of the acronym, whose mentions are then the new agency's.
 */
function preferDefinitionsToBase(
  spans: readonly InstitutionSpan[],
  spanEndingAt: ReadonlyMap<number, FoundEntry>,
  grammarLearned: Map<string, FoundEntry>,
  tokens: readonly Token[],
  covered: Uint8Array,
  found: Map<string, Found>,
): void {
  for (const span of spans) {
    const acronym = tokens[span.last];
    if (!acronym?.inParentheses || !acronym.isUpper || !initialsSpell(tokens, span, acronym.text)) continue;
    const named = spanEndingAt.get(span.last);
    if (!named || named.via !== "heuristic" || grammarLearned.has(acronym.text)) continue;
    for (const [key, item] of found) if (item.kind === "agency" && item.via === "knowledge-base" && item.acronym === acronym.text && item.mentions.every((m) => m === acronym.text)) found.delete(key);
    const item = found.get(`agency:${named.id}`);
    if (item && !item.acronym) item.acronym = acronym.text;
    grammarLearned.set(acronym.text, { ...named, acronym: acronym.text });
    covered.fill(0, span.last, span.last + 1);
    for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).text === acronym.text) covered[k] = 0;
  }
}

/** Institutions and people the base does not know; names editors dismissed are no one's. Returns the suggestions. */
function addUnknownPeople(tokens: readonly Token[], text: string, covered: Uint8Array, compiled: CompiledKnowledge, ignored: readonly string[] | undefined, found: Map<string, Found>): Suggestion[] {
  const { kb } = compiled;
  const suggestions: Suggestion[] = [];
  const ignore = new Set([...(ignored ?? []).map(foldText), ...kb.rules.names.ignored]);
  const dismissed = kb.rules.names.ignored;
  if (dismissed.size) for (const [key, item] of found) if (item.via === "heuristic" && dismissed.has(foldText(item.name))) found.delete(key);
  const candidates = findPersonNames(tokens, text, covered, indexCues(tokens, text, compiled), kb.rules.names).filter(
    (candidate) => !ignore.has(foldText(candidate.name)),
  );
  resolveUnknownPeople(candidates, tokens, text, kb, found, suggestions);
  return suggestions;
}

/**
 * "François Hollande … Hollande s'était engagé": a place's one-word name that is the surname
 * of a person the article names stands for that person, unless the text writes it as a place
 * ("la Hollande", "en Hollande"). A place some of whose mentions are the place's stays one.
 */
function surnamesOverPlaces(matches: readonly NameMatch[], tokens: readonly Token[], found: Map<string, Found>): void {
  const bySurname = new Map<string, Found>();
  for (const item of found.values()) {
    const words = item.kind === "person" ? item.name.split(/\s+/) : [];
    if (words.length >= 2) bySurname.set(foldText(words[words.length - 1] as string), item);
  }
  if (bySurname.size === 0) return;
  const asPerson = new Map<string, { person: Found; matches: NameMatch[] }>();
  for (const match of matches) {
    if (match.last - match.first !== 1) continue;
    const person = bySurname.get(foldText(match.surface));
    const place = match.entries.find((entry) => entry.kind === "place");
    if (!person || !place || !found.has(`place:${place.id}`) || PLACE_ARTICLES.has((tokens[match.first - 1] as Token | undefined)?.folded ?? "")) continue;
    const entry = asPerson.get(place.id) ?? { person, matches: [] };
    entry.matches.push(match);
    asPerson.set(place.id, entry);
  }
  for (const [id, { person, matches: mentions }] of asPerson) {
    if ((found.get(`place:${id}`) as Found).count !== mentions.length) continue;
    found.delete(`place:${id}`);
    for (const match of mentions) addMention(found, person, match.surface, match.start);
  }
}
/** Words before a place's name that a person's name never follows. */
const PLACE_ARTICLES = new Set(["la", "le", "les", "l", "en", "au", "aux", "du", "a"]);

/** One kind's entities, in order of first mention; beyond MAX_ENTITIES_PER_KIND, the most mentioned (the kind is then `capped`). */
function refsOf(found: ReadonlyMap<string, Found>, kind: Found["kind"], capped: ExtractedEntities["capped"]): AgencyRef[] {
  let items = [...found.values()].filter((item) => item.kind === kind);
  if (items.length > MAX_ENTITIES_PER_KIND) {
    capped.push(kind);
    items = items.sort((a, b) => b.count - a.count || a.first - b.first).slice(0, MAX_ENTITIES_PER_KIND);
  }
  return items.sort((a, b) => a.first - b.first).map(({ id, name, via, mentions, acronym }) => ({ id, name, via, mentions, ...(acronym ? { acronym } : {}) }));
}

function addKnown(entry: NameEntry, match: NameMatch, kb: KnowledgeBase, found: Map<string, Found>): void {
  if (entry.kind === "person") {
    const person = kb.people.get(entry.id);
    if (person) addMention(found, { kind: "person", id: person.id, name: person.name, via: "knowledge-base" }, match.surface, match.start);
  } else if (entry.kind === "agency") {
    const agency = kb.agencies.get(entry.id);
    if (agency) addMention(found, agencyFound(agency, "knowledge-base"), match.surface, match.start);
    // "DGSN-DGST", "DGSE-DGSI": one written name, two agencies — both were matched token by token.
  } else if (entry.kind === "place") {
    const place = kb.places.get(entry.id);
    if (place) addMention(found, { kind: "place", id: place.id, name: place.name, via: "knowledge-base" }, match.surface, match.start);
  }
}

function agencyFound(agency: Agency, via: EntityRef["via"]): FoundEntry {
  return { kind: "agency", id: agency.id, name: agency.name, ...(agency.acronym ? { acronym: agency.acronym } : {}), via };
}

/** "le FBI marocain" is the BCIJ's nickname, not the FBI: an agency followed by another country's demonym. */
function isNickname(match: NameMatch, tokens: readonly Token[], compiled: CompiledKnowledge): boolean {
  const next = tokens[match.last];
  if (!next || /[^\s]/.test(next.gap)) return false;
  const country = compiled.demonyms.get(next.folded);
  if (!country) return false;
  return match.entries.every((entry) => {
    if (entry.kind !== "agency") return false;
    const agency = compiled.kb.agencies.get(entry.id);
    return Boolean(agency?.country && agency.country !== country);
  });
}

/**
 * "Dominique Ouattara", "Jean-Marie Le Pen": a known person's surname alone, right after
 * another given name, names someone else of the family; the name is read as anyone's would be.
 * A spelling of the person's own given name ("Alexandre De Croo" for Alexander) is the person.
 */
function isNamesake(match: NameMatch, tokens: readonly Token[], compiled: CompiledKnowledge): boolean {
  const before = tokens[match.first - 1];
  if (!before || before.text.length < 2 || !before.isCapitalized || (tokens[match.first] as Token).gap !== " " || !compiled.isGivenName(before)) return false;
  return match.entries.every((entry) => {
    const person = entry.kind === "person" ? compiled.kb.people.get(entry.id) : undefined;
    if (!person) return false;
    const name = foldText(person.name);
    const surname = foldText(entry.alias);
    if (name === surname || !name.endsWith(` ${surname}`)) return false;
    return ![person.name, ...person.aliases].some((written) => sameGivenName(foldText(written).split(" ")[0] as string, before.folded));
  });
}

/**
 * "M. Riyad Mansour", "Florence Parly": a place's one-word name that is also a given name
 * (the given names list), right before a surname, opens a person's name; after a preposition
 * ("à Riyad Mohammed ben Salmane…") it stays the place.
 */
function isGivenNameOfSomeone(match: NameMatch, tokens: readonly Token[], compiled: CompiledKnowledge): boolean {
  if (match.last - match.first !== 1 || !match.entries.every((entry) => entry.kind === "place")) return false;
  const token = tokens[match.first] as Token;
  const next = tokens[match.last];
  if (!compiled.kb.rules.names.firstNames.has(token.folded) || !next || next.gap !== " " || !next.isCapitalized || next.isUpper) return false;
  return !BEFORE_PLACES.has(tokens[match.first - 1]?.folded ?? "");
}
/** Words a place's name follows: a preposition or an article. */
const BEFORE_PLACES = new Set([...PLACE_ARTICLES, "de", "d", "des", "vers", "depuis", "pour", "sur", "par", "entre", "et"]);

/** Two spellings of one given name: the same word, or the same first four letters ("alexander", "alexandre"). */
function sameGivenName(a: string, b: string): boolean {
  return a === b || (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4));
}

function addAcronymMentions(tokens: readonly Token[], learned: ReadonlyMap<string, FoundEntry>, covered: Uint8Array, found: Map<string, Found>): void {
  if (learned.size === 0) return;
  for (const [index, token] of tokens.entries()) {
    const agency = learned.get(token.text);
    if (agency && !covered[index]) {
      addMention(found, agency, token.text, token.start);
      covered[index] = 1;
    }
  }
}

/**
 * An institution read by its grammar: the knowledge base's entry when it knows the name,
 * otherwise a new agency named as written, with its country when the name is a country's
 * own body and the article's country (or a demonym after the name) says which.
 */
function institutionFound(span: InstitutionSpan, compiled: CompiledKnowledge, articleCountry: string | undefined): FoundEntry {
  const country = span.international || span.place !== undefined ? undefined : (span.demonymCountry ?? (span.generic ? articleCountry : undefined));
  const countryName = country ? compiled.countryNames.get(country) : undefined;
  const name = countryName ? `${span.name} (${countryName})` : span.name;
  const knownId = compiled.agencyByName.get(foldText(name)) ?? compiled.agencyByName.get(foldText(span.name));
  const known = knownId ? compiled.kb.agencies.get(knownId) : undefined;
  if (known) return agencyFound(known, "knowledge-base");
  return { kind: "agency", id: slugify(name), name, via: "heuristic" };
}

/** "Assemblée nationale populaire" spells "ANP": the initials of its words, articles and prepositions left out. */
function initialsSpell(tokens: readonly Token[], span: InstitutionSpan, acronym: string): boolean {
  let initials = "";
  for (let k = span.first; k < span.last; k++) {
    const token = tokens[k] as Token;
    if (token.key === "" || token.key === "de" || token.folded === "et" || token.folded === "a") continue;
    initials += token.folded[0] ?? "";
  }
  return initials === acronym.toLowerCase();
}

/**
 * The country the article is about: the one its places, demonyms and known actors name
 * most. A tie is no answer, unless the archive's home country is among the tied.
 */
export function dominantCountry(context: ReadonlyMap<string, number>, homeCountry: string | undefined): string | undefined {
  let top: string | undefined;
  let topScore = 0;
  let secondScore = 0;
  for (const [country, score] of context) {
    if (score > topScore) [top, topScore, secondScore] = [country, score, topScore];
    else if (score > secondScore) secondScore = score;
  }
  if (!top) return undefined;
  if (topScore > secondScore) return top;
  return homeCountry && context.get(homeCountry) === topScore ? homeCountry : undefined;
}

/** How strongly the article is about each country: its places, demonyms and known actors. */
function countryContext(found: ReadonlyMap<string, Found>, tokens: readonly Token[], kb: KnowledgeBase, demonyms: ReadonlyMap<string, string>): Map<string, number> {
  const scores = new Map<string, number>();
  const bump = (country: string | undefined, weight: number) => {
    if (country) scores.set(country, (scores.get(country) ?? 0) + weight);
  };
  for (const item of found.values()) {
    const entity: Person | Agency | Place | undefined =
      item.kind === "person" ? kb.people.get(item.id) : item.kind === "agency" ? kb.agencies.get(item.id) : kb.places.get(item.id);
    bump(entity?.country, item.count);
  }
  for (const token of tokens) bump(demonyms.get(token.folded), 1);
  return scores;
}

const LOCAL_WINDOW = 4;
/** An outlet writes about other countries too: its country only tips a balance the text leaves even. */
const OUTLET_WEIGHT = 0.5;

function resolveShared(match: NameMatch, tokens: readonly Token[], found: ReadonlyMap<string, Found>, compiled: CompiledKnowledge, articleCountry: string | undefined): NameEntry | undefined {
  const { kb } = compiled;
  const countryOf = (entry: NameEntry) => (entry.kind === "agency" ? kb.agencies.get(entry.id)?.country : entry.kind === "person" ? kb.people.get(entry.id)?.country : kb.places.get(entry.id)?.country);
  // Countries named right around the name: "ministère de l'Intérieur espagnol", "ministre français de l'Intérieur".
  const local = new Set<string>();
  for (let j = Math.max(0, match.first - 2); j < Math.min(tokens.length, match.last + LOCAL_WINDOW); j++) {
    if (j >= match.first && j < match.last) continue;
    const country = compiled.demonyms.get((tokens[j] as Token).folded);
    if (country) local.add(country);
  }
  // A demonym beside the name, then an entity the article already named, then the article's own country; else no one.
  let best: NameEntry | undefined;
  let bestScore = 0;
  for (const entry of match.entries) {
    if (entry.kind === "outlet" || entry.kind === "topic") continue;
    const country = countryOf(entry);
    const score = country && local.has(country) ? 3 : found.has(`${entry.kind}:${entry.id}`) ? 2 : country && country === articleCountry && local.size === 0 ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [entry, score];
  }
  return best;
}

/**
 * Unknown names with a cue become people. "Yassine Mansouri" and "Mohamed Yassine Mansouri",
 * "Michel Boisvert" and "Michel Patrick Boisvert" are one person (the longer name is
 * canonical); later surname-only mentions ("El Khayam") are the person named in full earlier. Names without a cue, and lone surnames, are suggestions.
 */
function resolveUnknownPeople(
  candidates: readonly NameCandidate[],
  tokens: readonly Token[],
  text: string,
  kb: KnowledgeBase,
  found: Map<string, Found>,
  suggestions: Suggestion[],
): void {
  const bySurname = new Map<string, Found>();
  for (const item of found.values()) if (item.kind === "person") registerSurnames(item.name, item, bySurname);
  const positionOf = (candidate: NameCandidate) => (tokens[candidate.first] as Token).start;
  const isFullName = (candidate: NameCandidate) =>
    candidate.last - candidate.first >= 2 && tokens.slice(candidate.first, candidate.last).some((token) => token.text.length >= 3);

  // Group full names that end the same way, longest first.
  const groups: { folded: string; members: NameCandidate[] }[] = [];
  for (const candidate of [...candidates].filter(isFullName).sort((a, b) => b.last - b.first - (a.last - a.first))) {
    const folded = foldText(candidate.name);
    const group = groups.find((g) => g.folded === folded || g.folded.endsWith(` ${folded}`) || withoutMiddleNames(g.folded, folded));
    if (group) group.members.push(candidate);
    else groups.push({ folded, members: [candidate] });
  }
  groups.sort((a, b) => Math.min(...a.members.map(positionOf)) - Math.min(...b.members.map(positionOf)));
  for (const { members } of groups) {
    const canonical = members[0] as NameCandidate;
    const ordered = [...members].sort((a, b) => a.first - b.first);
    const known = bySurname.get(foldText(canonical.name)) ?? misspeltFound(canonical.name, kb, found);
    const cue = members.find((member) => member.cue)?.cue;
    if (!known && !cue) {
      suggestions.push({ kind: "person", name: canonical.name, cue: "", example: sentenceAround(text, positionOf(canonical)), published: false });
      continue;
    }
    const entry = known ?? { kind: "person" as const, id: slugify(canonical.name), name: canonical.name, via: "heuristic" as const };
    for (const member of ordered) addMention(found, entry, member.name, positionOf(member));
    const item = found.get(`person:${entry.id}`) as Found;
    for (const member of members) registerSurnames(member.name, item, bySurname);
    if (!known) suggestions.push({ kind: "person", name: canonical.name, cue: cue ?? "", example: sentenceAround(text, positionOf(canonical)), published: true });
  }

  // Lone surnames (and initials) name someone the article already named in full.
  for (const candidate of candidates.filter((c) => !isFullName(c))) {
    const known = bySurname.get(foldText(candidate.name));
    if (known) addMention(found, known, candidate.name, positionOf(candidate));
    else if (candidate.cue) suggestions.push({ kind: "person", name: candidate.name, cue: candidate.cue, example: sentenceAround(text, positionOf(candidate)), published: false });
  }
  for (const item of found.values()) {
    if (item.via === "heuristic" && item.kind === "agency") {
      suggestions.push({ kind: "agency", name: item.name, cue: item.acronym ? "sigle défini dans le texte" : "nom d'institution", example: sentenceAround(text, item.first), published: true });
    }
  }
}

/** "Michel Boisvert" is "Michel Patrick Boisvert" without his middle name: the same first and last words, the shorter's words in the longer's order. */
function withoutMiddleNames(longer: string, shorter: string): boolean {
  const long = longer.split(" ");
  const short = shorter.split(" ");
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const word of short) {
    at = long.indexOf(word, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/** A known person the name misspells, as an entry to add. */
function misspeltFound(name: string, kb: KnowledgeBase, found: ReadonlyMap<string, Found>): Found | FoundEntry | undefined {
  const person = misspeltKnownPerson(name, kb);
  if (!person) return undefined;
  return found.get(`person:${person.id}`) ?? { kind: "person", id: person.id, name: person.name, via: "knowledge-base" };
}

/** "Abdelhak El Khayam" is later "El Khayam" or "Khayam". */
function registerSurnames(name: string, item: Found, bySurname: Map<string, Found>): void {
  const words = foldText(name).split(" ");
  for (let k = 1; k < words.length; k++) {
    const surname = words.slice(k).join(" ");
    if (surname.length >= 3 && !bySurname.has(surname)) bySurname.set(surname, item);
  }
}

export function sentenceAround(text: string, position: number): string {
  const before = text.lastIndexOf("\n", position);
  const startLine = before === -1 ? 0 : before + 1;
  const afterLine = text.indexOf("\n", position);
  const line = text.slice(startLine, afterLine === -1 ? text.length : afterLine);
  const offset = position - startLine;
  // "M. Ouhbi", "A. Hammouchi": an abbreviation's or an initial's period does not end the sentence.
  const starts = [...line.slice(0, offset).matchAll(/[.!?»]\s+/g)].filter((end) => !/(?:^|[\s(])(?:\p{Lu}|Mr|Dr|Pr|Me|Mgr)\.$/u.test(line.slice(0, (end.index ?? 0) + 1)));
  const sentenceStart = starts.length ? (starts.at(-1)?.index ?? 0) + (starts.at(-1)?.[0].length ?? 0) : 0;
  const end = /[.!?](\s|$)/.exec(line.slice(offset));
  const sentence = line.slice(sentenceStart, end ? offset + end.index + 1 : line.length).trim();
  if (sentence.length <= 300) return sentence;
  // A long sentence: the 240 characters around the name.
  const at = offset - sentenceStart - (line.slice(sentenceStart).length - line.slice(sentenceStart).trimStart().length);
  const from = Math.max(0, at - 120);
  return `${from > 0 ? "…" : ""}${sentence.slice(from, from + 240).trim()}…`;
}
