/**
 * People are listed by surname, as French indexes list them, while their names are shown as
 * written. The surname is the name's last word, with the particles that belong to it: a
 * capitalised « Le », « Ben », « Ould », « El », « Van », « De »… is part of the surname and
 * sorts it (Le Pen under L, Van Rompuy under V, El Yazami under E), as do Arabic « ben »,
 * « bin », « al »; a lowercase nobiliary particle (« de », « d’ », « du », « von der ») is
 * shown but not sorted on (Charles de Gaulle under G). A regnal name (Mohammed VI,
 * Juan Carlos Ier) has no surname and sorts on its first word. Names written surname first
 * (Xi Jinping) cannot be told apart from their words alone.
 */

/** Particles that belong to the surname, whatever their case (compared lowercased). */
const ATTACHED = new Set(["le", "la", "les", "ben", "bin", "ibn", "ould", "el", "al", "abou", "abu", "ag", "ait", "aït", "es", "mac", "o"]);
/** Particles that, in lowercase, are not sorted on; capitalised (Van Rompuy, De Croo, Du Bellay), they belong to the surname. */
const NOBILIARY = new Set(["de", "du", "des", "d", "von", "van", "der", "den", "di", "da", "dos", "das", "del", "della", "zu", "ten", "ter"]);
const REGNAL = /^(?:[IVXLC]+|Ier|Ire|1er|1re)$/;
const ELIDED = /^d['’]/;

export interface SortName {
  /** The surname and its attached particles: what the name is sorted and grouped under. */
  surname: string;
  /** What to compare: surname, then the rest of the name. */
  key: string;
}

export function sortName(name: string): SortName {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (words.length < 2 || last === undefined || REGNAL.test(last)) return { surname: name.trim(), key: name.trim() };
  let start = words.length - 1;
  while (start > 1) {
    const word = words[start - 1] as string;
    const lower = word.toLowerCase();
    if (ATTACHED.has(lower) || (NOBILIARY.has(lower) && word !== lower)) start--;
    else break;
  }
  // Lowercase nobiliary particles just before the surname (de, von der) are left out of the key.
  let end = start;
  while (end > 1 && NOBILIARY.has(words[end - 1] as string)) end--;
  const surname = words.slice(start).join(" ").replace(ELIDED, "");
  const rest = words.slice(0, end).join(" ");
  return { surname, key: `${surname} ${rest}` };
}

/** Orders people's names by surname, then by the rest of the name, then as written, in the language's collation. */
export function compareBySurname(lang: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(lang);
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = sortName(name).key));
    return key;
  };
  return (a, b) => collator.compare(keyOf(a), keyOf(b)) || collator.compare(a, b);
}
