import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, extname, join, relative, sep } from "node:path";
import type { SiteFolder } from "./import-site.ts";
import { hugoAliases, hugoPath, hugoRules, type HugoRules } from "./hugo-addresses.ts";
import { categoriesFromPath, dayInZone, jekyllCollectionPattern, jekyllDatedName, jekyllPattern, jekyllRules, jekyllSlugify, type JekyllRules } from "./jekyll-addresses.ts";
import { readSiteConfig } from "./site-config.ts";
import { isFolder } from "../pipeline/walk.ts";
import { eleventyPath } from "./eleventy-addresses.ts";
import { sitePathOf } from "../archive/front-matter-keys.ts";
import { normalizePrefix } from "../config.ts";

/**
 * Where a post was on the site it comes from, when neither its `permalink` nor its `url`
 * says: the path its generator gave it from the site's configuration, so that an old link
 * still leads to the article (it becomes one of its `aliases`). Each tool's rules:
 * - Hugo (./hugo-addresses.ts): its configuration file and folder (`config/_default/`), the
 *   post's language and section, `[permalinks]` for the section, else its path under the
 *   content folder, its last segment replaced by `slug`;
 * - Jekyll (./jekyll-addresses.ts): the post's own `permalink:` when it is a pattern
 *   (`/blog/:year/:title/`), else `_config.yml`'s defaults for posts, `collections.posts.permalink`
 *   or `permalink:` (a pattern or a style), `date` (`/:categories/:year/:month/:day/:title.html`) by default;
 * - Eleventy (./eleventy-addresses.ts): its `permalink` (front matter, data files), else the
 *   file's path under the input folder (`/blog/titre/`).
 * A pattern with a placeholder Revue does not know gives no path rather than a wrong one.
 */
export interface SiteRules {
  site: SiteFolder;
  hugo?: HugoRules;
  jekyll?: JekyllRules;
  /** Eleventy's input folder, from the site's root; undefined when its configuration computes it and the site does not show it. */
  input: string | undefined;
  /**
   * The path the former site was published under (`/blog/`: Hugo's `baseURL`, Jekyll's
   * `baseurl`), when not the root. Its old addresses, which Revue keeps from that path on,
   * are then found only if the archive is published under the same path.
   */
  prefix?: string;
}

export interface PostFacts {
  path: string;
  /** YYYY-MM-DD. */
  day: string | undefined;
  /** The date as written, in ISO 8601 with its offset when it has one (Jekyll's `timezone:` moves its day). */
  date?: string | undefined;
  title: string | undefined;
  /** `slug` as written in the front matter. */
  slug: string | undefined;
  /** Jekyll's categories, as written. */
  categories: readonly string[];
  /** Eleventy, Jekyll: `permalink` as the front matter wrote it, if it did. */
  permalink?: unknown;
  /** Jekyll: the collection of a document that is not a post (./import-site.ts `SiteFile`). */
  collection?: string | undefined;
}

export function siteRules(site: SiteFolder): SiteRules {
  const config = site.tool === "eleventy" ? {} : readSiteConfig(site);
  // Hugo's `baseURL` (its keys are read in lower case) and Jekyll's `baseurl`.
  const prefix = publishedUnder(config["baseurl"]);
  return {
    site,
    ...(site.tool === "hugo" ? { hugo: hugoRules(config) } : {}),
    ...(site.tool === "jekyll" ? { jekyll: jekyllRules(config) } : {}),
    input: site.tool === "eleventy" ? eleventyInput(site.root) : "",
    ...(prefix ? { prefix } : {}),
  };
}

/** The path of a site's address (`https://x.org/blog/`, Jekyll's `/blog`) as `/blog/`; undefined at the root or when unreadable. */
function publishedUnder(address: unknown): string | undefined {
  if (typeof address !== "string" || !address.trim()) return undefined;
  let path: string;
  try {
    path = decodeURI(new URL(address.trim(), "http://site.invalid").pathname);
  } catch {
    return undefined;
  }
  const prefix = normalizePrefix(path);
  return prefix === "/" ? undefined : prefix;
}

export function oldPath(rules: SiteRules, post: PostFacts): string | undefined {
  const { site } = rules;
  const stem = basename(post.path, extname(post.path));
  if (rules.hugo) return hugoPath(rules.hugo, site.root, post, fill);
  if (rules.jekyll) {
    const zoned = rules.jekyll.timezone && post.date ? dayInZone(post.date, rules.jekyll.timezone) : undefined;
    // A post's `slug` is its file's name without the date unless its front matter names one.
    const slug = (post.slug ?? jekyllDatedName(stem, true)?.name ?? stem).trim().replace(/\.+$/, "");
    // The post's own `permalink:` comes before the site's patterns, its placeholders filled the same way.
    const own = typeof post.permalink === "string" && post.permalink.trim() ? post.permalink.trim() : undefined;
    const pattern = own ?? (post.collection ? jekyllCollectionPattern(rules.jekyll, post.collection, site.root, post.path) : jekyllPattern(rules.jekyll, site.root, post.path));
    if (pattern === undefined) return undefined;
    return fill(pattern, {
      ...dateTokens(zoned ?? post.day),
      categories: [...new Set([...(post.collection ? [] : categoriesFromPath(rules.jekyll, site.root, post.path)), ...post.categories].map((category) => category.toLowerCase()))].join("/"),
      collection: post.collection ?? "posts",
      // A collection's document: its path in the collection's folder, without its extension.
      path: post.collection ? collectionPath(rules.jekyll, site.root, post.path, post.collection) : undefined,
      name: jekyllSlugify(stem),
      title: jekyllSlugify(slug, "pretty", true),
      slug: jekyllSlugify(slug),
      output_ext: ".html",
    });
  }
  return rules.input === undefined ? undefined : eleventyPath(site.root, rules.input, post);
}

/**
 * The aliases a post's front matter wrote, as paths from the site's root, when its site reads
 * some relative to the post's address (Hugo: `aliases: [ancien-nom]`); undefined when none
 * is relative, when the site does not, or when one cannot be placed.
 */
export function writtenAliases(rules: SiteRules, written: unknown, pageAddress: string | undefined): string[] | undefined {
  const list = typeof written === "string" ? [written] : Array.isArray(written) ? written : undefined;
  if (!rules.hugo || !pageAddress || !list?.some((alias) => typeof alias === "string" && !alias.trim().startsWith("/"))) return undefined;
  const paths = hugoAliases(rules.hugo, list, pageAddress)?.map(sitePathOf);
  return paths?.every((path) => path !== undefined) ? (paths as string[]) : undefined;
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

function collectionPath(rules: JekyllRules, root: string, path: string, collection: string): string {
  const folder = join(root, rules.collectionsDir, `_${collection}`);
  return relative(folder, path).split(sep).join("/").replace(/\.[^./]+$/, "");
}

function dateTokens(day: string | undefined): Record<string, string | undefined> {
  const [year, month, date] = day?.split("-") ?? [];
  if (!year || !month || !date) return {};
  const dayOfYear = Math.round((Date.UTC(Number(year), Number(month) - 1, Number(date)) - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1;
  return { year, month, day: date, i_month: String(Number(month)), i_day: String(Number(date)), short_year: year.slice(2), y_day: String(dayOfYear).padStart(3, "0") };
}

/**
 * Eleventy's input folder, as its configuration names it (`dir: { input: "content" }`). The
 * configuration is JavaScript, never run: the folder is read from its text, else the root.
 * When the configuration computes it (`input: config.dir.src`), the folder is the one that
 * holds Eleventy's `_includes/` or `_data/`, if one alone does; else it is unknown, and so are
 * the posts' former addresses (a wrong folder would give every post a wrong one).
 */
function eleventyInput(root: string): string | undefined {
  for (const name of ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.js", ".eleventy.cjs", ".eleventy.mjs"]) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    const input = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
    if (input && !input.split(/[\\/]/).includes("..") && existsSync(join(root, input))) return input.replace(/^\.\/?/, "");
    if (/\binput\s*:/.test(text)) return folderWithEleventyData(root);
  }
  return "";
}

/** The one folder, the site's root or a folder in it, that holds Eleventy's `_includes/` or `_data/`. */
function folderWithEleventyData(root: string): string | undefined {
  const holds = (folder: string) => ["_includes", "_data"].some((name) => isFolder(join(root, folder, name)));
  const folders = ["", ...readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules").map((entry) => entry.name)];
  const found = folders.filter(holds);
  return found.length === 1 ? found[0] : undefined;
}

