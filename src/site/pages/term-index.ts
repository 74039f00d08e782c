import { urls, type TermKind } from "../../model/urls.ts";
import { foldWord } from "../../text/fold.ts";
import { made, type Planned } from "../planning.ts";
import { compareBySurname, sortName } from "../surname.ts";
import { kindLabels, type CountedLink, type PageBase, type PageContext } from "./shared.ts";

export interface TermIndexPage extends PageBase {
  type: "term-index";
  title: string;
  letters: { letter: string; anchor: string; items: CountedLink[] }[];
}

/** The index of a kind of term (every person, every topic…), A to Z. */
export function termIndexPage(context: PageContext, kind: TermKind, counted: readonly CountedLink[]): Planned<TermIndexPage> {
  const url = urls.termIndex(kind);
  const title = kindLabels(context.strings)[kind][1];
  return made<TermIndexPage>({ type: "term-index", url, meta: context.meta(url, title), title, letters: byLetter(counted, context.lang, kind === "person") });
}

/**
 * A–Z groups in the language's collation, accents folded ("Élysée" under E); anything else
 * under "#". People are ordered and grouped by surname (Charles de Gaulle under G), shown as named.
 */
function byLetter(items: readonly CountedLink[], lang: string, bySurname = false): TermIndexPage["letters"] {
  const groups = new Map<string, CountedLink[]>();
  const compare = bySurname ? compareBySurname(lang) : new Intl.Collator(lang).compare;
  for (const item of [...items].sort((a, b) => compare(a.name, b.name))) {
    const sortedOn = bySurname ? sortName(item.name).surname : item.name;
    const first = foldWord(sortedOn.replace(/^[^\p{L}\p{N}]+/u, "").charAt(0)).toUpperCase();
    const letter = /^[A-Z]$/.test(first) ? first : "#";
    const list = groups.get(letter) ?? [];
    list.push(item);
    groups.set(letter, list);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] === "#" ? 1 : b[0] === "#" ? -1 : a[0].localeCompare(b[0])))
    .map(([letter, list]) => ({ letter, anchor: letter === "#" ? "autres" : `lettre-${letter.toLowerCase()}`, items: list }));
}
