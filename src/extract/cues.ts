import type { Token } from "../text/tokenize.ts";
import type { CompiledKnowledge } from "./compile.ts";
import { findNames } from "./match.ts";

/**
 * Where the text holds a role ("directeur général", "le sénateur") or an honorific ("M.",
 * "Mme"): by the index of the token that starts it and of the token after its end, so a
 * name finder can ask "is this name announced?" in constant time.
 */
export interface CueIndex {
  /** Token index just after a cue → the cue's kind and text. */
  endingBefore: ReadonlyMap<number, Cue>;
  /** Token index where a cue starts → the cue. */
  startingAt: ReadonlyMap<number, Cue>;
}

export interface Cue {
  kind: "honorific" | "role";
  text: string;
  first: number;
  last: number;
}

export function indexCues(tokens: readonly Token[], text: string, compiled: CompiledKnowledge): CueIndex {
  const endingBefore = new Map<number, Cue>();
  const startingAt = new Map<number, Cue>();
  for (const match of findNames(tokens, text, compiled.cues)) {
    const kind = match.entries.some((entry) => entry.id === "honorific") ? "honorific" : "role";
    const cue: Cue = { kind, text: match.surface, first: match.first, last: match.last };
    endingBefore.set(match.last, cue);
    startingAt.set(match.first, cue);
  }
  return { endingBefore, startingAt };
}
