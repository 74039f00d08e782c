import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import type { SiteFolder } from "./import-site.ts";
import { isFolder } from "../pipeline/walk.ts";

/**
 * A site generator's configuration as data, the way the generator reads it. A file Revue
 * cannot read counts as absent: the generator's defaults then give the old addresses.
 * - Hugo: its root file (`hugo.*`, else `config.*`), then `config/_default/` and
 *   `config/production/` (what `hugo` builds with) merged over it, each later value winning.
 *   In those folders `hugo.*` and `config.*` hold top-level keys, any other `X.toml` the key
 *   `X` (`permalinks.toml`, `languages.toml`); `languages.fr.toml` the language `fr`; any
 *   other per-language file (`menus.fr.toml`) names no address and is not read.
 * - Jekyll, Eleventy: the one file that named the tool.
 */
export function readSiteConfig(site: SiteFolder): Record<string, unknown> {
  if (site.tool !== "hugo") return site.config.endsWith("/") ? {} : readDataFile(join(site.root, site.config));
  const rootFile = HUGO_ROOT_FILES.map((name) => join(site.root, name)).find((path) => existsSync(path));
  let config = rootFile ? lowerKeys(readDataFile(rootFile)) : {};
  for (const environment of ["_default", "production"]) config = deepMerge(config, hugoConfigFolder(join(site.root, "config", environment)));
  return config;
}

/** Hugo's keys are case-insensitive (`DefaultContentLanguage`, `defaultContentLanguage`): all in lower case. */
function lowerKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.toLowerCase(), isRecord(inner) ? lowerKeys(inner) : inner]));
}

const HUGO_ROOT_FILES = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];
const DATA_EXTENSIONS = new Set([".toml", ".yaml", ".yml", ".json"]);

function hugoConfigFolder(folder: string): Record<string, unknown> {
  if (!isFolder(folder)) return {};
  let merged: Record<string, unknown> = {};
  // Hugo reads a folder's files in the order of their names.
  for (const name of readdirSync(folder).sort()) {
    const ext = extname(name).toLowerCase();
    const [key = "", language, ...rest] = name.slice(0, -ext.length).toLowerCase().split(".");
    if (!DATA_EXTENSIONS.has(ext) || rest.length || !statSync(join(folder, name)).isFile()) continue;
    const data = lowerKeys(readDataFile(join(folder, name)));
    // `languages.fr.yaml` is the language `fr` itself (its `contentDir`); `menus.fr.toml` and
    // `params.fr.toml` name no address.
    if (language !== undefined) {
      if (key === "languages" && language) merged = deepMerge(merged, { languages: { [language]: data } });
      continue;
    }
    merged = deepMerge(merged, key === "hugo" || key === "config" ? data : { [key]: data });
  }
  return merged;
}

/** A TOML, YAML or JSON file as a map; anything else, or a file that does not parse, as none. */
export function readDataFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    const text = readFileSync(path, "utf8");
    const ext = extname(path).toLowerCase();
    return record(ext === ".toml" ? parseToml(text) : ext === ".json" ? JSON.parse(text) : ext === ".yml" || ext === ".yaml" ? parseYaml(text) : {});
  } catch {
    return {};
  }
}

/** `over` laid on `base`: maps merged key by key, any other value replaced. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const present = merged[key];
    merged[key] = isRecord(present) && isRecord(value) ? deepMerge(present, value) : value;
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
