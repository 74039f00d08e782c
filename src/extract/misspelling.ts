import type { KnowledgeBase, Person } from "../model/knowledge.ts";
import { foldText } from "../text/fold.ts";

/**
 * The press misspells names ("Avril Hainse" for Avril Haines). A name found by its cues is
 * the known person when the given name is the same and the rest differs by one typo
 * (a letter added, dropped, changed, or two letters swapped) in a word of five letters or more.
 */
const indexes = new WeakMap<KnowledgeBase, Map<string, { rest: string; person: Person }[]>>();

function indexOf(kb: KnowledgeBase): Map<string, { rest: string; person: Person }[]> {
  let index = indexes.get(kb);
  if (!index) {
    index = new Map();
    for (const person of kb.people.values()) {
      for (const name of [person.name, ...person.aliases]) {
        const words = foldText(name).split(" ");
        if (words.length < 2) continue;
        const list = index.get(words[0] as string) ?? [];
        list.push({ rest: words.slice(1).join(" "), person });
        index.set(words[0] as string, list);
      }
    }
    indexes.set(kb, index);
  }
  return index;
}

export function misspeltKnownPerson(name: string, kb: KnowledgeBase): Person | undefined {
  const words = foldText(name).split(" ");
  if (words.length < 2) return undefined;
  const rest = words.slice(1).join(" ");
  if (rest.replace(/ /g, "").length < 5) return undefined;
  const matches = (indexOf(kb).get(words[0] as string) ?? []).filter((entry) => entry.rest !== rest && oneTypoApart(entry.rest, rest));
  const people = new Set(matches.map((entry) => entry.person));
  return people.size === 1 ? matches[0]?.person : undefined;
}

/** Damerau–Levenshtein distance of exactly one. */
export function oneTypoApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
