/**
 * How much a name and its cue prove. A name the extractor reads becomes an actor only
 * with evidence: a known given name tags the article it is in, but only a strong cue (an
 * honorific, a role, an apposition, a speaker's announcer, an age) establishes a name for
 * the whole archive or for an imported file's front matter. A name given as initials
 * ("Leila B.", "Y.M") never tags anything: it names no one a reader could look up.
 */

/** The cue of a name recognised by its known given name alone ("Karim Tazi"). */
export const GIVEN_NAME_CUE = "prénom";

/** Whether a cue proves a person beyond the article it is in. */
export function isStrongCue(cue: string): boolean {
  return cue.trim() !== "" && cue !== GIVEN_NAME_CUE;
}

/** The words of a name, split at spaces, periods and hyphens ("Y.M" → Y, M). */
function wordsOf(name: string): string[] {
  return name.split(/[\s.\-‐‑]+/u).filter(Boolean);
}

/** "Leila B.", "Y.M", "A. B.": the surname is an initial, or every word is. "A. Hammouchi" has a surname. */
export function isInitialsName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0) return true;
  if ((words.at(-1) as string).length === 1) return true;
  return words.every((word) => word.length <= 2);
}

/** A hashtag, a handle or a glued hashtag word ("#SaharaOccidental", "@interiorgob", "PreguntasParlamentarias"). */
export function isHashtagLike(name: string): boolean {
  if (/[#@]/u.test(name)) return true;
  // A lower-case letter followed by a capital inside a word: "PreguntasParlamentarias"; "McDonald" and "DiCaprio" are names.
  return name.split(/\s+/u).some((word) => /\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(word));
}

/** Whether a name has a given name and a surname, not a lone word ("Juriste", "Al-Dohr"). */
export function isFullPersonName(name: string): boolean {
  return name.trim().split(/\s+/u).length >= 2 && !isInitialsName(name);
}
