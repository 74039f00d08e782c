import { basename, dirname, extname } from "node:path";
import type { ArticleAddress } from "../model/article.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import { isSitePagePath } from "../model/urls.ts";
import { slugify } from "../text/slug.ts";

/** A file named by its day, as Jekyll names posts and `npm run import` writes them: `2023-05-04-titre.md`. */
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-/;
/** A folder named by a year (`content/articles/2023/…`). */
const YEAR_FOLDER = /^\d{4}$/;
/** Hugo's page bundles: the post is the folder, its text `index.md`. */
const BUNDLE_FILES: ReadonlySet<string> = new Set(["index", "_index"]);

interface Asked {
  slug?: string | undefined;
  permalink?: string | undefined;
  /** Line of each front-matter key, for the diagnostics. */
  lines: Readonly<Record<string, number>>;
}

/**
 * The address a source file asks for, from the file alone: its `slug:`, else its file name
 * (Hugo's and Jekyll's rule: `2023-05-04-titre.md` is `titre`), filed under the year of the
 * file name or of a year folder; a `permalink:` path is the page's path. Never the title, so
 * that correcting it moves nothing; never the front matter's date, so that adding one later
 * moves nothing either.
 */
export function addressOf(path: string, asked: Asked): { address: ArticleAddress; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const stem = basename(path, extname(path));
  const named = BUNDLE_FILES.has(stem.toLowerCase()) ? basename(dirname(path)) : stem;
  const day = DAY_PREFIX.exec(named);
  const folderYear = dirname(path).split(/[\\/]/).reverse().find((segment) => YEAR_FOLDER.test(segment));
  const address: ArticleAddress = {
    slug: asked.slug ?? slugify(day ? named.slice(day[0].length) : named, named),
    ...(day ? { year: day[1] as string, day: `${day[1]}-${day[2]}-${day[3]}` } : folderYear ? { year: folderYear } : {}),
  };
  const aliasesLine = asked.lines["aliases"] ?? asked.lines["redirect_from"];
  if (aliasesLine !== undefined) address.aliasesLine = aliasesLine;
  if (asked.slug) address.asked = { key: "slug", line: asked.lines["slug"] ?? 1 };
  if (asked.permalink) {
    const page = pagePathOf(asked.permalink);
    const line = asked.lines["permalink"] ?? asked.lines["url"] ?? 1;
    if (page) {
      address.path = page;
      address.asked = { key: "permalink", line };
    } else {
      diagnostics.push({
        file: path,
        line,
        rule: "permalink-not-a-page",
        severity: "warning",
        ...described("permalink-not-a-page", { permalink: asked.permalink, ownSection: isSitePagePath(normalPagePath(asked.permalink)) || asked.permalink.startsWith("/articles/") ? 1 : 0 }),
      });
    }
  }
  return { address, diagnostics };
}

/**
 * A permalink (already a safe path from the site's root, see sitePathOf) as the path of a
 * page: a folder (`/2019/05/titre/`, the slash added when missing) or an `.html` file; not
 * a feed, an image or one of Revue's own pages.
 */
export function pagePathOf(path: string): string | undefined {
  const page = normalPagePath(path);
  // Under /articles/ are the pages Revue places by file name: a permalink there could take one.
  if (page === "/" || isSitePagePath(page) || page.startsWith("/articles/")) return undefined;
  const last = page.split("/").at(-1) ?? "";
  return last === "" || /\.html?$/i.test(last) ? page : undefined;
}

/** `/2019/titre` → `/2019/titre/`: a last segment without an extension is a folder, as Hugo and Jekyll write them. */
function normalPagePath(path: string): string {
  const last = path.split("/").at(-1) ?? "";
  return last !== "" && !last.includes(".") ? `${path}/` : path;
}
