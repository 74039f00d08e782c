import type { ExtractionRules } from "../model/knowledge.ts";
import { foldWord } from "../text/fold.ts";
import { hardPunctuation, type Token } from "../text/tokenize.ts";
import type { NameMatch } from "./match.ts";

/**
 * Acronyms the article defines: "Bureau central d'investigations judiciaires (BCIJ)" or
 * "la BNPJ (Brigade nationale de la police judiciaire)". The long form is either a name
 * the knowledge base knows (the acronym then points at it) or an institution's name the
 * base lacks (a new agency, since the definition itself is the cue).
 */
export interface AcronymDefinition {
  acronym: string;
  /** Token index of the acronym. */
  index: number;
  /** The knowledge-base match of the long form, when there is one. */
  match?: NameMatch;
  /** The long form as written, when it is not in the knowledge base. */
  longForm?: string;
  /** Token index where the long form starts, when there is one. */
  longFormFirst?: number;
}

const MAX_LONG_FORM = 12;

export function findAcronymDefinitions(
  tokens: readonly Token[],
  text: string,
  matches: readonly NameMatch[],
  rules: ExtractionRules["names"],
): AcronymDefinition[] {
  const matchEndingAt = new Map(matches.map((match) => [match.last, match]));
  const matchStartingAt = new Map(matches.map((match) => [match.first, match]));
  // An acronym inside a known name ("Bureau central national (BCN) d'Interpol à Paris") defines nothing new.
  const inside = new Uint8Array(tokens.length);
  for (const match of matches) inside.fill(1, match.first, match.last);
  const definitions: AcronymDefinition[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (!token.isUpper || token.text.length < 2 || token.text.length > 10 || inside[k]) continue;
    if (token.inParentheses) {
      // Long form, then the acronym in parentheses.
      const known = matchEndingAt.get(k);
      if (known && sameInitial(token.text, known.surface)) {
        definitions.push({ acronym: token.text, index: k, match: known });
        continue;
      }
      const before = institutionBefore(tokens, text, k, rules);
      if (before && sameInitial(token.text, before.longForm)) definitions.push({ acronym: token.text, index: k, ...before });
    } else if (/^\s*\(\s*$/.test(tokens[k + 1]?.gap ?? "")) {
      // Acronym, then the long form in parentheses.
      const known = matchStartingAt.get(k + 1);
      if (known && text[known.end] === ")" && sameInitial(token.text, known.surface)) {
        definitions.push({ acronym: token.text, index: k, match: known });
        continue;
      }
      const longForm = institutionInParentheses(tokens, text, k + 1, rules);
      if (longForm && sameInitial(token.text, longForm)) definitions.push({ acronym: token.text, index: k, longForm, longFormFirst: k + 1 });
    }
  }
  return definitions;
}

function sameInitial(acronym: string, longForm: string): boolean {
  return foldWord(acronym[0] ?? "") === foldWord(longForm.trim()[0] ?? "");
}

/** The institution's name ending right before "(ACR)": back to its capitalised head noun. */
function institutionBefore(tokens: readonly Token[], text: string, k: number, rules: ExtractionRules["names"]): { longForm: string; longFormFirst: number } | undefined {
  let head: number | undefined;
  for (let j = k - 1; j >= Math.max(0, k - MAX_LONG_FORM); j--) {
    const token = tokens[j] as Token;
    if (token.isCapitalized && rules.institutionHeads.has(token.folded)) head = j;
    if (hardPunctuation(token.gap).replace(/['’]/g, "") !== "") break;
  }
  if (head === undefined) return undefined;
  return { longForm: text.slice((tokens[head] as Token).start, (tokens[k - 1] as Token).end), longFormFirst: head };
}

function institutionInParentheses(tokens: readonly Token[], text: string, first: number, rules: ExtractionRules["names"]): string | undefined {
  const start = tokens[first];
  if (!start || !start.isCapitalized || !rules.institutionHeads.has(start.folded)) return undefined;
  for (let j = first; j < Math.min(tokens.length, first + MAX_LONG_FORM); j++) {
    const token = tokens[j] as Token;
    if (j > first && hardPunctuation(token.gap) !== "") return undefined;
    if (text[token.end] === ")") return text.slice(start.start, token.end);
  }
  return undefined;
}
