import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { siteRules, type SiteRules } from "./import-old-paths.ts";
import { hugoRules, namedLanguage, type HugoRules } from "./hugo-addresses.ts";
import { readSiteConfig } from "./site-config.ts";
import { hugoCascade } from "./hugo-cascade.ts";
import { isFolder, walkFiles } from "../pipeline/walk.ts";
import type { ImportNotes } from "../messages/import-notes.ts";

/**
 * A folder of a static site generator's sources (Hugo, Jekyll, Eleventy), known by its
 * configuration file, and where its posts are. Only those are imported: the site's templates,
 * theme, static files and README are not articles. Pages that are not posts (Hugo's list
 * pages `_index.md`, Jekyll's pages beside `_posts`) are read and counted as skipped.
 */
export type SiteTool = "hugo" | "jekyll" | "eleventy";

export interface SiteFolder {
  tool: SiteTool;
  root: string;
  /** The configuration file that names the tool, from the root. */
  config: string;
}

/** One Markdown file of a site, and what it is there. */
export interface SiteFile {
  path: string;
  /** The site's tool; absent for a file of a plain folder, whose front matter and body tell. */
  tool?: SiteTool;
  /** `_drafts/` (Jekyll): a draft wherever its front matter says otherwise. */
  inDrafts?: boolean;
  /** A Jekyll collection's document imported as a post (its folder given alone): the collection's label. */
  collection?: string;
  /** A Hugo page bundle (`posts/titre/index.md`): the folder's name and the files beside it. */
  bundle?: { name: string; resources: string[] };
  /** The site's rules for the addresses it gave its posts. */
  rules?: SiteRules;
  /** The post's name here when its file's name does not say it: a translation's (`article.en.md`, `article-en`). */
  name?: string;
  /** A translation's language, when not the site's default: its name here ends with it, the one its front matter gives (`slug:`) too. */
  translation?: string;
  /** How the post is written when its extension does not say Markdown: `html` is front matter, then an HTML body. */
  markup?: "markdown" | "html";
  /** Hugo: the publication keys its sections' `cascade` hands down to the post (./hugo-cascade.ts), under the ones it writes. */
  handedDown?: Record<string, unknown>;
  /** Not a post: the kind counted and the reason, in the words of the import's catalogue. */
  skip?: { kind: string; reason: (say: ImportNotes) => string };
}

const CONFIGS: readonly (readonly [SiteTool, readonly string[]])[] = [
  ["hugo", ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]],
  ["eleventy", [".eleventy.js", ".eleventy.cjs", ".eleventy.mjs", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs", "eleventy.config.ts"]],
  ["jekyll", ["_config.yml", "_config.yaml", "_config.toml"]],
];
/** Hugo's older configuration names, too common to say Hugo without its content folder beside them. */
const HUGO_LEGACY_CONFIGS = ["config.toml", "config.yaml", "config.yml", "config.json"];

const MARKDOWN = new Set([".md", ".markdown"]);
export const isMarkdownFile = (path: string) => MARKDOWN.has(extname(path).toLowerCase());
/** Markdown as sites name it too: Jekyll's `markdown_ext` (mkdown, mkdn, mkd) and `mdown`. */
const SITE_MARKDOWN = new Set([...MARKDOWN, ".mkdown", ".mkdn", ".mkd", ".mdown"]);
const HTML = new Set([".html", ".htm"]);
/** Content formats of Hugo (AsciiDoc, Org, Pandoc, reStructuredText) and Jekyll (Textile) that Revue does not read: counted with their format. */
const NOT_READ = new Set([".adoc", ".asciidoc", ".org", ".pandoc", ".pdc", ".rst", ".textile"]);

/** A post's file as its site writes it: Markdown, HTML after front matter, a format Revue does not read, or not content. */
function postFormat(path: string): "markdown" | "html" | "not-read" | undefined {
  const ext = extname(path).toLowerCase();
  if (SITE_MARKDOWN.has(ext)) return "markdown";
  if (HTML.has(ext)) return "html";
  return NOT_READ.has(ext) ? "not-read" : undefined;
}

/** A post in a format Revue does not read, counted with its format named. */
function notRead(path: string, tool: SiteTool): SiteFile {
  const format = extname(path).toLowerCase();
  return { path, tool, skip: { kind: "format-not-read", reason: (say) => say.formatNotRead(format) } };
}

/** The post, and how its file is written when its extension alone does not say it to the readers. */
function post(path: string, tool: SiteTool, format: "markdown" | "html", extra: Partial<SiteFile> = {}): SiteFile {
  return { path, tool, ...(format === "html" || !isMarkdownFile(path) ? { markup: format } : {}), ...extra };
}

export function siteFolder(root: string): SiteFolder | undefined {
  for (const [tool, names] of CONFIGS) {
    const config = names.find((name) => existsSync(join(root, name)));
    if (config) return { tool, root, config };
  }
  const config = HUGO_LEGACY_CONFIGS.find((name) => existsSync(join(root, name))) ?? (existsSync(join(root, "config", "_default")) ? "config/_default/" : undefined);
  if (config && hasHugoContent({ tool: "hugo", root, config })) return { tool: "hugo", root, config };
  return undefined;
}

/** Whether a folder with one of Hugo's older configuration names holds Hugo's content: `content/`, or the folder its configuration names (`contentDir`, a language's). */
function hasHugoContent(site: SiteFolder): boolean {
  // The usual folder first: the configuration is read only when it is not there.
  return isFolder(join(site.root, "content")) || hugoContentFolders(site.root, hugoRules(readSiteConfig(site))).length > 0;
}

/**
 * The sources of a folder given to the import: a site's posts when it is a site, or holds
 * sites in its folders (each site in the place of its folder's files), or is a folder of a
 * site's posts (`content/posts/`, `_posts/`); and every other file.
 */
export function folderSources(dir: string): { path: string; site?: SiteFile }[] {
  const root = siteFolder(dir);
  if (root) return siteFiles(root).map((file) => ({ path: file.path, site: file }));
  const folder = resolve(dir);
  const enclosing = enclosingSite(folder);
  if (enclosing) return siteFiles(enclosing, folder).map((file) => ({ path: file.path, site: file }));
  const roots = new Map<string, SiteFolder | undefined>();
  const siteOf = (folder: string): SiteFolder | undefined => {
    if (folder === dir || !folder.startsWith(dir + sep)) return undefined;
    if (!roots.has(folder)) roots.set(folder, siteOf(dirname(folder)) ?? siteFolder(folder));
    return roots.get(folder);
  };
  const listed: { path: string; site?: SiteFile }[] = [];
  const emitted = new Set<string>();
  for (const path of walkFiles(dir)) {
    const site = siteOf(dirname(path));
    if (!site) listed.push({ path });
    else if (!emitted.has(site.root)) {
      emitted.add(site.root);
      listed.push(...siteFiles(site).map((file) => ({ path: file.path, site: file })));
    }
  }
  return listed;
}

/**
 * The site a folder of posts given alone belongs to (a Hugo site's content folder or one of
 * its sections, a Jekyll site's `_posts/`, `_drafts/` or a collection's folder, a folder of
 * an Eleventy site): its posts are read by the site's rules, and keep the addresses it gave them.
 */
function enclosingSite(dir: string): SiteFolder | undefined {
  for (let folder = dirname(dir); dirname(folder) !== folder; folder = dirname(folder)) {
    const site = siteFolder(folder);
    if (site) return holdsPosts(site, dir) ? site : undefined;
  }
  return undefined;
}

function holdsPosts(site: SiteFolder, dir: string): boolean {
  const folders = relative(site.root, dir).split(sep);
  if (folders.some((part) => NOT_CONTENT.has(part))) return false;
  // Jekyll: `_posts/`, `_drafts/`, or a collection's folder (`_actualites/`).
  if (site.tool === "jekyll") return folders.some((part) => part.startsWith("_"));
  if (site.tool === "eleventy") return true;
  return hugoContentFolders(site.root, hugoRules(readSiteConfig(site))).some((content) => dir === content || dir.startsWith(content + sep));
}

/**
 * The site's Markdown sources, in the order of its folders; only those in `within` when the
 * import was given that folder of the site, whose pages are then its posts whatever section
 * they are in.
 */
export function siteFiles(site: SiteFolder, within?: string): SiteFile[] {
  const rules = siteRules(site);
  const files = rules.hugo ? hugoFiles(site.root, rules.hugo, within) : site.tool === "jekyll" ? jekyllFiles(site.root, within) : eleventyFiles(site.root, within);
  const inside = within === undefined ? files : files.filter((file) => file.path.startsWith(within + sep));
  return inside.map((file) => ({ ...file, rules }));
}

/** Hugo's page bundle: a folder whose `index.md` (or `index.html`, or a translation `index.fr.md`) is the page, its other files the page's resources. */
const isBundleIndex = (path: string) => /^index(?:\.[a-z]{2,3}(?:-[a-z0-9]+)?)?\.[^.]+$/i.test(basename(path));
/** Hugo's list page of a section, or of the site: `_index.md`, or a translation `_index.fr.md`. */
const isListPage = (path: string) => /^_index(?:\.[a-z]{2,3}(?:-[a-z0-9]+)?)?\.[^.]+$/i.test(basename(path));

/**
 * Hugo's pages, in its content folder and in each language's own (`contentDir`): a page at the
 * top of one, file or bundle, is outside any section. A page in another language than the
 * site's default, by its file's name (`article.en.md`) or its folder's, is named after the
 * page with its language (`article-en`): the original keeps the name, whichever is read first.
 * When the site names its main sections (`mainSections`), the pages of its other sections are
 * counted, not imported.
 */
function hugoFiles(root: string, rules: HugoRules, within?: string): SiteFile[] {
  const tops = hugoContentFolders(root, rules);
  const walked = tops.filter((folder) => !tops.some((other) => other !== folder && folder.startsWith(other + sep)));
  const files = walked.flatMap((folder) => walkFiles(folder)).filter((path) => postFormat(path) !== undefined);
  const bundles = new Set(files.filter(isBundleIndex).map(dirname));
  const cascades = new Map<string, Record<string, unknown>>();
  const contentOf = (path: string) => tops.filter((top) => path.startsWith(top + sep)).sort((a, b) => b.length - a.length)[0] ?? root;
  // A section given to the import by itself holds posts, main section or not.
  const sectionGiven = within !== undefined && tops.some((top) => within.startsWith(top + sep));
  const main = sectionGiven ? undefined : mainSectionsInUse(rules, files.map((path) => sectionOf(path, contentOf(path))));
  return files.map((path): SiteFile => {
    const format = postFormat(path) ?? "markdown";
    const folder = dirname(path);
    const content = contentOf(path);
    const inBundle = bundles.has(folder);
    if (isListPage(path)) return { path, tool: "hugo", skip: { kind: "list-page", reason: (say) => say.hugoListPage } };
    if (inBundle && !isBundleIndex(path)) return { path, tool: "hugo", skip: { kind: "bundle-resource", reason: (say) => say.bundleResource(basename(folder)) } };
    if (format === "not-read") return notRead(path, "hugo");
    if (inBundle && folder === content) return { path, tool: "hugo", skip: { kind: "page", reason: (say) => say.homePage } };
    // A page at the top of content/, file or bundle (content/about.md, content/about/index.md), is outside any section: one of the site's pages, not a post.
    if ((inBundle ? dirname(folder) : folder) === content) return { path, tool: "hugo", skip: { kind: "page", reason: (say) => say.pageOutsideSection } };
    const section = sectionOf(path, content);
    if (main && section && !main.includes(section.toLowerCase())) return { path, tool: "hugo", skip: { kind: "page", reason: (say) => say.hugoOtherSection(section, main, join(content, section)) } };
    const named = hugoPageName(path, content, root, rules);
    const handed = hugoCascade(path, content, namedLanguage(rules, path)?.language, cascades);
    const handedDown = Object.keys(handed).length ? { handedDown: handed } : {};
    if (!inBundle) return post(path, "hugo", format, { ...named, ...handedDown });
    const resources = readdirSync(folder).filter((entry) => !entry.startsWith(".") && !isBundleIndex(entry)).sort();
    return post(path, "hugo", format, { bundle: { name: basename(folder), resources }, ...named, ...handedDown });
  });
}

/** The site's content folders that are there: `contentDir`, and each language's own. */
function hugoContentFolders(root: string, rules: HugoRules): string[] {
  return [...new Set([rules.contentDir, ...rules.languages.flatMap((language) => (language.contentDir ? [language.contentDir] : []))])]
    .map((folder) => join(root, folder))
    .filter(isFolder);
}

/** The section of a page: the first folder of its path in the content folder; none at its top. */
function sectionOf(path: string, content: string): string | undefined {
  const parts = relative(content, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/**
 * The sections the site names as its posts' (`mainSections`: the ones its home page lists),
 * when it names some and they hold pages: the pages of other sections are the site's other
 * pages (documentation, projects, team). A `mainSections` that names none of the site's
 * sections (a theme's example left as it was) leaves nothing out.
 */
function mainSectionsInUse(rules: HugoRules, sections: readonly (string | undefined)[]): readonly string[] | undefined {
  const main = rules.mainSections;
  return main && sections.some((section) => section !== undefined && main.includes(section.toLowerCase())) ? main : undefined;
}

/** A page's name when its file's name is not it: a translation's (`article.en.md`, or any page of another language's folder) is the page's with its language (`article-en`). */
function hugoPageName(path: string, content: string, root: string, rules: HugoRules): { name?: string; translation?: string } {
  const byName = namedLanguage(rules, path);
  const folderLanguage = rules.languages.find((language) => language.contentDir && join(root, language.contentDir) === content)?.code;
  const language = byName?.language ?? folderLanguage ?? rules.defaultLanguage;
  const base = isBundleIndex(path) ? basename(dirname(path)) : (byName?.stem ?? basename(path, extname(path)));
  if (language !== rules.defaultLanguage) return { name: `${base}-${language}`, translation: language };
  return byName ? { name: base } : {};
}

/** Folders of a site that hold no content: its build, its dependencies, its templates and data. */
const NOT_CONTENT = new Set(["node_modules", "vendor", "_site", "_includes", "_layouts", "_data", "_sass", "dist", "public"]);

/**
 * Jekyll's posts are in `_posts/` and `_drafts/`, in Markdown or HTML, also inside a category's
 * folder (`actualites/_posts/`). Its other folders whose name starts with `_` are collections
 * (`_docs`, `_pages`): their documents are counted, with how to import them if they are
 * articles: the collection's folder given alone (`within`, the only folder then read), they are its posts.
 */
function jekyllFiles(root: string, within?: string): SiteFile[] {
  return walkFiles(within ?? root).flatMap((path): SiteFile[] => {
    const format = postFormat(path);
    if (!format) return [];
    const parts = relative(root, path).split(sep);
    const folders = parts.slice(0, -1);
    if (folders.some((part) => NOT_CONTENT.has(part))) return [];
    const inPosts = folders.includes("_posts");
    const inDrafts = !inPosts && folders.includes("_drafts");
    if (inPosts || inDrafts) return [format === "not-read" ? notRead(path, "jekyll") : post(path, "jekyll", format, inDrafts ? { inDrafts } : {})];
    const collection = folders.find((part) => part.startsWith("_"));
    if (collection && within !== undefined) return [format === "not-read" ? notRead(path, "jekyll") : post(path, "jekyll", format, { collection: collection.slice(1) })];
    if (collection) return [{ path, tool: "jekyll", skip: { kind: "collection-document", reason: (say) => say.jekyllCollection(collection, join(root, ...folders.slice(0, folders.indexOf(collection) + 1))) } }];
    // Pages in Markdown are counted; HTML files outside the posts are the site's templates and pages.
    if (format !== "markdown" || (parts.length === 1 && /^readme\./i.test(parts[0] ?? ""))) return [];
    return [{ path, tool: "jekyll", skip: { kind: "page", reason: (say) => say.jekyllPage } }];
  });
}

/** `within`: the only folder of the site to read (the import was given it). */
function eleventyFiles(root: string, within?: string): SiteFile[] {
  return contentFiles(root, within).map((path): SiteFile => ({ path, tool: "eleventy" }));
}

/** Markdown files of an Eleventy site (in `within`, when given) outside the folders that hold no content, and a README at its root. */
function contentFiles(root: string, within = root): string[] {
  return walkFiles(within).filter((path) => {
    if (!isMarkdownFile(path)) return false;
    const parts = relative(root, path).split(sep);
    if (parts.length === 1 && /^readme\./i.test(parts[0] ?? "")) return false;
    return !parts.slice(0, -1).some((part) => NOT_CONTENT.has(part) || (part.startsWith("_") && part !== "_posts" && part !== "_drafts"));
  });
}
