import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { siteRules, type SiteRules } from "./import-old-paths.ts";
import { walkFiles } from "../pipeline/walk.ts";
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
  /** A Hugo page bundle (`posts/titre/index.md`): the folder's name and the files beside it. */
  bundle?: { name: string; resources: string[] };
  /** The site's rules for the addresses it gave its posts. */
  rules?: SiteRules;
  /** Not a post: the kind counted and the reason, in the words of the import's catalogue. */
  skip?: { kind: string; reason: (say: ImportNotes) => string };
}

const CONFIGS: readonly (readonly [SiteTool, readonly string[]])[] = [
  ["hugo", ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]],
  ["eleventy", [".eleventy.js", ".eleventy.cjs", ".eleventy.mjs", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs", "eleventy.config.ts"]],
  ["jekyll", ["_config.yml", "_config.yaml", "_config.toml"]],
];
/** Hugo's older configuration names, too common to say Hugo without a `content/` folder beside them. */
const HUGO_LEGACY_CONFIGS = ["config.toml", "config.yaml", "config.yml", "config.json"];

const MARKDOWN = new Set([".md", ".markdown"]);
export const isMarkdownFile = (path: string) => MARKDOWN.has(extname(path).toLowerCase());

export function siteFolder(root: string): SiteFolder | undefined {
  for (const [tool, names] of CONFIGS) {
    const config = names.find((name) => existsSync(join(root, name)));
    if (config) return { tool, root, config };
  }
  if (existsSync(join(root, "content")) && statSync(join(root, "content")).isDirectory()) {
    const config = HUGO_LEGACY_CONFIGS.find((name) => existsSync(join(root, name))) ?? (existsSync(join(root, "config", "_default")) ? "config/_default/" : undefined);
    if (config) return { tool: "hugo", root, config };
  }
  return undefined;
}

/**
 * The sources of a folder given to the import: a site's posts when it is a site, or holds
 * sites in its folders (each site in the place of its folder's files), and every other file.
 */
export function folderSources(dir: string): { path: string; site?: SiteFile }[] {
  const root = siteFolder(dir);
  if (root) return siteFiles(root).map((file) => ({ path: file.path, site: file }));
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

/** The site's Markdown sources, in the order of its folders. */
export function siteFiles(site: SiteFolder): SiteFile[] {
  const rules = siteRules(site);
  const files = site.tool === "hugo" ? hugoFiles(site.root) : site.tool === "jekyll" ? jekyllFiles(site.root) : eleventyFiles(site.root);
  return files.map((file) => ({ ...file, rules }));
}

function hugoFiles(root: string): SiteFile[] {
  const content = join(root, "content");
  if (!existsSync(content)) return [];
  const files = walkFiles(content).filter(isMarkdownFile);
  const bundles = new Set(files.filter((file) => basename(file).toLowerCase() === "index.md").map(dirname));
  return files.map((path): SiteFile => {
    const name = basename(path).toLowerCase();
    const folder = dirname(path);
    if (name === "_index.md") return { path, tool: "hugo", skip: { kind: "list-page", reason: (say) => say.hugoListPage } };
    if (bundles.has(folder) && name !== "index.md") return { path, tool: "hugo", skip: { kind: "bundle-resource", reason: (say) => say.bundleResource(basename(folder)) } };
    if (bundles.has(folder)) {
      if (folder === content) return { path, tool: "hugo", skip: { kind: "page", reason: (say) => say.homePage } };
      const resources = readdirSync(folder).filter((entry) => !entry.startsWith(".") && entry.toLowerCase() !== "index.md").sort();
      return { path, tool: "hugo", bundle: { name: basename(folder), resources } };
    }
    // Hugo's pages outside any section (content/about.md) are the site's pages, not its posts.
    if (folder === content) return { path, tool: "hugo", skip: { kind: "page", reason: (say) => say.pageOutsideSection } };
    return { path, tool: "hugo" };
  });
}

/** Folders of a site that hold no content: its build, its dependencies, its templates and data. */
const NOT_CONTENT = new Set(["node_modules", "vendor", "_site", "_includes", "_layouts", "_data", "_sass", "dist", "public"]);

function jekyllFiles(root: string): SiteFile[] {
  return contentFiles(root).map((path): SiteFile => {
    // Jekyll also reads `_posts/` and `_drafts/` inside a category's folder (`actualites/_posts/`).
    const folders = relative(root, path).split(sep).slice(0, -1);
    if (folders.includes("_posts")) return { path, tool: "jekyll" };
    if (folders.includes("_drafts")) return { path, tool: "jekyll", inDrafts: true };
    return { path, tool: "jekyll", skip: { kind: "page", reason: (say) => say.jekyllPage } };
  });
}

function eleventyFiles(root: string): SiteFile[] {
  return contentFiles(root).map((path): SiteFile => ({ path, tool: "eleventy" }));
}

/** Markdown files of a Jekyll or Eleventy site outside the folders that hold no content, and a README at its root. */
function contentFiles(root: string): string[] {
  return walkFiles(root).filter((path) => {
    if (!isMarkdownFile(path)) return false;
    const parts = relative(root, path).split(sep);
    if (parts.length === 1 && /^readme\./i.test(parts[0] ?? "")) return false;
    return !parts.slice(0, -1).some((part) => NOT_CONTENT.has(part) || (part.startsWith("_") && part !== "_posts" && part !== "_drafts"));
  });
}
