import type { ExtractionRules } from "../records/knowledge.ts";
import { hardPunctuation, type Token } from "../text/tokenize.ts";
import type { CueIndex } from "./cues.ts";

/**
 * People the knowledge base does not know, found from French cues: an honorific or a
 * title right before the name ("M.", "le général"), a role after a comma ("Mohamed
 * Dkhissi, directeur central…"), a role before a comma ("le président de la Roumanie,
 * Klaus Werner Johannis"), or a known given name. A name without a cue is only a suggestion.
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
    if (cue && (tokens[i] as Token).isCapitalized) {
      i = cue.last;
      continue;
    }
    const span = nameSpanAt(tokens, i, covered, rules);
    if (!span) {
      i++;
      continue;
    }
    const [first, last] = span;
    const firstToken = tokens[first] as Token;
    const lastToken = tokens[last - 1] as Token;
    const isInstitution = rules.institutionHeads.has(firstToken.folded);
    if (!isInstitution && !afterPlaceWord(tokens, first, rules)) {
      const initialPeriod = lastToken.text.length === 1 && text[lastToken.end] === "." ? 1 : 0;
      candidates.push({
        name: text.slice(firstToken.start, lastToken.end + initialPeriod),
        first,
        last,
        cue: cueFor(tokens, first, last, cues, rules),
      });
    }
    i = last;
  }
  return candidates;
}

function isNameWord(token: Token, rules: ExtractionRules["names"]): boolean {
  if (!token.isCapitalized || /^\p{N}/u.test(token.text)) return false;
  if (token.isUpper && token.text.length > 1 && !/^(EL|AL|BEN|BIN|IBN)$/.test(token.text)) return false;
  return !rules.notNames.has(token.folded);
}

function isInitial(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  return Boolean(token && token.text.length === 1 && token.isCapitalized && (next ? next.gap.startsWith(".") : true));
}

/** The longest run of name words (particles allowed inside) starting at `i`. */
function nameSpanAt(tokens: readonly Token[], i: number, covered: Uint8Array, rules: ExtractionRules["names"]): [number, number] | undefined {
  const start = tokens[i];
  if (!start || covered[i] || !isNameWord(start, rules)) return undefined;
  let last = i + 1;
  let words = 1;
  for (let j = i + 1; j < tokens.length && words < MAX_NAME_TOKENS; j++) {
    const token = tokens[j] as Token;
    if (covered[j]) break;
    const punctuation = hardPunctuation(token.gap);
    // "A. Hammouchi", "Leila B." — an initial's period is part of the name.
    const afterInitial = punctuation === "." && isInitial(tokens, j - 1);
    if (punctuation && !afterInitial) break;
    if (/\s{2,}|\n/.test(token.gap)) break;
    if (isNameWord(token, rules)) {
      last = j + 1;
      words++;
    } else if (!rules.particles.has(token.folded) || token.isCapitalized) break;
  }
  return [i, last];
}

function afterPlaceWord(tokens: readonly Token[], first: number, rules: ExtractionRules["names"]): boolean {
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) {
    const token = tokens[j] as Token;
    if (rules.placeContext.has(token.folded)) return true;
    if (!rules.particles.has(token.folded) && token.key !== "" && token.key !== "de") return false;
  }
  return false;
}

function cueFor(tokens: readonly Token[], first: number, last: number, cues: CueIndex, rules: ExtractionRules["names"]): string | null {
  const words = last - first;
  const firstToken = tokens[first] as Token;
  const next = tokens[last];
  // An honorific or a title right before, possibly with one adjective between ("ressortissant roumain").
  for (const gapTokens of [0, 1]) {
    const cue = cues.endingBefore.get(first - gapTokens);
    if (!cue) continue;
    const between = tokens.slice(first - gapTokens, first + 1);
    if (between.some((token, k) => k > 0 && hardPunctuation(token.gap).replace(/\./g, "") !== "")) continue;
    if (gapTokens === 1 && (tokens[first - 1] as Token).isCapitalized) continue;
    return cue.text;
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
  if (words >= 2 && rules.firstNames.has(firstToken.folded)) return "prénom";
  return null;
}
