import { join, relative, sep } from "node:path";
import { record } from "./site-config.ts";
import { isoDate, isRealDate } from "../text/calendar.ts";

/**
 * How Jekyll made a post's address, from `_config.yml`:
 * - the pattern: a front matter default for posts (`defaults:`, `scope.type: posts`, a
 *   `scope.path` that holds the post), else `collections: posts: permalink:`, else
 *   `permalink:` (a pattern, or a style: `date`, `pretty`, `ordinal`, `weekdate`, `none`),
 *   else the `date` style. Among several defaults, Jekyll's order of precedence: the longer
 *   `scope.path` wins, then the set with a `scope.type`, then the later set;
 * - the day: with `timezone:`, a date written with its offset is that moment's day in the
 *   site's time zone (Jekyll reads every date in it); without, the day as written.
 */
export interface JekyllRules {
  /** `collections.posts.permalink`, else the top-level `permalink` as a pattern. */
  pattern: string;
  /** The top-level `permalink` as written (a style's name or a pattern): other collections' addresses end as it does. */
  style: string;
  /** The other collections `collections:` describes: whether their documents get pages (`output`), and their pattern. */
  collections: Readonly<Record<string, { output: boolean; permalink: string | undefined }>>;
  defaults: readonly DefaultSet[];
  /** `collections_dir`, from the root: the folder that holds `_posts/`. */
  collectionsDir: string;
  /** An IANA time zone the platform knows. */
  timezone: string | undefined;
}

interface DefaultSet {
  path: string;
  /** Absent: any type. */
  type: string | undefined;
  permalink: string | undefined;
}

const STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export function jekyllRules(config: Readonly<Record<string, unknown>>): JekyllRules {
  const written = typeof config["permalink"] === "string" && config["permalink"].trim() ? config["permalink"].trim() : "date";
  const collections = config["collections"];
  const posts = Array.isArray(collections) ? {} : record(record(collections)["posts"]);
  const pattern = typeof posts["permalink"] === "string" && posts["permalink"].trim() ? posts["permalink"].trim() : (STYLES[written] ?? written);
  const defaults = (Array.isArray(config["defaults"]) ? config["defaults"] : [])
    .map(record)
    .filter((set) => set["values"] !== null && typeof set["values"] === "object" && !Array.isArray(set["values"]))
    .map((set): DefaultSet => {
      const scope = record(set["scope"]);
      const type = typeof scope["type"] === "string" ? scope["type"] : undefined;
      const permalink = record(set["values"])["permalink"];
      return {
        path: typeof scope["path"] === "string" ? scope["path"] : "",
        // Jekyll still reads the singular names it once used.
        type: type === "post" ? "posts" : type === "page" ? "pages" : type === "draft" ? "drafts" : type,
        permalink: typeof permalink === "string" && permalink.trim() ? permalink.trim() : undefined,
      };
    });
  const timezone = typeof config["timezone"] === "string" && knownZone(config["timezone"]) ? config["timezone"] : undefined;
  const collectionsDir = typeof config["collections_dir"] === "string" ? config["collections_dir"].replace(/^\.?\/+|\/+$/g, "") : "";
  // `collections: [recettes]` names collections whose documents get no page.
  const described = Array.isArray(collections) ? {} : record(collections);
  const others = Object.fromEntries(
    Object.entries(described).map(([label, value]) => {
      const meta = record(value);
      const permalink = typeof meta["permalink"] === "string" && meta["permalink"].trim() ? meta["permalink"].trim() : undefined;
      return [label, { output: meta["output"] === true, permalink }];
    }),
  );
  return { pattern, style: written, collections: others, defaults, collectionsDir, timezone };
}

/**
 * The pattern of a collection's document's address, as Jekyll makes it: the defaults that
 * apply to it (`scope.type` its collection), else the collection's `permalink`, else
 * `/:collection/:path` ending as the site's `permalink` does. Undefined when the collection's
 * documents got no page (no `output: true`).
 */
export function jekyllCollectionPattern(rules: JekyllRules, label: string, root: string, path: string): string | undefined {
  const collection = rules.collections[label];
  if (!collection?.output) return undefined;
  return defaultPermalink(rules, root, path, label) ?? collection.permalink ?? withStyleEnding("/:collection/:path", rules.style);
}

/** Jekyll's `add_permalink_suffix`: a pattern ends with a slash or with `:output_ext` as the site's style does. */
function withStyleEnding(pattern: string, style: string): string {
  if (style === "pretty" || style === "simple") return `${pattern}/`;
  if (style === "date" || style === "ordinal" || style === "none") return `${pattern}:output_ext`;
  return `${pattern}${style.endsWith("/") ? "/" : ""}${style.endsWith(":output_ext") ? ":output_ext" : ""}`;
}

/** The pattern of a post's address: the defaults that apply to it, in Jekyll's precedence, else the collection's. */
export function jekyllPattern(rules: JekyllRules, root: string, path: string): string {
  return defaultPermalink(rules, root, path, "posts") ?? rules.pattern;
}

/** The permalink the front matter defaults give a document of collection `type` (`posts`) at `path`, in Jekyll's precedence. */
function defaultPermalink(rules: JekyllRules, root: string, path: string, type: string): string | undefined {
  let fromRoot = relative(root, path).split(sep).join("/");
  if (rules.collectionsDir && fromRoot.startsWith(`${rules.collectionsDir}/`)) fromRoot = fromRoot.slice(rules.collectionsDir.length + 1);
  let permalink: string | undefined;
  let winner: DefaultSet | undefined;
  for (const set of rules.defaults) {
    if (!appliesTo(set, fromRoot, rules.collectionsDir, type)) continue;
    if (hasPrecedence(winner, set)) {
      winner = set;
      permalink = set.permalink ?? permalink;
    } else permalink = permalink ?? set.permalink;
  }
  return permalink;
}

/** The categories Jekyll reads from a post's path: the folders above its `_posts/` (`annonces/_posts/…` is in `annonces`), before those of its front matter. */
export function categoriesFromPath(rules: Pick<JekyllRules, "collectionsDir">, root: string, path: string): string[] {
  const fromRoot = relative(join(root, rules.collectionsDir), path).split(sep);
  const posts = fromRoot.indexOf("_posts");
  return posts > 0 ? fromRoot.slice(0, posts).filter(Boolean) : [];
}

function appliesTo(set: DefaultSet, fromRoot: string, collectionsDir: string, type: string): boolean {
  if (set.type !== undefined && set.type !== type) return false;
  if (!set.path) return true;
  const scope = collectionsDir && set.path.startsWith(`${collectionsDir}/`) ? set.path.slice(collectionsDir.length + 1) : set.path;
  if (!scope.includes("*")) return fromRoot.startsWith(scope);
  // Jekyll lists what the glob finds, then asks whether one of those is the start of the post's path.
  const glob = new RegExp(`^${scope.split(/(\*\*|\*|\?)/).map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part === "?" ? "[^/]" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
  const segments = fromRoot.split("/");
  return segments.some((_segment, index) => glob.test(segments.slice(0, index + 1).join("/")));
}

function hasPrecedence(old: DefaultSet | undefined, next: DefaultSet): boolean {
  if (!old) return true;
  const length = (path: string) => path.replace(/^\/|(?<=[^/])$/g, "").length;
  if (length(next.path) !== length(old.path)) return length(next.path) >= length(old.path);
  return next.type !== undefined || old.type === undefined;
}

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The day (YYYY-MM-DD) of a moment written with its offset (`2013-05-06T02:12:52+02:00`) in a time zone; undefined without an offset. */
export function dayInZone(timestamp: string, zone: string): string | undefined {
  if (!/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(timestamp)) return undefined;
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Jekyll's `slugify`: in its default mode, lower case, every run of other characters than letters, marks and digits a hyphen; `pretty` keeps `._~!$&'()+,;=@` too, `cased` the case. */
export function jekyllSlugify(text: string, mode: "default" | "pretty" = "default", cased = false): string {
  const other = mode === "pretty" ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu;
  const slug = text.replace(other, "-").replace(/^-+|-+$/g, "");
  return cased ? slug : slug.toLowerCase();
}

/**
 * A post's file name as Jekyll reads it (`2023-05-04-titre.md`): its day, and its name after
 * the day. Jekyll takes a month and a day of one digit (`2015-6-1-titre.md`): the day is
 * written here in full, `2015-06-01`. It takes a year of two digits too (`09-05-16-titre.md`),
 * which Ruby's `Time.parse` completes: 69 to 99 are 1969 to 1999, 00 to 68 are 2000 to 2068.
 * Only in a Jekyll site's folder (`shortYears`): in a file of unknown origin, `16-05-09` is as
 * likely a day written the French way.
 */
export function jekyllDatedName(stem: string, shortYears = false): { day: string; name: string } | undefined {
  const match = (shortYears ? /^(\d{4}|\d{2})-(\d{1,2})-(\d{1,2})-(.+)$/ : /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/).exec(stem);
  if (!match) return undefined;
  const [written, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const year = match[1]!.length === 2 ? written + (written >= 69 ? 1900 : 2000) : written;
  // Jekyll refuses a day that is not one (`2015-13-40-…`): no day, and the name stays whole.
  if (!isRealDate(year, month, day)) return undefined;
  return { day: isoDate(year, month, day), name: match[4]! };
}
