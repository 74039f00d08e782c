import type { Token } from "../text/tokenize.ts";
import type { CompiledKnowledge } from "./compile.ts";
import { findNames } from "./match.ts";

/**
 * Where the text holds a role ("directeur général", "le sénateur"), an honorific ("M.",
 * "Mme"), a speaker's announcer ("selon", "a déclaré") or an author's credit ("rédigé par"):
 * by the index of the token that starts it and of the token after its end, so a name finder
 * can ask "is this name announced?" in constant time. Given names are cues too.
 */
export interface CueIndex {
  /** Token index just after a cue → the cue's kind and text. */
  endingBefore: ReadonlyMap<number, Cue>;
  /** Token index where a cue starts → the cue. */
  startingAt: ReadonlyMap<number, Cue>;
  /** Whether a word is a given name ("Aminata", "Koen"). */
  isGivenName: (token: Token) => boolean;
}

export interface Cue {
  /** An honorific or an announcer stands only before a name; a role before or after; an author cue marks a credit. */
  kind: "honorific" | "role" | "announcer" | "author";
  text: string;
  first: number;
  last: number;
}

export function indexCues(tokens: readonly Token[], text: string, compiled: CompiledKnowledge): CueIndex {
  const endingBefore = new Map<number, Cue>();
  const startingAt = new Map<number, Cue>();
  for (const match of findNames(tokens, text, compiled.cues)) {
    const kind = cueKind(match.entries.map((entry) => entry.id));
    const cue: Cue = { kind, text: match.surface, first: match.first, last: match.last };
    endingBefore.set(match.last, cue);
    startingAt.set(match.first, cue);
  }
  return { endingBefore, startingAt, isGivenName: compiled.isGivenName };
}

/** A phrase in several lists ("chef" as a role and an honorific) is read by the strongest. */
function cueKind(ids: readonly string[]): Cue["kind"] {
  if (ids.includes("author")) return "author";
  if (ids.includes("honorific")) return "honorific";
  if (ids.includes("role")) return "role";
  return "announcer";
}
