import { basename, extname, posix, relative, sep } from "node:path";
import { record } from "./site-config.ts";

/**
 * How Hugo made a page's address, from its configuration (keys in lower case, as
 * ./site-config.ts reads them):
 * - its language: the language whose `contentDir` holds the file, else the one its name
 *   carries (`article.fr.md`, `index.fr.md`) when the site configures it, else
 *   `defaultContentLanguage` (`en`); the address starts with `/<language>` unless it is the
 *   default language (then only with `defaultContentLanguageInSubdir`);
 * - its section: the first folder under its language's content folder;
 * - `permalinks` for that section (`posts = '/:year/:month/:slug/'`), the language's own when
 *   it sets some (`[languages.en.permalinks]`: they replace the site's, as Hugo reads them),
 *   else its folders and its name (the bundle's folder for `index.md`), the name replaced by `slug`;
 * - every part as Hugo's `urlize` makes it: `removePathAccents`, `disablePathToLower` heeded;
 *   a trailing `/`, or `.html` with `uglyURLs`.
 */
export interface HugoRules {
  /** The site's content folder, from its root (`content`). */
  contentDir: string;
  /** Configured languages (lower case) with their own content folder and permalinks, if any. */
  languages: readonly { code: string; contentDir?: string; permalinks?: Readonly<Record<string, string>> }[];
  defaultLanguage: string;
  defaultInSubdir: boolean;
  /** Section (lower case) → pattern. */
  permalinks: Readonly<Record<string, string>>;
  removePathAccents: boolean;
  disablePathToLower: boolean;
  uglyURLs: boolean;
  /**
   * The sections (lower case) the site names as its posts' (`mainSections`, or
   * `params.mainSections` as themes read it); absent when it names none: Hugo then takes the
   * section with the most pages, a guess too weak to leave the others out.
   */
  mainSections?: readonly string[];
}

export interface HugoPage {
  path: string;
  /** YYYY-MM-DD. */
  day: string | undefined;
  title: string | undefined;
  slug: string | undefined;
}

export function hugoRules(config: Readonly<Record<string, unknown>>): HugoRules {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const defaultLanguage = (text(config["defaultcontentlanguage"]) ?? "en").toLowerCase();
  const mounted = contentMounts(config);
  const languages = Object.entries(record(config["languages"]))
    .filter(([, settings]) => record(settings)["disabled"] !== true)
    .map(([code, settings]) => {
      const contentDir = text(record(settings)["contentdir"]) ?? mounted.byLanguage.get(code.toLowerCase());
      const permalinks = record(settings)["permalinks"];
      return { code: code.toLowerCase(), ...(contentDir ? { contentDir: folderPath(contentDir) } : {}), ...(permalinks !== undefined ? { permalinks: sectionPatterns(permalinks) } : {}) };
    });
  return {
    contentDir: folderPath(text(config["contentdir"]) ?? mounted.site ?? "content"),
    languages: languages.length ? languages : [{ code: defaultLanguage }],
    defaultLanguage,
    defaultInSubdir: config["defaultcontentlanguageinsubdir"] === true,
    permalinks: sectionPatterns(config["permalinks"]),
    removePathAccents: config["removepathaccents"] === true,
    disablePathToLower: config["disablepathtolower"] === true,
    uglyURLs: config["uglyurls"] === true,
    ...mainSections(config["mainsections"] ?? record(config["params"])["mainsections"]),
  };
}

/** The sections named by `mainSections`: a list, or one name. */
function mainSections(written: unknown): { mainSections?: string[] } {
  const names = (Array.isArray(written) ? written : [written]).filter((name): name is string => typeof name === "string" && name.trim() !== "");
  return names.length ? { mainSections: names.map((name) => name.trim().toLowerCase()) } : {};
}

/**
 * The folders Hugo's module mounts give as content (`module: { mounts: [{ source: content/fr,
 * target: content, lang: fr }] }`): a language's, as its `contentDir` would, or the site's.
 */
function contentMounts(config: Readonly<Record<string, unknown>>): { site?: string; byLanguage: Map<string, string> } {
  const mounts = record(config["module"])["mounts"];
  const byLanguage = new Map<string, string>();
  let site: string | undefined;
  for (const mount of Array.isArray(mounts) ? mounts : []) {
    const { source, target, lang } = record(mount);
    if (typeof source !== "string" || typeof target !== "string" || folderPath(target) !== "content") continue;
    if (typeof lang === "string" && lang.trim()) byLanguage.set(lang.trim().toLowerCase(), folderPath(source));
    else site ??= folderPath(source);
  }
  return { ...(site ? { site } : {}), byLanguage };
}

/** Section (lower case) → pattern, from a `permalinks` table. */
function sectionPatterns(written: unknown): Record<string, string> {
  const permalinks = record(written);
  // Hugo 0.120 and later group patterns by page kind (`[permalinks.page]`); before, by section.
  const patterns: Record<string, string> = {};
  for (const [section, pattern] of Object.entries({ ...permalinks, ...record(permalinks["page"]) })) if (typeof pattern === "string") patterns[section.toLowerCase()] = pattern;
  return patterns;
}

/** A folder as written in the configuration (`./content/fr/`) as a path from the root (`content/fr`). */
function folderPath(written: string): string {
  return posix.normalize(written.replace(/\\/g, "/")).replace(/^(\.\/)+|\/+$/g, "");
}

/**
 * A translation by its file's name (`article.fr.md`, `index.en.md`): the language, one the
 * site configures, and the name without it; undefined for a file whose name names none.
 */
export function namedLanguage(rules: Pick<HugoRules, "languages">, path: string): { language: string; stem: string } | undefined {
  const match = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$/.exec(basename(path, extname(path)));
  const language = match?.[2]?.toLowerCase();
  return match?.[1] && rules.languages.some((known) => known.code === language) ? { language: language ?? "", stem: match[1] } : undefined;
}

/** Where a page of the content folder is: its language, the folders under its language's content folder, its name. */
function hugoPlace(rules: HugoRules, root: string, path: string): { language: string; folders: string[]; name: string; bundle: boolean } | undefined {
  const fromRoot = relative(root, path).split(sep).join("/");
  const own = [...rules.languages].filter((language) => language.contentDir).sort((a, b) => b.contentDir!.length - a.contentDir!.length).find((language) => fromRoot.startsWith(`${language.contentDir}/`));
  const folder = own?.contentDir ?? rules.contentDir;
  if (!fromRoot.startsWith(`${folder}/`)) return undefined;
  const parts = fromRoot.slice(folder.length + 1).split("/");
  const named = namedLanguage(rules, path);
  const stem = named?.stem ?? basename(path, extname(path));
  const language = named?.language ?? own?.code ?? rules.defaultLanguage;
  const bundle = stem === "index";
  const folders = parts.slice(0, bundle ? -2 : -1);
  return { language, folders, name: bundle ? parts.at(-2) ?? stem : stem, bundle };
}

/** `/<language>` where Hugo publishes the language in its own folder, else nothing. */
function languagePrefix(rules: HugoRules, language: string): string {
  return language !== rules.defaultLanguage || rules.defaultInSubdir ? `/${language}` : "";
}

export function hugoPath(rules: HugoRules, root: string, page: HugoPage, fill: (pattern: string, tokens: Record<string, string | undefined>) => string | undefined): string | undefined {
  const place = hugoPlace(rules, root, page.path);
  if (!place) return undefined;
  const { folders, name } = place;
  const urlize = (value: string) => hugoUrlize(value, rules);
  const section = folders[0] ?? "";
  const pattern = (rules.languages.find((language) => language.code === place.language)?.permalinks ?? rules.permalinks)[section.toLowerCase()];
  const slugOrFile = page.slug ? urlize(page.slug) : urlize(name);
  const title = page.title?.trim() ? page.title : name;
  const [year, month, date] = page.day?.split("-") ?? [];
  const filled = !pattern
    ? `/${[...folders.map(urlize), slugOrFile].join("/")}`
    : fill(pattern, {
        ...(year && month && date ? dateTokens(year, month, date) : {}),
        section: urlize(section),
        sections: folders.map(urlize).join("/"),
        slug: page.slug ? urlize(page.slug) : urlize(title),
        title: urlize(title),
        filename: urlize(name),
        contentbasename: urlize(name),
        slugorfilename: slugOrFile,
        slugorcontentbasename: slugOrFile,
      });
  if (!filled) return undefined;
  const path = `${languagePrefix(rules, place.language)}/${filled.split("/").filter(Boolean).join("/")}`;
  if (path === "/") return undefined;
  return rules.uglyURLs ? `${path}.html` : `${path}/`;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function dateTokens(year: string, month: string, day: string): Record<string, string> {
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const yearday = String(Math.round((time - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1);
  const weekday = new Date(time).getUTCDay();
  return { year, month, day, yearday, monthname: MONTHS[Number(month) - 1] ?? "", weekday: String(weekday), weekdayname: WEEKDAYS[weekday] ?? "" };
}

/**
 * Hugo's `urlize` as it makes a path: accents removed with `removePathAccents`; letters,
 * digits, marks and `. / \ _ - # + ~ @` kept, a run of spaces one hyphen (none at either
 * end, none beside a hyphen), anything else dropped; lower case unless `disablePathToLower`.
 */
export function hugoUrlize(text: string, rules: Pick<HugoRules, "removePathAccents" | "disablePathToLower">): string {
  const source = rules.removePathAccents ? text.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC") : text;
  let target = "";
  let spaceBefore = false;
  let wasHyphen = false;
  for (const char of source) {
    if (/[\p{L}\p{N}\p{M}./\\_#+~@-]/u.test(char)) {
      wasHyphen = char === "-";
      if (spaceBefore && !wasHyphen) target += "-";
      spaceBefore = false;
      target += char;
    } else if (target && !wasHyphen && /\s/u.test(char)) spaceBefore = true;
  }
  return rules.disablePathToLower ? target : target.toLowerCase();
}

/**
 * Hugo's aliases of a page as paths from the site's root: one written without a leading `/`
 * (`aliases: [ancien-nom]`) is beside the page's own address (`/fr/posts/titre/` gives
 * `/fr/posts/ancien-nom/`); undefined when one cannot be placed.
 */
export function hugoAliases(rules: Pick<HugoRules, "uglyURLs">, written: readonly unknown[], pageAddress: string): string[] | undefined {
  const resolved: string[] = [];
  for (const alias of written) {
    if (typeof alias !== "string" || !alias.trim()) return undefined;
    const text = alias.trim().replace(/\\/g, "/");
    if (text.startsWith("/")) {
      resolved.push(text);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return undefined;
    const joined = posix.join(posix.dirname(pageAddress.replace(/\/$/, "")), text);
    if (!joined.startsWith("/") || joined.split("/").includes("..")) return undefined;
    resolved.push(joined.endsWith(".html") || joined.endsWith("/") ? joined : rules.uglyURLs ? `${joined}.html` : `${joined}/`);
  }
  return resolved;
}
