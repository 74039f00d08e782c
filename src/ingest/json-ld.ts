/**
 * Reading a page's JSON-LD (`<script type="application/ld+json">`) for the facts about the
 * article: headline, dates, authors, publisher. Pages put them in many shapes (one object,
 * an array, a WordPress/Yoast `@graph` whose nodes point at each other by `@id`, an article
 * nested as a WebPage's `mainEntity`) and often break the JSON itself (raw newlines in
 * strings, trailing commas, CDATA or comment wrappers). Nothing here throws: a block that
 * cannot be read is skipped.
 */

export type JsonLdNode = Readonly<Record<string, unknown>>;

export interface JsonLdFacts {
  headline?: { value: string; field: string };
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  description?: string;
  section?: string;
  keywords: string[];
  siteName?: { value: string; field: string };
}

/** schema.org types of a news story: the node whose facts are the article's. */
const ARTICLE_TYPES = new Set([
  "article",
  "newsarticle",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "reviewnewsarticle",
  "askpublicnewsarticle",
  "satiricalarticle",
  "blogposting",
  "liveblogposting",
  "socialmediaposting",
  "report",
]);
const SITE_TYPES = new Set(["website"]);
const ORGANIZATION_TYPES = new Set(["organization", "newsmediaorganization", "corporation"]);

/** Bounds for hostile input: a page cannot make the walk deep or long. */
const MAX_DEPTH = 12;
const MAX_NODES = 2000;

/** Facts from all of a page's JSON-LD blocks; empty facts when none can be read. */
export function readJsonLd(blocks: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = { authors: [], keywords: [] };
  const nodes = blocks.flatMap((block) => {
    const data = parseJsonLdBlock(block);
    return data === undefined ? [] : collectNodes(data);
  });
  if (nodes.length === 0) return facts;
  const byId = indexById(nodes);
  const article = findArticle(nodes);

  if (article) {
    const headline = stringOf(article["headline"]);
    const name = stringOf(article["name"]);
    if (headline) facts.headline = { value: headline, field: "headline" };
    else if (name) facts.headline = { value: name, field: "name" };
    assign(facts, "datePublished", stringOf(article["datePublished"]) ?? stringOf(article["dateCreated"]));
    assign(facts, "dateModified", stringOf(article["dateModified"]));
    assign(facts, "description", stringOf(article["description"]));
    assign(facts, "section", stringOf(article["articleSection"]));
    facts.authors = namesOf(article["author"], byId);
    facts.keywords = keywordsOf(article["keywords"]);
    const publisher = namesOf(article["publisher"], byId)[0];
    if (publisher) facts.siteName = { value: publisher, field: "publisher.name" };
  }
  if (!facts.siteName) {
    const site = nodes.find((node) => hasType(node, SITE_TYPES) && stringOf(node["name"]));
    const organization = nodes.find((node) => hasType(node, ORGANIZATION_TYPES) && stringOf(node["name"]));
    if (site) facts.siteName = { value: stringOf(site["name"]) as string, field: "WebSite.name" };
    else if (organization) facts.siteName = { value: stringOf(organization["name"]) as string, field: "Organization.name" };
  }
  return facts;
}

/**
 * One block's JSON, or undefined. Tries the text as it is, then repaired: wrappers
 * (`<!--`, `<![CDATA[`) removed, control characters (raw line breaks inside strings are
 * the usual fault) turned to spaces, trailing commas removed.
 */
export function parseJsonLdBlock(block: string): unknown {
  const attempts = [
    block,
    block
      .replace(/^\s*(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, "")
      .replace(/(?:\/\/\s*)?(?:-->|\]\]>)\s*$/, "")
      .replace(/[\u0000-\u001F]+/g, " ")
      .replace(/,\s*([}\]])/g, "$1")
      .trim(),
  ];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // Try the next repair; a block nothing repairs is skipped.
    }
  }
  return undefined;
}

/**
 * Every typed node (an object with `@type`) in a block, breadth first so that the page's
 * own nodes come before the ones nested in them (a related article in an `ItemList`).
 * `@graph` arrays and nested objects are walked alike.
 */
export function collectNodes(data: unknown): JsonLdNode[] {
  const found: JsonLdNode[] = [];
  let level: unknown[] = [data];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && found.length < MAX_NODES; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) {
        next.push(...value);
      } else if (isObject(value)) {
        if ("@type" in value && found.length < MAX_NODES) found.push(value);
        for (const [key, child] of Object.entries(value)) {
          if (key !== "@context" && (Array.isArray(child) || isObject(child))) next.push(child);
        }
      }
    }
    level = next;
  }
  return found;
}

/** The first article-typed node, preferring one with a headline. */
export function findArticle(nodes: readonly JsonLdNode[]): JsonLdNode | undefined {
  const articles = nodes.filter((node) => hasType(node, ARTICLE_TYPES));
  return articles.find((node) => stringOf(node["headline"])) ?? articles[0];
}

/** `NewsArticle`, `schema:NewsArticle` and `https://schema.org/NewsArticle` alike, lower-cased. */
export function typesOf(node: JsonLdNode): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((entry): entry is string => typeof entry === "string").map((entry) => (entry.split(/[/:#]/).pop() ?? entry).toLowerCase());
}

function hasType(node: JsonLdNode, types: ReadonlySet<string>): boolean {
  return typesOf(node).some((type) => types.has(type));
}

function indexById(nodes: readonly JsonLdNode[]): Map<string, JsonLdNode> {
  const byId = new Map<string, JsonLdNode>();
  for (const node of nodes) {
    const id = node["@id"];
    if (typeof id === "string" && !byId.has(id)) byId.set(id, node);
  }
  return byId;
}

/**
 * Names of persons or organizations, whatever the shape: a string, `{name}`, an `{@id}`
 * pointing into the graph, or an array of any of these.
 */
export function namesOf(value: unknown, byId: ReadonlyMap<string, JsonLdNode> = new Map()): string[] {
  const names: string[] = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (typeof entry === "string") {
      if (entry.trim() && !/^https?:\/\//i.test(entry.trim())) names.push(entry.trim());
    } else if (isObject(entry)) {
      const id = entry["@id"];
      const node = stringOf(entry["name"]) ? entry : typeof id === "string" ? byId.get(id) : undefined;
      const name = node ? stringOf(node["name"]) : undefined;
      if (name) names.push(name);
    }
  }
  return [...new Set(names)];
}

function keywordsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => (typeof entry === "string" ? entry.split(",") : [])).map((keyword) => keyword.trim()).filter(Boolean);
}

/** A plain value: a string, a number, `{"@value": …}`, or the first of an array of them. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = stringOf(entry);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(value) && "@value" in value) return stringOf(value["@value"]);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function assign<K extends "datePublished" | "dateModified" | "description" | "section">(facts: JsonLdFacts, key: K, value: string | undefined): void {
  if (value !== undefined) facts[key] = value;
}
