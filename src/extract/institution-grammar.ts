import type { InstitutionRules } from "../model/knowledge.ts";
import { hardPunctuation, type Token } from "../text/tokenize.ts";

/**
 * Institutions the knowledge base does not know, read from the grammar of French
 * institution names (content/rules/institutions.yml): a head noun ("Conseil", "Cour",
 * "ministère") with its qualifiers — adjectives ("constitutionnel"), complements
 * ("d'appel de Douai", "de la Culture, de la Communication et des Sports") — and, when it
 * names no place, the country a demonym right after it gives ("le parlement libanais").
 * Capitals are the evidence: a head alone ("la Cour", "le ministère") is no name.
 */
export interface InstitutionSpan {
  /** Token range [first, last) of the name, demonym excluded. */
  first: number;
  last: number;
  /** The name as written, with a capital initial and plain apostrophes. */
  name: string;
  /** It names an international or regional body ("Union européenne", "Fonds monétaire international"). */
  international: boolean;
  /** Token index of a place named inside the name ("de Nanterre"), when there is one. */
  place?: number;
  /** Country of a demonym right after the name ("le parlement libanais"). */
  demonymCountry?: string;
  /** A name many countries share ("Conseil constitutionnel", "ministère de la Culture"): it needs its country. */
  generic: boolean;
  /** The head alone ("le Parlement", "le parlement libanais"). */
  standalone: boolean;
  /** Its complements are coordinated ("de la Santé et du Développement social"): a compound name. */
  coordinated: boolean;
}

export interface GrammarInput {
  tokens: readonly Token[];
  text: string;
  rules: InstitutionRules;
  /** Tokens of names already resolved (people, agencies): a name never starts inside one. */
  covered: Uint8Array;
  /** Tokens inside a known place's name: a complement may name it ("Tribunal judiciaire de Nanterre"). */
  placeAt: Uint8Array;
  demonyms: ReadonlyMap<string, string>;
}

const MAX_HEAD_WORDS = 3;
const MAX_NAME_TOKENS = 24;

export function findInstitutions(input: GrammarInput): InstitutionSpan[] {
  const { tokens, covered } = input;
  const spans: InstitutionSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const span = covered[i] ? undefined : institutionAt(input, i);
    if (span) {
      spans.push(span);
      i = span.last + (span.demonymCountry ? 1 : 0);
    } else i++;
  }
  return spans;
}

function headLength(tokens: readonly Token[], i: number, rules: InstitutionRules): { length: number; key: string } | undefined {
  let key = "";
  let best: { length: number; key: string } | undefined;
  for (let n = 0; n < MAX_HEAD_WORDS && i + n < tokens.length; n++) {
    const token = tokens[i + n] as Token;
    if (n > 0 && hardPunctuation(token.gap) !== "") break;
    key = n === 0 ? token.folded : `${key} ${token.folded}`;
    if (compiledHeads(rules).keys.has(key)) best = { length: n + 1, key };
  }
  return best;
}

interface CompiledHeads {
  keys: ReadonlySet<string>;
  firstWords: ReadonlySet<string>;
}

const compiledHeadsCache = new WeakMap<InstitutionRules, CompiledHeads>();
function compiledHeads(rules: InstitutionRules): CompiledHeads {
  let heads = compiledHeadsCache.get(rules);
  if (!heads) {
    heads = { keys: new Set(rules.heads.map((words) => words.join(" "))), firstWords: new Set(rules.heads.map((words) => words[0] ?? "")) };
    compiledHeadsCache.set(rules, heads);
  }
  return heads;
}

/** A token that starts a sentence, a line or the text: its capital proves nothing. */
function startsSentence(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  return /[.!?\n\r«"“:]/.test((tokens[i] as Token).gap);
}

/** The institution name starting at token i, if one does. */
export function institutionAt(input: GrammarInput, i: number): InstitutionSpan | undefined {
  const { tokens, text, rules } = input;
  const first = tokens[i] as Token;
  // Fast exit: most words are no head.
  if (!compiledHeads(rules).firstWords.has(first.folded)) return undefined;
  const head = headLength(tokens, i, rules);
  if (!head) return undefined;
  const capital = first.isCapitalized && !first.isUpper;
  const strong = capital && !startsSentence(tokens, i);

  let j = i + head.length;
  let adjectives = 0;
  let complements = 0;
  let capitalComplement = false;
  let coordinated = false;
  let place: number | undefined;
  const stopAt = Math.min(tokens.length, i + MAX_NAME_TOKENS);
  while (j < stopAt) {
    const token = tokens[j] as Token;
    const punctuation = hardPunctuation(token.gap);
    if (punctuation === "") {
      if (rules.adjectives.has(token.folded) && !token.isUpper) {
        adjectives++;
        j++;
        continue;
      }
      // "de la Santé et du Développement social": a coordinated complement.
      if (token.folded === "et" && complements > 0) {
        const complement = opensInstitution(input, j + 1) ? undefined : complementAt(input, j + 1);
        if (complement) {
          ({ end: j } = complement);
          capitalComplement ||= complement.capital;
          place ??= complement.place;
          complements++;
          coordinated = true;
          continue;
        }
        break;
      }
      const complement = complementAt(input, j);
      if (complement) {
        ({ end: j } = complement);
        capitalComplement ||= complement.capital;
        place ??= complement.place;
        complements++;
        continue;
      }
      break;
    }
    // "de la défense, de la protection de la population et des sports": a listed complement.
    if (punctuation === "," && complements > 0 && token.key === "de") {
      const complement = complementAt(input, j);
      if (complement && continuesList(input, complement.end)) {
        ({ end: j } = complement);
        capitalComplement ||= complement.capital;
        complements++;
        coordinated = true;
        continue;
      }
    }
    break;
  }

  // "Conseil national de la refondation": the name goes on in words the grammar does not know;
  // reading half of it would misname it, unless its acronym, right after, says where it ends.
  if (unreadComplement(input, j)) {
    const acronym = acronymAhead(input.tokens, j, Math.min(i + MAX_NAME_TOKENS, j + ACRONYM_LOOKAHEAD));
    if (acronym === undefined) return undefined;
    j = acronym;
    complements++;
  }
  const headKey = head.key;
  const qualified = adjectives + complements > 0;
  let demonymCountry: string | undefined;
  const after = tokens[j];
  if (after && hardPunctuation(after.gap) === "" && !after.isCapitalized) demonymCountry = input.demonyms.get(after.folded);

  let accepted: boolean;
  if (strong) accepted = qualified || rules.standaloneHeads.has(headKey) || Boolean(demonymCountry && rules.demonymHeads.has(headKey));
  else if (capital) accepted = qualified;
  else accepted = (rules.lowercaseHeads.has(headKey) && capitalComplement) || Boolean(!qualified && demonymCountry && rules.demonymHeads.has(headKey));
  if (!accepted) return undefined;

  const last = j;
  let international = false;
  for (let k = i; k < last; k++) if (rules.international.has((tokens[k] as Token).folded)) international = true;
  const surface = text
    .slice(first.start, (tokens[last - 1] as Token).end)
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, " ");
  const span: InstitutionSpan = { first: i, last, name: surface.charAt(0).toUpperCase() + surface.slice(1), international, coordinated, standalone: !qualified, generic: complements === 0 || rules.departmentHeads.has(headKey) };
  if (place !== undefined) span.place = place;
  if (demonymCountry && !international && place === undefined) span.demonymCountry = demonymCountry;
  return span;
}

interface Complement {
  end: number;
  capital: boolean;
  place?: number;
}

/** "de la Culture", "d'appel", "du Québec", "à l'Investissement", "de grande instance": a complement starting at j. */
function complementAt(input: GrammarInput, j: number): Complement | undefined {
  const { tokens, rules } = input;
  const preposition = tokens[j];
  if (!preposition || (preposition.key !== "de" && !WITH_ARTICLE.has(preposition.folded))) return undefined;
  let k = j + 1;
  // The article after the preposition: "de la", "de l'", "à l'", "pour le".
  while (k < tokens.length && (tokens[k] as Token).key === "" && hardPunctuation((tokens[k] as Token).gap) === "" && k < j + 3) k++;
  // "à" and "pour" introduce a domain with its article ("Appui à l'Investissement", "Agence
  // nationale pour l'emploi"), never a bare place ("à Luxembourg", "pour Paris").
  if (preposition.key !== "de" && k === j + 1) return undefined;
  const word = tokens[k];
  if (!word || hardPunctuation(word.gap) !== "") return undefined;
  if (word.isCapitalized && !/^\p{N}/u.test(word.text)) {
    let end = k + 1;
    const place = input.placeAt[k] ? k : undefined;
    // "du Val-d'Oise": further capitalised words only within a known place's name (a person may follow: "des Sceaux Ismaila Fall").
    while (end < tokens.length && input.placeAt[end] && place !== undefined && hardPunctuation((tokens[end] as Token).gap) === "") end++;
    return place === undefined ? { end, capital: true } : { end, capital: true, place };
  }
  const two = tokens[k + 1];
  if (two && hardPunctuation(two.gap) === "" && rules.domains.has(`${word.folded} ${two.folded}`)) return { end: k + 2, capital: false };
  if (rules.domains.has(word.folded)) return { end: k + 1, capital: false };
  // "de la Lutte contre la corruption": what a struggle is against, any noun.
  if (preposition.folded === "contre" && /^\p{Ll}{4,}$/u.test(word.text)) return { end: k + 1, capital: false };
  return undefined;
}

/** "du Conseil d'État et de la Cour de cassation": what follows "et de" is another institution when a head opens it. */
function opensInstitution(input: GrammarInput, j: number): boolean {
  const k = wordAfterArticle(input.tokens, j);
  return k < input.tokens.length && headLength(input.tokens, k, input.rules) !== undefined;
}

/** The index of the word after the preposition at `j` and its article ("de la", "de l'", "pour les"). */
function wordAfterArticle(tokens: readonly Token[], j: number): number {
  let k = j + 1;
  while (k < tokens.length && (tokens[k] as Token).key === "" && k < j + 3) k++;
  return k;
}

/** A listed complement goes on only to another complement or to "et de…": never into the rest of the sentence. */
function continuesList(input: GrammarInput, end: number): boolean {
  const next = input.tokens[end];
  if (!next) return false;
  const gap = hardPunctuation(next.gap);
  if (gap === ",") return next.key === "de";
  if (gap !== "") return false;
  if (next.folded === "et") return Boolean(complementAt(input, end + 1));
  return next.key === "de" || input.rules.adjectives.has(next.folded);
}

/**
 * "Organisation européenne pour la physique nucléaire (CERN)": the index of the acronym in
 * brackets that closes the run of words from `j`, if one does before `limit` and any punctuation.
 */
function acronymAhead(tokens: readonly Token[], j: number, limit: number): number | undefined {
  for (let k = j + 1; k < Math.min(tokens.length, limit); k++) {
    const token = tokens[k] as Token;
    const gap = hardPunctuation(token.gap);
    if (gap === "(" && token.isUpper && token.text.length >= 2 && /^\s*\)/.test(tokens[k + 1]?.gap ?? ")")) return k;
    if (gap !== "") return undefined;
  }
  return undefined;
}

/** How many words of a complement the grammar does not know may stand before the acronym that ends the name. */
const ACRONYM_LOOKAHEAD = 6;

/** Prepositions of a complement only with their article. */
const WITH_ARTICLE = new Set(["a", "pour", "contre"]);

/** "de la refondation", "pour la physique nucléaire": a lowercase complement whose noun is not in the grammar's domains. */
function unreadComplement(input: GrammarInput, j: number): boolean {
  const { tokens } = input;
  const preposition = tokens[j];
  if (!preposition || (preposition.key !== "de" && preposition.folded !== "pour") || hardPunctuation(preposition.gap) !== "") return false;
  // "pour" with no article is the sentence's ("… européenne pour financer"), not the name's.
  if (preposition.folded === "pour" && (tokens[j + 1] as Token | undefined)?.key !== "") return false;
  const word = tokens[wordAfterArticle(tokens, j)];
  return Boolean(word && !word.isCapitalized && word.text.length > 3 && hardPunctuation(word.gap) === "" && /^\p{L}/u.test(word.text));
}
