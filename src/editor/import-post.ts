import { basename, dirname, extname, relative } from "node:path";
import { readSourceFile } from "../ingest/read-source.ts";
import type { SourceDoc } from "../ingest/source-doc.ts";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { slugify } from "../text/slug.ts";
import { mapFrontMatterKeys, sitePathOf } from "../archive/front-matter-keys.ts";
import { oldPath, writtenAliases } from "./import-old-paths.ts";
import { isoTimestamp, parseIso8601 } from "../archive/written-dates.ts";
import type { ItemSource, SkippedEntry } from "./import-item.ts";
import { htmlToMarkdown } from "../ingest/html-to-markdown.ts";
import { eleventyDateKeyword, keywordDate } from "./eleventy-dates.ts";
import { isPlausibleYear } from "../text/calendar.ts";
import { cleanMarkup, type MarkupDialect } from "./import-markup.ts";
import { jekyllDatedName } from "./jekyll-addresses.ts";
import { eleventyPathDay, unpublishedByData } from "./eleventy-addresses.ts";
import type { SiteFile, SiteTool } from "./import-site.ts";
import { kindOf, resolveRef } from "../archive/resolve-refs.ts";
import type { ImportNotes } from "../messages/import-notes.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

/**
 * A Markdown post of Hugo, Jekyll or Eleventy (or a plain Markdown file) as the source the
 * import builds: its front matter in Revue's keys (./front-matter-keys.ts reads the
 * ecosystem's), its body as written but for the generator's tags (./import-markup.ts), and
 * what the editor should check. What Revue does not keep is named in the notes: keys it does
 * not read, with their values, tags removed from the body, a bundle's files; `say` words them.
 */
export type PostEntry = { post: ItemSource } | { skipped: SkippedEntry } | { failed: string[] };

/** Fields of the record's front matter the import writes as the post gave them: the record does not carry them. */
const WRITTEN_AS_GIVEN = ["topics", "add", "authors", "summary", "aliases", "permalink", "modified", "image", "image_alt"] as const;

/** Hugo's keys for the day a page leaves the site: a post past it is a draft; one still to come is listed as not kept. */
const EXPIRY_KEYS = new Set(["expirydate", "unpublishdate"]);

function writtenTwice(warning: Diagnostic, say: ImportNotes): string {
  const { key, firstLine } = warning.params as { key: string; firstLine: number };
  return say.keyWrittenTwice(key, firstLine, warning.line ?? firstLine);
}

/** `archivePrefix`: the path the archive is published under (`path_prefix`), which its redirects are written under. */
export function readPost(file: SiteFile, display: string, kb: KnowledgeBase, today: Date, say: ImportNotes, archivePrefix: string): PostEntry {
  if (file.skip) return { skipped: { source: display, kind: file.skip.kind, reason: file.skip.reason(say) } };
  // A post in HTML is front matter, then HTML: read as Markdown, its body made Markdown once its generator's tags are gone.
  const read = readSourceFile(file.path, display, file.markup ? { format: "markdown" } : {});
  const errors = read.diagnostics.filter((d) => d.severity === "error");
  if (!read.doc || errors.length) return { failed: (errors.length ? errors : read.diagnostics).map((d) => say.sourceProblem(d)) };
  const doc = read.doc;
  // What the post's sections hand down (Hugo's `cascade`) counts as written, under what the post writes itself.
  const own = new Set(Object.keys(doc.frontMatter).map((key) => key.toLowerCase()));
  const handed = Object.entries(file.handedDown ?? {}).filter(([key]) => !own.has(key.toLowerCase()));
  const tool = file.tool ?? toolOf(doc, file.path);
  const asWritten = handed.length ? { ...Object.fromEntries(handed), ...doc.frontMatter } : doc.frontMatter;
  const written = tool === "jekyll" ? withRootedPermalink(asWritten) : asWritten;
  if (tool === "eleventy" && Object.keys(written).length === 0) {
    return { skipped: { source: display, kind: "no-front-matter", reason: say.eleventyNoFrontMatter } };
  }
  if (tool === "hugo" && neverRendered(written)) return { skipped: { source: display, kind: "page", reason: say.hugoHeadless } };
  // Eleventy has no folder for posts: a post is in a collection (`tags`) or dated; a page (`about/index.md`) is neither.
  if (tool === "eleventy" && !hasKey(written, "date") && !hasKey(written, "tags") && !/^\d{4}-\d{2}-\d{2}-/.test(basename(file.path)) && !(file.rules && eleventyPathDay(file.rules.site.root, file.path))) {
    return { skipped: { source: display, kind: "page", reason: say.eleventyPage } };
  }

  // A key written twice is read as Hugo and Jekyll read it, the later value kept: the editor checks it was the one meant.
  const notes: string[] = read.diagnostics.flatMap((d) => (d.code === "yaml-duplicate-key" ? [writtenTwice(d, say)] : []));
  const mapped = mapFrontMatterKeys(tool === "eleventy" ? withOneTag(written) : written, doc.frontMatterLines, display);
  const keyAt = (line: number | undefined) => Object.keys(written).find((key) => doc.frontMatterLines[key] === line);
  const dropped = new Set<string>();
  for (const diagnostic of mapped.diagnostics) {
    const key = keyAt(diagnostic.line);
    if (key) dropped.add(key);
  }

  const data: Record<string, unknown> = Object.create(null);
  Object.assign(data, mapped.data);
  // Eleventy's keywords (`date: git Created`) are no date to the front matter's reader: the day they stood for is found here.
  const keyword = typeof written["date"] === "string" ? eleventyDateKeyword(written["date"]) : undefined;
  const keywordFound = keyword && keywordDate(file.path, keyword.keyword, keyword.git);
  if (keywordFound) {
    notes.push(say.dateFromKeyword("date", shown(written["date"]), keywordFound.from));
    data["date"] = keywordFound.date;
    dropped.delete("date");
  }
  let dateSetAside = false;
  const date = typeof data["date"] === "string" ? normalDate(data["date"]) : undefined;
  if (date) data["date"] = date;
  else if (typeof data["date"] === "string" && !/^\d{4}(-\d{2})?$/.test(data["date"])) {
    // Not a date (an archetype's `{{ .Date }}`, a typo): the day comes from the file name or the text, and the editor checks it.
    const key = mapped.keys["date"] ?? "date";
    notes.push(say.unreadableDate(key, shown(written[key])));
    delete data["date"];
    dateSetAside = true;
  }
  if (typeof data["date"] === "string" && !isPlausibleYear(Number(data["date"].slice(0, 4)), today)) {
    // A year to come far off (`date: 2099-…`, a way to hide a draft) or before the press: no day of publication.
    const key = mapped.keys["date"] ?? "date";
    notes.push(say.implausibleDate(`${key}: ${shown(written[key])}`));
    delete data["date"];
    dateSetAside = true;
  }
  // The day a post's path gives where Revue's names would not: Jekyll's name with a month or a
  // day of one digit (`2015-6-1-titre.md`), Eleventy's first day in the path, a folder's too
  // (`2023-02-24-titre/index.md`).
  const pathDay = dateSetAside || data["date"] !== undefined ? undefined : dayOfPath(file, tool);
  if (pathDay && !basename(file.path).startsWith(`${pathDay.day}-`)) Object.assign(data, { date: pathDay.day, date_evidence: `file name ${pathDay.written}` });
  if (typeof data["modified"] === "string") {
    const modified = normalDate(data["modified"]) ?? (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(data["modified"]) ? data["modified"] : undefined);
    if (modified) data["modified"] = modified;
    else {
      const key = mapped.keys["modified"] ?? "modified";
      notes.push(say.unreadableModified(key, shown(written[key])));
      delete data["modified"];
    }
  }
  if (typeof data["slug"] !== "string" || !slugify(data["slug"])) data["slug"] = fileSlug(file, data["title"]);
  else data["slug"] = translatedSlug(slugify(data["slug"]), file.translation);

  Object.assign(data, termFields(data, kb));
  delete data["tags"];
  const { reasons: unpublished, used } = draftReasons(file, written, mapped.keys, data, today, say);
  for (const key of used) dropped.delete(key);
  if (unpublished.length) {
    data["draft"] = true;
    notes.push(say.draft(unpublished));
  }
  // Hugo's aliases written beside the post's address (`aliases: [ancien-nom]`), as paths from the site's root.
  const aliasKey = writtenKey(written, "aliases");
  const beside = aliasKey && file.rules ? writtenAliases(file.rules, written[aliasKey], typeof data["permalink"] === "string" ? data["permalink"] : formerPath(file, written, data)) : undefined;
  if (aliasKey && beside) {
    data["aliases"] = [...new Set([...(Array.isArray(data["aliases"]) ? (data["aliases"] as string[]) : []), ...beside])];
    dropped.delete(aliasKey);
  }
  const former = unpublished.length || data["permalink"] !== undefined || !file.rules ? undefined : formerPath(file, written, data);
  // Jekyll fills the placeholders of a post's own `permalink: /blog/:year/:title/` as it does the site's: that key gave the former address.
  const permalinkKey = writtenKey(written, "permalink");
  if (former && tool === "jekyll" && permalinkKey) dropped.delete(permalinkKey);
  if (former) data["aliases"] = [...new Set([...(Array.isArray(data["aliases"]) ? (data["aliases"] as string[]) : []), former])];
  else if (file.collection !== undefined && file.rules?.jekyll?.collections[file.collection]?.output !== true) notes.push(say.jekyllNoPage(file.collection));
  else if (file.rules && !unpublished.length && data["permalink"] === undefined) notes.push(say.formerAddressUnknown);
  const hasFormerAddress = data["permalink"] !== undefined || (Array.isArray(data["aliases"]) && data["aliases"].length > 0);
  if (hasFormerAddress && file.rules?.prefix && file.rules.prefix !== archivePrefix) notes.push(say.formerPrefix(file.rules.prefix));
  if (dropped.size) notes.push(say.droppedKeys([...dropped].map((key) => `${key}: ${shown(written[key])}`)));

  const body = cleanMarkup(doc.text, dialectsOf(tool, doc.text), say);
  notes.push(...body.notes);
  const text = file.markup === "html" ? htmlToMarkdown(body.text) : body.text;
  if (file.bundle?.resources.length) {
    notes.push(say.bundleFiles(file.bundle.name, file.bundle.resources));
  }

  const frontMatter: Record<string, unknown> = Object.create(null);
  for (const field of WRITTEN_AS_GIVEN) if (data[field] !== undefined) frontMatter[field] = data[field];
  const source: SourceDoc = { ...doc, frontMatter: data, frontMatterLines: mapped.lines, text };
  return { post: { doc: source, frontMatter, notes, ...(dateSetAside ? { dateSetAside } : {}) } };
}

/**
 * Tags and categories as Revue's fields, as the WordPress import writes them: a term that
 * names a person, an institution or a place of the base tags the article with it (`add`);
 * the others are its topics, by their id when the base knows them, else as the site named them.
 */
function termFields(data: Readonly<Record<string, unknown>>, kb: KnowledgeBase): Record<string, unknown> {
  const terms = Array.isArray(data["tags"]) ? data["tags"].filter((term): term is string => typeof term === "string") : [];
  if (!terms.length) return {};
  const listed = (field: string) => (Array.isArray(data[field]) ? (data[field] as unknown[]) : []);
  const isActor = (term: string) => {
    const kind = kindOf(term, kb);
    return kind !== undefined && kind !== "topic";
  };
  const topics = terms.filter((term) => !isActor(term)).map((term) => {
    const ref = resolveRef(term, "topic", kb);
    return ref.known ? ref.id : term;
  });
  const add = terms.filter(isActor);
  return {
    ...(topics.length ? { topics: [...new Set([...listed("topics"), ...topics])] } : {}),
    ...(add.length ? { add: [...new Set([...listed("add"), ...add])] } : {}),
  };
}

/** The post's address on its former site, by its generator's rules (./import-old-paths.ts), as a path Revue can redirect from. */
function formerPath(file: SiteFile, written: Readonly<Record<string, unknown>>, data: Readonly<Record<string, unknown>>): string | undefined {
  if (!file.rules) return undefined;
  const day = typeof data["date"] === "string" ? data["date"].slice(0, 10) : jekyllDatedName(basename(file.path, extname(file.path)), file.tool === "jekyll")?.day;
  const slugKey = writtenKey(written, "slug");
  const writtenSlug = slugKey === undefined ? undefined : written[slugKey];
  const permalinkKey = writtenKey(written, "permalink");
  const categories = Object.entries(written)
    .filter(([key]) => key.toLowerCase() === "categories" || key.toLowerCase() === "category")
    .flatMap(([, value]) => (typeof value === "string" ? value.trim().split(/\s+/) : Array.isArray(value) ? value.map(String) : []));
  const path = oldPath(file.rules, {
    path: file.path,
    day,
    date: typeof data["date"] === "string" ? data["date"] : undefined,
    title: typeof data["title"] === "string" ? data["title"] : undefined,
    slug: typeof writtenSlug === "string" && writtenSlug.trim() ? writtenSlug.trim() : undefined,
    categories,
    ...(permalinkKey ? { permalink: written[permalinkKey] } : {}),
    collection: file.collection,
  });
  return path ? sitePathOf(path) : undefined;
}

/**
 * The template languages the post's body was run through: its tool's, else what its tags
 * say. Hugo runs shortcodes (`{{< … >}}`, `{{% … %}}`) and nothing else: a `{{ .Title }}` or a
 * `{% raw %}` in a Hugo post is text its readers saw, in a code sample most often.
 */
function dialectsOf(tool: SiteTool | undefined, text: string): Set<MarkupDialect> {
  if (tool === "hugo") return new Set(["hugo"]);
  if (tool === "jekyll" || tool === "eleventy") return new Set(["liquid"]);
  const dialects = new Set<MarkupDialect>();
  if (/\{\{[<%]/.test(text)) dialects.add("hugo");
  if (/(?<!\{)\{%|\{#(?!\s*[\w-]+\s*\})/.test(text.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, ""))) dialects.add("liquid");
  return dialects;
}

/** A file's tool from what it holds, when its folder does not say: Hugo's TOML or shortcodes, Jekyll's dated name, Eleventy's collection tag. */
function toolOf(doc: SourceDoc, path: string): SiteTool | undefined {
  if (/\{\{[<%]/.test(doc.text)) return "hugo";
  if (jekyllDatedName(basename(path, extname(path)))) return "jekyll";
  const tags = doc.frontMatter["tags"];
  if ((Array.isArray(tags) ? tags : [tags]).some((tag) => tag === "post" || tag === "posts")) return "eleventy";
  return undefined;
}

/**
 * The post's name on its site, which stays its name here: a page bundle's folder
 * (`posts/titre/index.md`), else the file's name without Jekyll's date (`2023-05-04-titre.md`).
 */
function fileSlug(file: SiteFile, title: unknown): string {
  const stem = file.name ?? file.bundle?.name ?? basename(file.path, extname(file.path));
  const name = basename(stem) === "index" ? basename(dirname(file.path)) : stem;
  // A bundle named by its day alone (`posts/2013-05-08/index.md`) is named here by its title.
  const byTitle = file.bundle && /^\d{4}-\d{2}-\d{2}$/.test(file.bundle.name) && typeof title === "string" ? slugify(title) : "";
  if (byTitle) return translatedSlug(byTitle, file.translation);
  return slugify(jekyllDatedName(name, file.tool === "jekyll")?.name ?? name) || slugify(name);
}

/** Why a post was not public on its site: a draft, a date to come, an expiry passed. */
function draftReasons(file: SiteFile, written: Readonly<Record<string, unknown>>, keys: Readonly<Record<string, string>>, data: Readonly<Record<string, unknown>>, today: Date, say: ImportNotes): { reasons: string[]; used: string[] } {
  const reasons: string[] = [];
  /** Keys Revue does not keep that made the post a draft: said in the reason, not listed as dropped. */
  const used: string[] = [];
  const day = today.toISOString().slice(0, 10);
  if (file.inDrafts) reasons.push(say.jekyllDraft);
  const rules = file.rules;
  const byData = file.tool === "eleventy" && rules?.input !== undefined && !hasKey(written, "permalink") && data["draft"] !== true ? unpublishedByData(rules.site.root, rules.input, file.path) : undefined;
  if (byData) reasons.push(byData === "draft" ? say.eleventyDataDraft : say.eleventyDataNotWritten);
  if (data["draft"] === true) {
    const key = keys["draft"] ?? "draft";
    reasons.push(key === "draft" ? say.formerSiteDraft : say.formerSiteUnpublished(key, shown(written[key])));
  }
  for (const [key, value] of Object.entries(written)) {
    const lower = key.toLowerCase();
    const stamp = typeof value === "string" || value instanceof Date ? dayOf(value) : undefined;
    if (!stamp) continue;
    if ((lower === "date" || lower === "publishdate") && stamp > day) reasons.push(say.formerSiteFutureDate(key, shown(value)));
    if (EXPIRY_KEYS.has(lower) && stamp <= day) {
      reasons.push(say.formerSiteExpired(key, shown(value)));
      used.push(key);
    }
  }
  return { reasons, used };
}

function dayOf(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return parseIso8601(value)?.day;
}

/** A date as written by Hugo or Jekyll (`2023-05-04 10:30:00 +0200`) in ISO 8601 (`2023-05-04T10:30:00+02:00`). */
function normalDate(value: string): string | undefined {
  const stamp = parseIso8601(value);
  return stamp ? isoTimestamp(stamp) : undefined;
}

/** Hugo's pages that hold resources for others and have no page of their own: `headless: true`, `build: { render: never }` (`_build` before Hugo 0.100). */
function neverRendered(written: Readonly<Record<string, unknown>>): boolean {
  const value = (key: string) => Object.entries(written).find(([written]) => written.toLowerCase() === key)?.[1];
  if (value("headless") === true) return true;
  return [value("build"), value("_build")].some((build) => {
    const render = build !== null && typeof build === "object" ? (build as Record<string, unknown>)["render"] : undefined;
    return render === false || render === "never";
  });
}

/** The day the post's tool read from its path, and the part of the path that says it. */
function dayOfPath(file: SiteFile, tool: SiteTool | undefined): { day: string; written: string } | undefined {
  if (tool === "jekyll") {
    const day = jekyllDatedName(basename(file.path, extname(file.path)), file.tool === "jekyll")?.day;
    return day ? { day, written: basename(file.path) } : undefined;
  }
  if (tool !== "eleventy" || !file.rules) return undefined;
  const day = eleventyPathDay(file.rules.site.root, file.path);
  return day ? { day, written: relative(file.rules.site.root, file.path) } : undefined;
}

/** A translation shares its original's `slug:` on its site, where its language's folder told them apart: here its name ends with its language, as a translation named by its file's does. */
function translatedSlug(slug: string, language: string | undefined): string {
  return language && !slug.endsWith(`-${language}`) ? `${slug}-${language}` : slug;
}

/** Jekyll's `permalink: post/123/titre` is the path `/post/123/titre`: it puts the root's slash before a permalink that lacks it. */
function withRootedPermalink(written: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const key = writtenKey(written, "permalink");
  const value = key === undefined ? undefined : written[key];
  if (key === undefined || typeof value !== "string" || !value.trim() || /^\/|^[a-z][a-z0-9+.-]*:/i.test(value.trim())) return written;
  return { ...written, [key]: `/${value.trim()}` };
}

/** Eleventy reads `tags: another tag` as one tag; the front matter's reader splits words as Jekyll does. */
function withOneTag(written: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const key = writtenKey(written, "tags");
  if (key === undefined || typeof written[key] !== "string") return written;
  return Object.assign(Object.create(null), written, { [key]: [written[key]] });
}

function hasKey(data: Readonly<Record<string, unknown>>, key: string): boolean {
  return writtenKey(data, key) !== undefined;
}

/** The key as the front matter wrote it (`Permalink`, `permalink`) of a key read in lower case. */
function writtenKey(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  return Object.keys(data).find((written) => written.toLowerCase() === key);
}

/** A value for a note: as YAML would write it on one line, cut when long. */
function shown(value: unknown): string {
  const text = (value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value) ?? String(value)).replace(/\s+/g, " ").trim();
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
