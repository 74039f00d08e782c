import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { slugify } from "../text/slug.ts";
import { isRealDate } from "../text/calendar.ts";
import { readDataFile } from "./site-config.ts";
import { COMPUTED, literalDataExport, type DataValue } from "./eleventy-data-js.ts";

/**
 * Where Eleventy wrote a post, as its documentation describes it: the post's `permalink`,
 * from its front matter, else from its template data file (`post.11tydata.json`), else from
 * the nearest directory data file (`blog/blog.json`, `blog/blog.11tydata.json`); else the
 * file's path under the input folder, a file named as its folder (`blog/note/note.md`) or
 * `index` standing for the folder. A permalink is filled when its templates are ones Revue
 * knows (`{{ page.fileSlug }}`, `{{ page.filePathStem }}`, `{{ title | slugify }}`); any other
 * template, a JavaScript data file whose code computes one, or `permalink: false` gives no
 * address rather than a wrong one; a JavaScript data file that writes its permalink out is
 * read as a JSON one is (./eleventy-data-js.ts).
 */
export interface EleventyPost {
  path: string;
  title: string | undefined;
  /** `permalink` as the front matter wrote it, if it did. */
  permalink?: unknown;
}

export function eleventyPath(root: string, input: string, post: EleventyPost): string | undefined {
  const inputFolder = join(root, input);
  const fromInput = relative(inputFolder, post.path);
  if (fromInput.startsWith("..")) return undefined;
  const permalink = post.permalink !== undefined ? post.permalink : dataValue(inputFolder, post.path, "permalink");
  if (permalink === JAVASCRIPT) return undefined;
  const stem = basename(post.path, extname(post.path));
  const folders = fromInput.split(sep).slice(0, -1);
  if (permalink === undefined) {
    const named = stem === "index" || stem === folders.at(-1) ? [] : [stem];
    return `/${[...folders, ...named].join("/")}/`.replace(/^\/\/$/, "/");
  }
  if (typeof permalink !== "string") return undefined;
  const tokens: Record<string, string | undefined> = {
    "page.fileslug": fileSlug(stem, folders),
    "page.filepathstem": `/${[...folders, stem].join("/")}`,
    "title|slug": post.title ? slugify(post.title) : undefined,
    "title|slugify": post.title ? slugify(post.title) : undefined,
  };
  let unknown = false;
  const filled = permalink.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_all, expression: string) => {
    const value = tokens[expression.replace(/\s+/g, "").toLowerCase()];
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  if (unknown || /\{[{%]/.test(filled)) return undefined;
  const path = `/${filled.replace(/^\/+/, "")}`.replace(/\/index\.html?$/i, "/");
  return path === "/" ? undefined : path;
}

/** A data file that is JavaScript: it may compute a permalink that only running it would tell. */
const JAVASCRIPT = Symbol("javascript");

/**
 * A key's value from the post's data files, the nearest first (its template's
 * `post.11tydata.*`, then each folder's, up to the input folder), as Eleventy's data cascade
 * gives it; `JAVASCRIPT` when a JavaScript file's code computes the key or may.
 */
function dataValue(inputFolder: string, path: string, key: string): unknown {
  const stem = basename(path, extname(path));
  const candidates: string[] = [join(dirname(path), `${stem}.11tydata`)];
  for (let folder = dirname(path); folder === inputFolder || folder.startsWith(inputFolder + sep); folder = dirname(folder)) {
    candidates.push(join(folder, `${basename(folder)}.11tydata`), join(folder, basename(folder)));
    if (folder === inputFolder) break;
  }
  for (const candidate of candidates) {
    for (const ext of [".js", ".cjs", ".mjs"]) {
      if (!existsSync(candidate + ext)) continue;
      const found = javaScriptValue(readFileSync(candidate + ext, "utf8"), key);
      if (found !== undefined) return found;
    }
    const data = readDataFile(`${candidate}.json`);
    if (key in data) return data[key];
  }
  return undefined;
}

/**
 * The value a JavaScript data file gives a key: written out (`permalink: "blog/{{ page.fileSlug }}/"`,
 * `draft: true`), also under `eleventyComputed`, or `JAVASCRIPT` when its code computes it or
 * may; undefined when it sets none.
 */
function javaScriptValue(source: string, key: string): unknown {
  const data = literalDataExport(source);
  if (data === undefined) return new RegExp(`\\b${key}\\b`).test(source) ? JAVASCRIPT : undefined;
  const computed = data["eleventyComputed"];
  let value: DataValue | undefined = data[key];
  if (value === undefined && computed !== undefined) value = computed === COMPUTED ? COMPUTED : computed !== null && typeof computed === "object" && !Array.isArray(computed) ? computed[key] : undefined;
  return value === COMPUTED ? JAVASCRIPT : value;
}

/**
 * Why the post's data files kept it off its site, if they did: `permalink: false` (Eleventy
 * wrote no page), or `draft: true` (the convention of eleventy-base-blog and the sites made
 * from it, whose build leaves drafts out).
 */
export function unpublishedByData(root: string, input: string, path: string): "not-written" | "draft" | undefined {
  const inputFolder = join(root, input);
  if (dataValue(inputFolder, path, "permalink") === false) return "not-written";
  return dataValue(inputFolder, path, "draft") === true ? "draft" : undefined;
}

/** Eleventy's `page.fileSlug`: the file's name without a leading date, or its folder's, without its date too, for an `index`. */
function fileSlug(stem: string, folders: readonly string[]): string | undefined {
  const undated = (name: string) => /^\d{4}-\d{2}-\d{2}-(.*)$/.exec(name)?.[1] ?? name;
  if (stem === "index") return folders.length ? undated(folders.at(-1)!) : undefined;
  return undated(stem) || stem;
}

/**
 * The day Eleventy gives a post without `date:`: the first `YYYY-MM-DD` of its path from the
 * site's folder, a folder's (`posts/2023-02-24-titre/index.md`) as well as the file's.
 */
export function eleventyPathDay(root: string, path: string): string | undefined {
  const written = /(\d{4})-(\d{2})-(\d{2})/.exec(relative(root, path).split(sep).join("/"));
  if (!written) return undefined;
  const [year, month, day] = written.slice(1, 4).map(Number) as [number, number, number];
  return isRealDate(year, month, day) ? written[0] : undefined;
}
