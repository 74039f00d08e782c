import type { EntityRef } from "../model/article.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";
import { tokenize, type Token } from "../text/tokenize.ts";
import type { CompiledKnowledge } from "./compile.ts";
import { findNames } from "./match.ts";

/**
 * Topics from the knowledge base's keywords (with their French word forms through `*`),
 * counted in the article's own text: a topic tags the article once its keywords occur
 * `min_mentions` times (a keyword in the headline, the text before `titleEnd`, counts twice).
 */
export function extractTopics(tokens: readonly Token[], text: string, titleEnd: number, compiled: CompiledKnowledge): EntityRef[] {
  const counts = new Map<string, { count: number; mentions: string[]; first: number }>();
  for (const match of findNames(tokens, text, compiled.topics)) {
    if (namesPortfolio(tokens, match.first)) continue;
    for (const entry of match.entries) {
      const item = counts.get(entry.id) ?? { count: 0, mentions: [], first: match.start };
      item.count += match.start < titleEnd ? 2 : 1;
      if (!item.mentions.includes(match.surface)) item.mentions.push(match.surface);
      counts.set(entry.id, item);
    }
  }
  const topics: (EntityRef & { first: number })[] = [];
  for (const [id, { count: n, mentions, first }] of counts) {
    const topic = compiled.kb.topics.get(id);
    if (topic && n >= topic.minMentions) topics.push({ id, name: topic.name, via: "knowledge-base", mentions, first });
  }
  return topics.sort((a, b) => a.first - b.first).map(({ first: _first, ...ref }) => ref);
}

/**
 * "le ministre de l'Agriculture", "le portefeuille de la Santé", "chargé de l'Éducation": a
 * keyword that names a minister's portfolio says who speaks, not what the article is about.
 */
function namesPortfolio(tokens: readonly Token[], first: number): boolean {
  let k = first - 1;
  while (k >= 0 && (tokens[k] as Token).key === "") k--;
  if (k < 1 || (tokens[k] as Token).key !== "de") return false;
  // "le ministre de l'Habitat, de l'Urbanisme et de la Ville": back over the portfolios listed before.
  for (let j = k - 1; j >= Math.max(0, k - PORTFOLIO_LIST_WORDS); j--) {
    const token = tokens[j] as Token;
    if (PORTFOLIO_HOLDERS.has(token.folded)) return true;
    if (!(token.isCapitalized || token.key === "" || token.key === "de" || token.folded === "et")) return false;
  }
  return false;
}
/** How far back a list of portfolios may run to its minister. */
const PORTFOLIO_LIST_WORDS = 16;
const PORTFOLIO_HOLDERS = new Set(["ministre", "ministres", "ministere", "ministeres", "departement", "secretariat", "secretaire", "commissaire", "portefeuille", "portefeuilles", "charge", "chargee"]);

export interface TagResolution {
  topics: EntityRef[];
  /** Tags that name a known actor or place rather than a topic. */
  entities: { kind: "person" | "agency" | "place"; id: string; name: string; tag: string }[];
}

/**
 * "Sujets associés : États-Unis - Diplomatie - Abdellatif Hammouchi - DGST": each term is a
 * known topic, actor or place when the base knows it; any other term becomes a topic of its own.
 */
export function resolveTags(tags: readonly string[], compiled: CompiledKnowledge, options: { knownOnly?: boolean } = {}): TagResolution {
  const { kb } = compiled;
  const topics: EntityRef[] = [];
  const entities: TagResolution["entities"] = [];
  const topicByName = topicNames(compiled);
  for (const tag of tags) {
    const topicId = topicByName.get(foldText(tag));
    if (topicId) {
      const topic = kb.topics.get(topicId);
      if (topic && !topics.some((t) => t.id === topic.id)) topics.push({ id: topic.id, name: topic.name, via: "text", mentions: [tag] });
      continue;
    }
    const match = findNames(tokenize(tag), tag, compiled.names).find((m) => m.start === 0 && m.surface.length >= tag.replace(/\s*\([^)]*\)\s*$/, "").length);
    const entry = match?.entries[0];
    if (entry && (entry.kind === "person" || entry.kind === "agency" || entry.kind === "place")) {
      const entity = entry.kind === "person" ? kb.people.get(entry.id) : entry.kind === "agency" ? kb.agencies.get(entry.id) : kb.places.get(entry.id);
      if (entity) entities.push({ kind: entry.kind, id: entity.id, name: entity.name, tag });
      continue;
    }
    if (options.knownOnly) continue;
    const id = slugify(tag);
    if (!topics.some((t) => t.id === id)) topics.push({ id, name: tag, via: "text", mentions: [tag] });
  }
  return { topics, entities };
}

const topicNameIndexes = new WeakMap<CompiledKnowledge, Map<string, string>>();

/** Folded topic name or id → topic id, built once per knowledge base. */
function topicNames(compiled: CompiledKnowledge): Map<string, string> {
  let index = topicNameIndexes.get(compiled);
  if (!index) {
    index = new Map();
    for (const topic of compiled.kb.topics.values()) index.set(foldText(topic.name), topic.id).set(foldText(topic.id), topic.id);
    topicNameIndexes.set(compiled, index);
  }
  return index;
}
