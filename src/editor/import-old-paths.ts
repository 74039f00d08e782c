import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join, relative, sep } from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import type { SiteFolder } from "./import-site.ts";

/**
 * Where a post was on the site it comes from, when neither its `permalink` nor its `url`
 * says: the path its generator gave it from the site's configuration, so that an old link
 * still leads to the article (it becomes one of its `aliases`). Each tool's default rule,
 * and the patterns of its configuration:
 * - Hugo: `[permalinks]` for the post's section (`posts = '/:year/:month/:slug/'`), else the
 *   file's path under `content/` (`/posts/titre/`), its last segment replaced by `slug`;
 * - Jekyll: `permalink:` of `_config.yml` (a pattern, or `date`, `pretty`, `ordinal`, `none`),
 *   `date` (`/:categories/:year/:month/:day/:title.html`) by default;
 * - Eleventy: the file's path under the input folder (`/blog/titre/`).
 * A pattern with a placeholder Revue does not know gives no path rather than a wrong one.
 */
export interface SiteRules {
  site: SiteFolder;
  /** Hugo: section → pattern. Jekyll: the one pattern. */
  patterns: ReadonlyMap<string, string>;
  /** Eleventy's input folder, from the site's root. */
  input: string;
}

export interface PostFacts {
  path: string;
  /** YYYY-MM-DD. */
  day: string | undefined;
  title: string | undefined;
  /** `slug` as written in the front matter. */
  slug: string | undefined;
  /** Jekyll's categories, as written. */
  categories: readonly string[];
}

export function siteRules(site: SiteFolder): SiteRules {
  const config = readConfig(site);
  const patterns = new Map<string, string>();
  if (site.tool === "hugo") {
    const permalinks = record(config["permalinks"]);
    // Hugo 0.120 and later group patterns by page kind (`[permalinks.page]`); before, by section.
    const byKind = record(permalinks["page"]);
    for (const [section, pattern] of Object.entries({ ...permalinks, ...byKind })) if (typeof pattern === "string") patterns.set(section, pattern);
  } else if (site.tool === "jekyll") {
    const written = typeof config["permalink"] === "string" ? config["permalink"] : "date";
    patterns.set("", JEKYLL_STYLES[written] ?? written);
  }
  return { site, patterns, input: site.tool === "eleventy" ? eleventyInput(site.root) : "" };
}

const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export function oldPath(rules: SiteRules, post: PostFacts): string | undefined {
  const { site } = rules;
  const stem = basename(post.path, extname(post.path));
  if (site.tool === "hugo") {
    const parts = relative(join(site.root, "content"), post.path).split(sep);
    const bundle = stem === "index";
    const folders = parts.slice(0, bundle ? -2 : -1);
    const fileName = bundle ? parts.at(-2) ?? stem : stem;
    const section = folders[0] ?? "";
    const pattern = rules.patterns.get(section);
    const slugOrFile = post.slug ? hugoUrlize(post.slug) : hugoUrlize(fileName);
    if (!pattern) return `/${[...folders.map(hugoUrlize), slugOrFile].join("/")}/`;
    return fill(pattern, {
      ...dateTokens(post.day),
      section: hugoUrlize(section),
      sections: folders.map(hugoUrlize).join("/"),
      slug: post.slug ? hugoUrlize(post.slug) : hugoUrlize(post.title ?? fileName),
      title: hugoUrlize(post.title ?? fileName),
      filename: hugoUrlize(fileName),
      contentbasename: hugoUrlize(fileName),
      slugorfilename: slugOrFile,
      slugorcontentbasename: slugOrFile,
    });
  }
  if (site.tool === "jekyll") {
    const title = (post.slug ?? stem.replace(/^\d{4}-\d{2}-\d{2}-/, "")).trim();
    return fill(rules.patterns.get("") ?? JEKYLL_STYLES["date"]!, {
      ...dateTokens(post.day),
      categories: post.categories.map((category) => category.toLowerCase()).join("/"),
      title: jekyllSlugify(title),
      slug: jekyllSlugify(title),
      output_ext: ".html",
    });
  }
  const input = join(site.root, rules.input);
  const fromInput = relative(input, post.path);
  if (fromInput.startsWith("..")) return undefined;
  const folders = fromInput.split(sep).slice(0, -1);
  return `/${[...folders, ...(stem === "index" ? [] : [stem])].join("/")}/`.replace(/^\/\/$/, "/");
}

/** A pattern's placeholders replaced; undefined when one is unknown or empty where it matters. */
function fill(pattern: string, tokens: Readonly<Record<string, string | undefined>>): string | undefined {
  let unknown = false;
  const path = pattern.replace(/:([a-z_]+)/g, (_all, name: string) => {
    const value = tokens[name];
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  if (unknown) return undefined;
  const clean = `/${path.split("/").filter(Boolean).join("/")}${path.endsWith("/") ? "/" : ""}`;
  return clean === "/" ? undefined : clean;
}

function dateTokens(day: string | undefined): Record<string, string | undefined> {
  const [year, month, date] = day?.split("-") ?? [];
  if (!year || !month || !date) return {};
  const dayOfYear = Math.round((Date.UTC(Number(year), Number(month) - 1, Number(date)) - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1;
  return { year, month, day: date, i_month: String(Number(month)), i_day: String(Number(date)), short_year: year.slice(2), y_day: String(dayOfYear).padStart(3, "0"), yearday: String(dayOfYear) };
}

/** Hugo's `urlize` as it makes paths: lower case, spaces as hyphens, letters of any alphabet kept, most punctuation removed. */
function hugoUrlize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}\-_./]/gu, "");
}

/** Jekyll's `slugify` in its default mode: lower case, every run of characters other than letters and digits a hyphen. */
function jekyllSlugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** The site's configuration file as data; a file Revue cannot read gives the tool's defaults. */
function readConfig(site: SiteFolder): Record<string, unknown> {
  const path = join(site.root, site.config);
  if (site.config.endsWith("/") || !existsSync(path)) return {};
  try {
    const text = readFileSync(path, "utf8");
    const ext = extname(path).toLowerCase();
    const data: unknown = ext === ".toml" ? parseToml(text) : ext === ".json" ? JSON.parse(text) : ext === ".yml" || ext === ".yaml" ? parseYaml(text) : {};
    return record(data);
  } catch {
    return {};
  }
}

/**
 * Eleventy's input folder, as its configuration names it (`dir: { input: "content" }`). The
 * configuration is JavaScript, never run: the folder is read from its text, else the root.
 */
function eleventyInput(root: string): string {
  for (const name of ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.js", ".eleventy.cjs", ".eleventy.mjs"]) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    const input = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(readFileSync(path, "utf8"))?.[1];
    if (input && !input.split(/[\\/]/).includes("..") && existsSync(join(root, input))) return input.replace(/^\.\/?/, "");
  }
  return "";
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
