import type { ExtractionRules } from "../model/knowledge.ts";
import { hardPunctuation, type Token } from "../text/tokenize.ts";
import type { CueIndex } from "./cues.ts";
import { GIVEN_NAME_CUE } from "./name-evidence.ts";

/**
 * People the knowledge base does not know, found from French cues: an honorific, a title or
 * a speaker's announcer right before the name ("M.", "le général", "selon"), a title with
 * its complement before it ("le ministre de l'Industrie Paul Le Goff"), a role after a comma
 * ("Mohamed Dkhissi, directeur central…"), a role before a comma ("le président de la
 * Roumanie, Klaus Werner Johannis"), a list after such a name ("les juges A et B"), or a
 * known given name. A name without a cue is only a suggestion; a name credited as an author
 * ("rédigé par …") is not a person of the story.
 */
export interface NameCandidate {
  /** The name as written. */
  name: string;
  first: number;
  last: number;
  /** What marked it as a person's name, or null for none. */
  cue: string | null;
}

const MAX_NAME_TOKENS = 5;
/** How far back a role may stand before "…, Name" (tokens of the same clause). */
const ROLE_LOOKBACK = 14;
/** How long a title's complement may be ("de la Côte d'Ivoire", "des Affaires étrangères"). */
const COMPLEMENT_LOOKBACK = 8;
/** The gap of a list entry between a title and its holder: "Ministre de la Justice : Jean Dupont", "… – Jean Dupont". */
const LIST_ENTRY_GAP = /^\s+[:–—-]\s+$/u;
/** What may stand between two names of one list: a comma, "et", "ou", "and". */
const LIST_SEPARATOR = /^\s*(?:,|,?\s*(?:et|ou|and))\s*$/u;

export function findPersonNames(
  tokens: readonly Token[],
  text: string,
  covered: Uint8Array,
  cues: CueIndex,
  rules: ExtractionRules["names"],
): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "M. Mansouri", "Général Luis Baleiz": the cue itself is not part of the name.
    const cue = cues.startingAt.get(i);
    if (cue && (tokens[i] as Token).isCapitalized && !isGivenNameBeforeSurname(tokens, i, cue.last, covered, rules)) {
      i = cue.last;
      continue;
    }
    const span = nameSpanAt(tokens, i, covered, rules, cues.isGivenName);
    if (!span) {
      i++;
      continue;
    }
    let [first, last] = span;
    last = beforeInnerTitle(tokens, first, last, cues);
    // "le ministre de l'Industrie Paul Le Goff": a complement's words run into the name.
    first = afterComplement(tokens, first, last, covered, cues);
    // "un Baron Noir", "la Rosa Parks du mouvement", «Vape Wave»: a name with an article, or
    // alone between quotes, is a title or a figure of speech.
    if (afterArticle(tokens, first) || isQuotedAlone(tokens, text, first, last)) {
      i = last;
      continue;
    }
    const firstToken = tokens[first] as Token;
    const lastToken = tokens[last - 1] as Token;
    const isInstitution = rules.institutionHeads.has(firstToken.folded);
    // "à la place de Luc Peeters": an announcer outweighs the place word before it.
    const announced = cues.endingBefore.get(first)?.kind === "announcer";
    if (!isInstitution && (announced || !afterPlaceWord(tokens, first, rules)) && !isCredited(tokens, first, last, cues)) {
      const initialPeriod = lastToken.text.length === 1 && text[lastToken.end] === "." ? 1 : 0;
      candidates.push({
        name: nameAsShown(text.slice(firstToken.start, lastToken.end + initialPeriod)),
        first,
        last,
        cue: cueFor(tokens, first, last, cues, rules),
      });
    }
    i = last;
  }
  shareListCues(candidates, tokens, text);
  for (const candidate of candidates) candidate.cue ??= cueOfListOfKnownNames(candidate, tokens, text, covered, cues);
  return candidates;
}

/**
 * "Accompagné de la Première dame Dominique Ouattara": a capitalised title inside a run of
 * capitalised words, with words after it, ends the run; the name is what follows the title.
 * A title that ends the run ("Bruno Le Maire") or is also a given name ("Reine") stays in the name.
 */
function beforeInnerTitle(tokens: readonly Token[], first: number, last: number, cues: CueIndex): number {
  for (let j = first + 1; j < last; j++) {
    const cue = cues.startingAt.get(j);
    if (!cue || cue.last >= last || cue.kind === "author" || !(tokens[j] as Token).isCapitalized || cues.isGivenName(tokens[j] as Token)) continue;
    // The particles before the title ("de la") are not the name's.
    while (j > first + 1 && !(tokens[j - 1] as Token).isCapitalized) j--;
    return j;
  }
  return last;
}

/**
 * "Cheikh Diba": a one-word honorific that the given names list holds too, followed by a lone
 * surname, is the name's first word. Before a full name ("cheikh Tamim ben Hamad") it stays an honorific.
 */
function isGivenNameBeforeSurname(tokens: readonly Token[], i: number, cueEnd: number, covered: Uint8Array, rules: ExtractionRules["names"]): boolean {
  if (cueEnd !== i + 1 || !rules.firstNames.has((tokens[i] as Token).folded)) return false;
  const after = nameSpanAt(tokens, cueEnd, covered, rules, () => false);
  return after !== undefined && after[1] - after[0] === 1 && continuesName(tokens, cueEnd);
}

function isNameWord(token: Token, rules: ExtractionRules["names"]): boolean {
  if (!token.isCapitalized || /^\p{N}/u.test(token.text)) return false;
  // "#SaharaOccidental", "@interiorgob": a hashtag or a handle, not a name.
  if (/[#@]$/u.test(token.gap)) return false;
  if (token.isUpper && token.text.length > 1 && !/^(EL|AL|BEN|BIN|IBN)$/.test(token.text)) return false;
  return !rules.notNames.has(token.folded);
}

function isInitial(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  return Boolean(token && token.text.length === 1 && token.isCapitalized && (next ? next.gap.startsWith(".") : true));
}

/** Whether the token continues the name without a break (punctuation other than an initial's period, a line). */
function continuesName(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j] as Token;
  const punctuation = hardPunctuation(token.gap);
  // "A. Hammouchi", "Leila B." — an initial's period is part of the name.
  if (punctuation && !(punctuation === "." && isInitial(tokens, j - 1))) return false;
  // "Jim & Andy", a title or a firm, is two names at most.
  return !/\s{2,}|\n|&/.test(token.gap);
}

/** Elided French words that follow an apostrophe ("C’est", "Aujourd’hui"), and the English "’s". */
const ELIDED = new Set(["s", "est", "hui", "il", "ils", "elle", "on", "un", "une", "en", "y", "a", "au", "ai"]);

/** "Ebanga Ndo’o": a short lower-case ending glued by an apostrophe to a surname. */
function isApostropheEnding(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j] as Token;
  const before = tokens[j - 1] as Token;
  return (token.gap === "'" || token.gap === "’") && !token.isCapitalized && token.text.length <= 3 && before.text.length >= 3 && !ELIDED.has(token.folded);
}

/**
 * "Nana AKUFO-ADDO", "Abdoulaye Daouda DIALLO": a surname in capitals, as official texts write
 * it, right after the given names that open the name (a word in capitals elsewhere is an acronym:
 * "Jean Dupont CGT").
 */
function isCapitalsSurname(tokens: readonly Token[], i: number, j: number, isGivenName: (token: Token) => boolean): boolean {
  const token = tokens[j] as Token;
  const before = tokens[j - 1] as Token;
  return token.isUpper && /^\p{L}{2,}$/u.test(token.text) && isGivenName(tokens[i] as Token) && (before.isUpper || isGivenName(before));
}

/** "Laurent Saint-Cyr": a word that never ends a name ("Saint") inside one, hyphened to the rest of the surname. */
function opensCompoundSurname(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j] as Token;
  const next = tokens[j + 1];
  return token.isCapitalized && !token.isUpper && next !== undefined && next.gap === "-" && next.isCapitalized;
}

/** A name as a page shows it: a surname written in capitals ("AKUFO-ADDO") in its usual case ("Akufo-Addo"). */
function nameAsShown(written: string): string {
  return written.replace(/\p{Lu}{2,}/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());
}

/** "Yoon Suk-yeol", "Moon Jae-in": a lower-case syllable hyphened to a name word, which no French clitic is ("dit-il", "celui-là"). */
function isHyphenedSyllable(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j] as Token;
  return token.gap === "-" && !token.isCapitalized && /^\p{L}{2,5}$/u.test(token.text) && (tokens[j - 1] as Token).isCapitalized && !CLITICS.has(token.folded);
}
const CLITICS = new Set(["il", "ils", "elle", "elles", "on", "en", "y", "la", "le", "les", "lui", "leur", "moi", "toi", "nous", "vous", "ci", "meme", "memes", "ce", "je", "tu"]);

/**
 * The longest run of name words starting at `i`. Particles are allowed inside, in lower
 * case ("Staffan de Mistura") or capitalised before the surname ("Paul Le Goff",
 * "Dirk Van Damme", "Rafael Van der Vaart").
 */
function nameSpanAt(tokens: readonly Token[], i: number, covered: Uint8Array, rules: ExtractionRules["names"], isGivenName: (token: Token) => boolean): [number, number] | undefined {
  const start = tokens[i];
  if (!start || covered[i] || !isNameWord(start, rules)) return undefined;
  let last = i + 1;
  let words = 1;
  for (let j = i + 1; j < tokens.length && words < MAX_NAME_TOKENS; j++) {
    const token = tokens[j] as Token;
    if (covered[j] || !continuesName(tokens, j)) break;
    if (last === j && (isApostropheEnding(tokens, j) || isHyphenedSyllable(tokens, j))) {
      last = j + 1;
      continue;
    }
    if (isNameWord(token, rules) || isCapitalsSurname(tokens, i, j, isGivenName) || opensCompoundSurname(tokens, j)) {
      last = j + 1;
      words++;
    } else if (!rules.particles.has(token.folded)) break;
    else if (token.isCapitalized && !particleBeforeSurname(tokens, j, covered, rules)) break;
  }
  return [i, last];
}

/** A capitalised particle belongs to the name only when a surname follows it in the same run. */
function particleBeforeSurname(tokens: readonly Token[], j: number, covered: Uint8Array, rules: ExtractionRules["names"]): boolean {
  for (let k = j + 1; k < Math.min(tokens.length, j + 3); k++) {
    const token = tokens[k] as Token;
    if (covered[k] || !continuesName(tokens, k)) return false;
    if (isNameWord(token, rules) && !rules.particles.has(token.folded)) return true;
    if (!rules.particles.has(token.folded)) return false;
  }
  return false;
}

/**
 * Where the name starts when the run began with a title's complement: after "de", "du",
 * "d'", "l'" or a known name, the capitalised words before the first given name are the
 * complement ("ministre de l'Industrie Paul Le Goff", "l'attaquant du Stade Rennais Hugo Marchal").
 */
function afterComplement(tokens: readonly Token[], first: number, last: number, covered: Uint8Array, cues: CueIndex): number {
  if (last - first < 3 || first === 0) return first;
  // The "de" (or the known name) the run follows, past an article: "de l'", "de la", "du".
  let d = first - 1;
  while (d > 0 && (tokens[d] as Token).key === "" && !covered[d]) d--;
  if ((tokens[d] as Token).key !== "de" && !covered[d]) return first;
  if (cues.isGivenName(tokens[first] as Token)) return first;
  for (let k = first + 1; k < last - 1; k++) if (cues.isGivenName(tokens[k] as Token)) return k;
  // No given name to tell: right after a title's "de", one word is the complement ("ministre de l'Agriculture X Y").
  if ((tokens[d] as Token).key === "de" && cues.endingBefore.get(d)?.kind === "role") return first + 1;
  return first;
}

function afterArticle(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1];
  return Boolean(before && ARTICLES.has(before.folded) && /^[ \u00a0]*[«“"]?[ \u00a0]*$/.test((tokens[first] as Token).gap));
}
const ARTICLES = new Set(["un", "une", "le", "la", "les", "l", "the"]);

/** «Vape Wave», “Baron Noir”: capitalised words that a pair of quotes holds alone are a title. */
function isQuotedAlone(tokens: readonly Token[], text: string, first: number, last: number): boolean {
  const opening = /[«“"]\s*$/.test((tokens[first] as Token).gap);
  const after = tokens[last];
  const closing = after ? after.gap : text.slice((tokens[last - 1] as Token).end);
  return opening && /^\s*[»”"]/.test(closing);
}

function afterPlaceWord(tokens: readonly Token[], first: number, rules: ExtractionRules["names"]): boolean {
  let adjectives = 0;
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) {
    const token = tokens[j] as Token;
    // "le maire de la commune, Jean Dupont": a comma ends the place's name.
    if (hardPunctuation((tokens[j + 1] as Token).gap) !== "") return false;
    if (rules.placeContext.has(token.folded)) return true;
    // "l'aéroport international Houari-Boumediene", "le stade municipal Jean-Bouin": one adjective between.
    if (adjectives === 0 && !token.isCapitalized && PLACE_ADJECTIVE.test(token.folded)) {
      adjectives++;
      continue;
    }
    if (!rules.particles.has(token.folded) && token.key !== "" && token.key !== "de") return false;
  }
  return false;
}
const PLACE_ADJECTIVE = /^\p{L}{4,}(?:al|ale|aux|ique|aire|ien|ienne)$/u;

/**
 * An author or a photographer, not a person of the story: "rédigé par Jean Dupont", "Par Jean
 * Dupont" opening a line, "© Jean Dupont", "(Jean Dupont/AFP)".
 */
function isCredited(tokens: readonly Token[], first: number, last: number, cues: CueIndex): boolean {
  if (cues.endingBefore.get(first)?.kind === "author") return true;
  if ((tokens[first] as Token).gap.includes("©")) return true;
  const after = tokens[last];
  if (after && /^\s*\/\s*$/.test(after.gap) && after.isCapitalized) return true;
  const before = tokens[first - 1];
  return Boolean(before && before.folded === "par" && before.isCapitalized && (first === 1 || /\n/.test(before.gap)));
}

function cueFor(tokens: readonly Token[], first: number, last: number, cues: CueIndex, rules: ExtractionRules["names"]): string | null {
  const words = last - first;
  const firstToken = tokens[first] as Token;
  const next = tokens[last];
  // An honorific, a title or an announcer right before, possibly with one adjective between ("ressortissant roumain").
  for (const gapTokens of [0, 1]) {
    const cue = cues.endingBefore.get(first - gapTokens);
    if (!cue || cue.kind === "author") continue;
    const between = tokens.slice(first - gapTokens, first + 1);
    if (between.some((token, k) => k > 0 && hardPunctuation(token.gap).replace(/\./g, "") !== "")) continue;
    // One adjective may stand between ("ressortissant roumain"), not a complement ("chef de l'État du Congo").
    if (gapTokens === 1 && ((tokens[first - 1] as Token).isCapitalized || (tokens[first - 1] as Token).key === "de")) continue;
    return cue.text;
  }
  // "le ministre des Affaires étrangères Aliou Ndiaye Sarr": a title, its complement, the name;
  // in a list, a colon or a dash may stand before the name ("Ministre de la Justice : Jean Dupont").
  if (words >= 2) {
    for (let j = first - 1; j >= Math.max(1, first - COMPLEMENT_LOOKBACK); j--) {
      const gap = (tokens[j + 1] as Token).gap;
      if (hardPunctuation(gap) !== "" && !(j === first - 1 && LIST_ENTRY_GAP.test(gap))) break;
      const cue = cues.endingBefore.get(j);
      // The complement must name something: in "le chef de l'État du Congo", "Congo" is the complement.
      if (cue?.kind === "role" && (tokens[j] as Token).key === "de" && tokens.slice(j + 1, first).some((token) => token.key !== "" && token.key !== "de")) return cue.text;
    }
  }
  // "…, directeur de …": a role right after a comma (or "(46 ans)").
  if (next && /^\s*,\s*$/.test(next.gap)) {
    for (let skip = 0; skip <= 2; skip++) {
      const cue = cues.startingAt.get(last + skip);
      if (cue?.kind === "role") {
        const skipped = tokens.slice(last, last + skip);
        if (skipped.every((token) => token.key === "" || /^(un|une|son|sa|leur|l)$/.test(token.folded))) return cue.text;
      }
    }
    if (/^\d+$/.test(next.text) && tokens[last + 1]?.folded === "ans") return "âge";
  }
  // "le président de la Roumanie, Klaus Werner Johannis": a role earlier in the clause, then a comma.
  if (/^\s*,\s*$/.test(firstToken.gap) && words >= 2) {
    for (let j = first - 1; j >= Math.max(0, first - ROLE_LOOKBACK); j--) {
      if (j + 1 < first && hardPunctuation((tokens[j + 1] as Token).gap).replace(/[()]/g, "") !== "") break;
      const cue = cues.startingAt.get(j);
      if (cue?.kind === "role") return cue.text;
    }
  }
  if (words >= 2 && cues.isGivenName(firstToken)) return GIVEN_NAME_CUE;
  // "Alamine Ousmane Mey": in a name of three words or more, a given name may come second;
  // after an article the first word is a common noun ("l'Oncle Koen Junior").
  if (words >= 3 && cues.isGivenName(tokens[first + 1] as Token) && (tokens[first - 1]?.key ?? "de") !== "") return GIVEN_NAME_CUE;
  // "El Hadji Omar Tall", "Abou Bakr Tamaniou": the given name follows a leading particle.
  if (words >= 3 && rules.particles.has(firstToken.folded) && cues.isGivenName(tokens[first + 1] as Token)) return GIVEN_NAME_CUE;
  return null;
}

/**
 * "les ministres Kandia Camara et Vagondo Diomandé": a name after known names (the knowledge
 * base's, which the text has covered) in a list that a title announces is announced too.
 */
function cueOfListOfKnownNames(candidate: NameCandidate, tokens: readonly Token[], text: string, covered: Uint8Array, cues: CueIndex): string | null {
  let next = candidate.first;
  for (let names = 0; names < MAX_LISTED_NAMES; names++) {
    let start = next - 1;
    if (start > 0 && LIST_WORDS.has((tokens[start] as Token).folded)) start--;
    if (start < 0 || !covered[start]) return null;
    const between = text.slice((tokens[start] as Token).end, (tokens[next] as Token).start).replace(/\s*\([^()]*\)/g, "");
    if (!LIST_SEPARATOR.test(between)) return null;
    while (start > 0 && covered[start - 1] && hardPunctuation((tokens[start] as Token).gap) === "") start--;
    const cue = cues.endingBefore.get(start);
    if (cue) return cue.kind === "role" || cue.kind === "honorific" ? cue.text : null;
    next = start;
  }
  return null;
}
const LIST_WORDS = new Set(["et", "ou", "and"]);
/** How many names of a list are walked back to find the title that announces it. */
const MAX_LISTED_NAMES = 6;

/**
 * "les secrétaires d'État A (parti) et B", "les juges A et B": a name that follows an
 * announced name in a list is announced too. A bracketed aside between them is skipped.
 */
function shareListCues(candidates: NameCandidate[], tokens: readonly Token[], text: string): void {
  let previous: NameCandidate | undefined;
  for (const candidate of candidates) {
    if ((tokens[candidate.first] as Token).gap.includes("(")) continue;
    if (previous?.cue && !candidate.cue) {
      const between = text.slice((tokens[previous.last - 1] as Token).end, (tokens[candidate.first] as Token).start).replace(/\s*\([^()]*\)/g, "");
      if (LIST_SEPARATOR.test(between)) candidate.cue = previous.cue;
    }
    previous = candidate;
  }
}
