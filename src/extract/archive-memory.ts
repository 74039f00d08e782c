import type { ArticleRecord, EntityRef } from "../model/article.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { foldText } from "../text/fold.ts";
import { recordWithPeople } from "../model/with-people.ts";
import { isFullPersonName, isHashtagLike, isInitialsName, isStrongCue } from "./name-evidence.ts";

/**
 * Archive-level memory of names. Extraction reads one article at a time, so a person it
 * does not know becomes an actor only where a cue announces them ("le ministre de
 * l'Économie Bruno Le Maire", "selon X", "X, directeur de…"). Once one article of the
 * archive has established a name so, the other articles that name the same person
 * without a cue are tagged with them too:
 *
 * - the full name, written the same way (case and accents aside), wherever extraction
 *   read it as a name but found no cue ("Bruno Le Maire a présenté le budget");
 * - a surname with a cue of its own ("M. Le Maire", "selon Le Maire"), when no other
 *   established name and no person of the knowledge base has that surname;
 * - never a bare surname alone ("Le Maire a dit"): a capitalised word without a cue is as
 *   often a common word, a place or someone else. Where the full name is in the article,
 *   the person tags it already.
 *
 * A name established only by its given name ("prénom"), given as initials ("Leila B."),
 * shaped like a hashtag, that the knowledge base knows as anything, or that editors
 * dismissed (content/rules/ignored-names.yml) is never spread. An article whose front matter
 * lists its people is left as it is, and a name its front matter removes is not in its
 * suggestions (src/archive/build-article.ts) so it is not added back.
 *
 * The pass reads the records, not the texts: extraction already kept, in each record's
 * suggestions, the names it read but could not place (matched spans, so a name inside a
 * known institution or a street name is not one). Cached records' texts stay unread, and
 * the pass is a few map look-ups per article.
 */
export interface RememberedName {
  /** The actor's id and name, as the article that established it tags it. */
  id: string;
  name: string;
  /** The cue that established it, and the sentence it was in. */
  cue: string;
  example: string;
  /** Source paths of the articles that established it, and of those it was recognised in. */
  establishedIn: string[];
  recognisedIn: string[];
}

export interface ArchiveMemory {
  /** Established names, by folded name. */
  names: ReadonlyMap<string, RememberedName>;
  /** The records memory added people to, by the record each replaces. */
  changed: ReadonlyMap<ArticleRecord, ArticleRecord>;
}

/** Tags each record with the people other records established, as described above. Pure: the records given are not changed. */
export function applyArchiveMemory(records: readonly ArticleRecord[], kb: KnowledgeBase): ArchiveMemory {
  const fold = foldOnce();
  const names = establishedNames(records, kb, fold);
  const changed = new Map<ArticleRecord, ArticleRecord>();
  if (names.size === 0) return { names, changed };
  const bySurname = surnameIndex(names, kb);
  for (const record of records) {
    if (record.peopleFromFrontMatter) continue;
    const added = new Map<string, EntityRef & { mentions: string[] }>();
    for (const suggestion of record.suggestions) {
      if (suggestion.kind !== "person" || suggestion.published) continue;
      const key = fold(suggestion.name);
      const entry = names.get(key) ?? (isStrongCue(suggestion.cue) ? (bySurname.get(key) ?? undefined) : undefined);
      if (!entry || isInitialsName(suggestion.name) || record.people.some((person) => person.id === entry.id)) continue;
      const ref = added.get(entry.id) ?? { id: entry.id, name: entry.name, via: "inferred" as const, mentions: [] };
      if (!ref.mentions.includes(suggestion.name)) ref.mentions.push(suggestion.name);
      added.set(entry.id, ref);
    }
    if (added.size === 0) continue;
    for (const ref of added.values()) names.get(fold(ref.name))?.recognisedIn.push(record.sourcePath);
    changed.set(record, recordWithPeople(record, [...record.people, ...added.values()]));
  }
  return { names, changed };
}

/** What memory added to a record, as a short stable text: part of what its pages are made from. */
export function memoryStamp(record: ArticleRecord): string {
  return record.people
    .filter((person) => person.via === "inferred")
    .map((person) => person.id)
    .join(",");
}

/** Full names a strong cue announced in some article, that the article still tags (its front matter may have dropped them). */
function establishedNames(records: readonly ArticleRecord[], kb: KnowledgeBase, fold: (name: string) => string): Map<string, RememberedName> {
  const known = knownNames(kb);
  const ignored = kb.rules.names.ignored;
  const names = new Map<string, RememberedName>();
  for (const record of records) {
    for (const suggestion of record.suggestions) {
      if (suggestion.kind !== "person" || !suggestion.published || !isStrongCue(suggestion.cue)) continue;
      if (!isFullPersonName(suggestion.name) || isHashtagLike(suggestion.name)) continue;
      const key = fold(suggestion.name);
      if (known.has(key) || ignored.has(key)) continue;
      const ref = record.people.find((person) => person.via !== "knowledge-base" && fold(person.name) === key);
      if (!ref) continue;
      let entry = names.get(key);
      if (!entry) names.set(key, (entry = { id: ref.id, name: ref.name, cue: suggestion.cue, example: suggestion.example, establishedIn: [], recognisedIn: [] }));
      if (!entry.establishedIn.includes(record.sourcePath)) entry.establishedIn.push(record.sourcePath);
    }
  }
  return names;
}

/**
 * Surname → the one established name that has it ("le maire", "maire" → Bruno Le Maire), or
 * null when two have it, a person of the knowledge base has it, or it is a known name.
 */
function surnameIndex(names: ReadonlyMap<string, RememberedName>, kb: KnowledgeBase): Map<string, RememberedName | null> {
  const bySurname = new Map<string, RememberedName | null>();
  for (const [key, entry] of names) {
    for (const surname of surnamesOf(key)) {
      const other = bySurname.get(surname);
      bySurname.set(surname, other === undefined || other === entry ? entry : null);
    }
  }
  for (const person of kb.people.values()) {
    for (const name of [person.name, ...person.aliases]) for (const surname of surnamesOf(foldText(name))) if (bySurname.has(surname)) bySurname.set(surname, null);
  }
  const known = knownNames(kb);
  for (const surname of bySurname.keys()) if (known.has(surname) || kb.rules.names.ignored.has(surname)) bySurname.set(surname, null);
  return bySurname;
}

/** "bruno le maire" → "le maire", "maire": the words after the given name, and their shorter endings (as extraction reads them). */
function surnamesOf(folded: string): string[] {
  const words = folded.split(" ");
  const out: string[] = [];
  for (let k = 1; k < words.length; k++) {
    const surname = words.slice(k).join(" ");
    if (surname.length >= 3) out.push(surname);
  }
  return out;
}

/** Folding with a memo for one pass: an archive names the same people in many articles. */
function foldOnce(): (name: string) => string {
  const folded = new Map<string, string>();
  return (name) => {
    let key = folded.get(name);
    if (key === undefined) folded.set(name, (key = foldText(name)));
    return key;
  };
}

const knownNamesOf = new WeakMap<KnowledgeBase, Set<string>>();

/** Every name, alias and acronym of the knowledge base, folded: such a name is the base's, never a new person's. */
function knownNames(kb: KnowledgeBase): Set<string> {
  let known = knownNamesOf.get(kb);
  if (known) return known;
  known = new Set();
  for (const table of [kb.people, kb.agencies, kb.places, kb.topics, kb.outlets] as const) {
    for (const entity of table.values()) {
      const named = entity as { name: string; aliases?: readonly string[]; sharedAliases?: readonly string[]; acronym?: string };
      for (const name of [named.name, ...(named.aliases ?? []), ...(named.sharedAliases ?? []), ...(named.acronym ? [named.acronym] : [])]) known.add(foldText(name));
    }
  }
  knownNamesOf.set(kb, known);
  return known;
}
