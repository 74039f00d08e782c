import { hardPunctuation, tokenize, type Token } from "../text/tokenize.ts";

/**
 * One automaton for every name of the knowledge base: a trie over the tokens of the
 * aliases, walked once from each token of the text. Time is linear in the text (times
 * the length of the longest alias), whatever the size of the base.
 */
export type NameKind = "person" | "agency" | "place" | "outlet" | "topic";

export interface NameEntry {
  kind: NameKind;
  id: string;
  alias: string;
  /** Several entities share this alias: context must pick one. */
  shared: boolean;
}

interface AliasToken {
  key: string;
  /** Written as an acronym in the alias: only capitals match. */
  upper: boolean;
  /** Hard punctuation written before this token in the alias ("." in "A. Hammouchi"). */
  punctuationBefore: string;
}

interface Terminal {
  entry: NameEntry;
  tokens: readonly AliasToken[];
  /** A one-word alias only matches a capitalised word ("Parlement", not "parlement"). */
  needsCapital: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminals: Terminal[];
  /** Keywords ending in `*`: the last token matches any word starting with the key. */
  prefixTerminals: { prefix: string; terminal: Terminal }[];
  /** The same, by their first PREFIX_KEY letters, so a word is checked only against prefixes it could start with. */
  prefixIndex: Map<string, { prefix: string; terminal: Terminal }[]>;
}

const PREFIX_KEY = 3;

/** Prefix keywords a word could match: those filed under its first letters (and the very short ones). */
function prefixCandidates(node: TrieNode, key: string): readonly { prefix: string; terminal: Terminal }[] {
  if (node.prefixTerminals.length === 0) return NONE;
  const filed = node.prefixIndex.get(key.slice(0, PREFIX_KEY)) ?? NONE;
  const short = node.prefixIndex.get("") ?? NONE;
  return short.length ? [...filed, ...short] : filed;
}

const NONE: readonly never[] = [];

export interface NameMatcher {
  root: TrieNode;
  size: number;
}

export interface NameMatch {
  /** Index of the first and one past the last token of the match. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The text as written. */
  surface: string;
  entries: NameEntry[];
}

const newNode = (): TrieNode => ({ children: new Map(), terminals: [], prefixTerminals: [], prefixIndex: new Map() });

export function buildNameMatcher(entries: Iterable<NameEntry>): NameMatcher {
  const root = newNode();
  let size = 0;
  for (const entry of entries) {
    const isPrefix = entry.alias.endsWith("*");
    const tokens = tokenize(isPrefix ? entry.alias.slice(0, -1) : entry.alias).filter((token) => token.key !== "");
    if (tokens.length === 0) continue;
    const aliasTokens: AliasToken[] = tokens.map((token) => ({
      key: token.key,
      upper: token.isUpper,
      punctuationBefore: hardPunctuation(token.gap),
    }));
    const terminal: Terminal = {
      entry,
      tokens: aliasTokens,
      // Written with a capital, a one-word alias ("Parlement") only matches a capitalised word;
      // written in lower case ("ressortissant", "@interiorgob"), it matches any case.
      needsCapital: tokens.length === 1 && !isPrefix && (tokens[0] as Token).isCapitalized,
    };
    let node = root;
    const path = isPrefix ? aliasTokens.slice(0, -1) : aliasTokens;
    for (const token of path) {
      let child = node.children.get(token.key);
      if (!child) node.children.set(token.key, (child = newNode()));
      node = child;
    }
    if (isPrefix) {
      const prefix = aliasTokens.at(-1)?.key ?? "";
      node.prefixTerminals.push({ prefix, terminal });
      const filing = prefix.length >= PREFIX_KEY ? prefix.slice(0, PREFIX_KEY) : "";
      const list = node.prefixIndex.get(filing) ?? [];
      list.push({ prefix, terminal });
      node.prefixIndex.set(filing, list);
    }
    else node.terminals.push(terminal);
    size++;
  }
  return { root, size };
}

/**
 * Leftmost-longest matches of the base's names in the tokens. Matches never overlap;
 * one match may carry several entries when an alias is shared.
 */
export function findNames(tokens: readonly Token[], text: string, matcher: NameMatcher, overlapping = false): NameMatch[] {
  const matches: NameMatch[] = [];
  const firstWords = matcher.root.children;
  const anyPrefix = matcher.root.prefixTerminals.length > 0;
  let i = 0;
  while (i < tokens.length) {
    // The common case inline: a word that starts no name.
    if (!anyPrefix && !firstWords.has((tokens[i] as Token).key)) {
      i++;
      continue;
    }
    const best = longestAt(tokens, i, matcher.root);
    if (best) {
      const firstToken = tokens[i] as Token;
      const lastToken = tokens[best.last - 1] as Token;
      matches.push({ first: i, last: best.last, start: firstToken.start, end: lastToken.end, surface: text.slice(firstToken.start, lastToken.end), entries: best.entries });
      i = overlapping ? i + 1 : best.last;
    } else i++;
  }
  return matches;
}

/** Indexes of the tokens matched so far, reused from call to call (this is the hot loop). */
let matched = new Int32Array(64);

function longestAt(tokens: readonly Token[], first: number, root: TrieNode): { last: number; entries: NameEntry[] } | undefined {
  const start = tokens[first];
  if (!start || start.key === "") return undefined;
  // Most words start no name: one map lookup decides, with nothing allocated.
  if (!root.children.has(start.key) && !prefixCandidates(root, start.key).some((p) => start.key.startsWith(p.prefix))) return undefined;
  let node: TrieNode = root;
  let best: { last: number; entries: NameEntry[] } | undefined;
  let count = 0;
  for (let j = first; j < tokens.length; j++) {
    const token = tokens[j] as Token;
    if (token.key === "" && j > first) continue;
    if (j > first && (token.gap.includes("\n") || token.gap.includes("\r"))) break;
    if (count + 1 >= matched.length) {
      const larger = new Int32Array(matched.length * 2);
      larger.set(matched);
      matched = larger;
    }
    for (const { prefix, terminal } of prefixCandidates(node, token.key)) {
      matched[count] = j;
      if (token.key.startsWith(prefix) && accepts(terminal, tokens, count + 1)) best = { last: j + 1, entries: [terminal.entry] };
    }
    const child = node.children.get(token.key);
    if (!child) {
      // "Bureau central national (BCN) d'Interpol": an acronym in parentheses inside a name is skipped.
      if (token.inParentheses && token.isUpper && j > first) continue;
      break;
    }
    node = child;
    matched[count++] = j;
    if (node.terminals.length === 0) continue;
    let entries: NameEntry[] | undefined;
    for (const terminal of node.terminals) {
      if (accepts(terminal, tokens, count)) (entries ??= []).push(terminal.entry);
    }
    if (entries) best = { last: j + 1, entries: unique(entries) };
  }
  return best;
}

function accepts(terminal: Terminal, tokens: readonly Token[], count: number): boolean {
  if (terminal.tokens.length !== count) return false;
  for (let k = 0; k < count; k++) {
    const index = matched[k] as number;
    const token = tokens[index] as Token;
    const aliasToken = terminal.tokens[k] as AliasToken;
    if (aliasToken.upper && !token.isUpper) return false;
    if (k > 0 && !punctuationAllowed(tokens, (matched[k - 1] as number) + 1, index, aliasToken.punctuationBefore)) return false;
  }
  if (terminal.needsCapital) {
    const token = tokens[matched[0] as number] as Token;
    if (!token.isCapitalized) return false;
  }
  return true;
}

/** Between two matched tokens the text may only hold the punctuation the alias holds (or a skipped "(ACRONYM)"). */
function punctuationAllowed(tokens: readonly Token[], from: number, to: number, allowed: string): boolean {
  for (let j = from; j <= to; j++) {
    const token = tokens[j] as Token;
    const previous = tokens[j - 1];
    const skippedParenthesis = token.inParentheses || previous?.inParentheses;
    for (const char of hardPunctuation(token.gap)) {
      if (skippedParenthesis && (char === "(" || char === ")")) continue;
      if (!allowed.includes(char)) return false;
    }
  }
  return true;
}

/** One entry per entity: "États-Unis" and "Etats-Unis" are the same name of the same place. */
function unique(entries: NameEntry[]): NameEntry[] {
  if (entries.length < 2) return entries;
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.kind}:${entry.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
