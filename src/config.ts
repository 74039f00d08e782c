import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "./ingest/yaml.ts";

/**
 * The archive's settings, in one place: content/site.yml, overridden by environment
 * variables (REVUE_BASE_URL, REVUE_PATH_PREFIX, REVUE_LANG, REVUE_TITLE, REVUE_PER_PAGE…)
 * so that CI can set the host's address without editing files.
 */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute URL of the site's root, without the path prefix: `https://example.org`. */
  baseUrl: string;
  /** Sub-path the site is served under: `/` or `/revue/`. */
  pathPrefix: string;
  /** Interface language: "fr" (default) or "en". */
  lang: "fr" | "en";
  /** Articles per page on actor, topic and archive pages. */
  perPage: number;
  /** Articles per shard of the search index (see search/shards.ts): smaller shards index again faster after an edit. */
  searchShardSize: number;
  /** The most shards (Pagefind bundles) the search page loads, a power of two (see search/shards.ts): past it, shards grow. */
  searchBundles: number;
  /** ISO code of the country the archive is about: decides names shared by several countries' institutions. */
  homeCountry: string;
}

/** Search bundles by default: each costs the reader a few requests per search (see search/shards.ts). */
export const DEFAULT_SEARCH_BUNDLES = 32;

const DEFAULTS: SiteConfig = {
  title: "Revue",
  description: "Archive de presse",
  baseUrl: "http://localhost:8080",
  pathPrefix: "/",
  lang: "fr",
  perPage: 20,
  searchShardSize: 300,
  searchBundles: DEFAULT_SEARCH_BUNDLES,
  homeCountry: "MA",
};

export function loadSiteConfig(contentDir: string, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  let file: Record<string, unknown> = {};
  try {
    const path = join(contentDir, "site.yml");
    const parsed = parseYaml(readFileSync(path, "utf8"), path);
    if (parsed.diagnostics.length) throw new Error(parsed.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join("\n"));
    if (parsed.data && typeof parsed.data === "object") file = parsed.data as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const pick = (envName: string, key: string): string | undefined => env[envName] || (typeof file[key] === "string" || typeof file[key] === "number" ? String(file[key]) : undefined);
  const lang = pick("REVUE_LANG", "lang") === "en" ? "en" : "fr";
  const perPage = Number(pick("REVUE_PER_PAGE", "per_page") ?? DEFAULTS.perPage);
  const searchShardSize = Number(pick("REVUE_SEARCH_SHARD_SIZE", "search_shard_size") ?? DEFAULTS.searchShardSize);
  const searchBundles = Number(pick("REVUE_SEARCH_BUNDLES", "search_bundles") ?? DEFAULTS.searchBundles);
  return {
    title: pick("REVUE_TITLE", "title") ?? DEFAULTS.title,
    description: pick("REVUE_DESCRIPTION", "description") ?? DEFAULTS.description,
    baseUrl: (pick("REVUE_BASE_URL", "base_url") ?? DEFAULTS.baseUrl).replace(/\/+$/, ""),
    pathPrefix: normalizePrefix(pick("REVUE_PATH_PREFIX", "path_prefix") ?? DEFAULTS.pathPrefix),
    lang,
    perPage: Number.isInteger(perPage) && perPage > 0 ? perPage : DEFAULTS.perPage,
    searchShardSize: Number.isInteger(searchShardSize) && searchShardSize > 0 ? searchShardSize : DEFAULTS.searchShardSize,
    // A power of two (the largest not above the setting), as the count of shards is.
    searchBundles: Number.isInteger(searchBundles) && searchBundles > 0 ? 2 ** Math.floor(Math.log2(searchBundles)) : DEFAULTS.searchBundles,
    homeCountry: pick("REVUE_HOME_COUNTRY", "home_country") ?? DEFAULTS.homeCountry,
  };
}

/** "revue", "/revue", "/revue/" → "/revue/"; "" → "/". */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
