/**
 * Eleventy wiring only: records → site data → templates. The model lives in src/ and knows
 * nothing of Eleventy; Eleventy never parses content/ (our own readers do).
 * Docs: https://www.11ty.dev/docs/config/
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildArchive } from "./src/build/build-archive.ts";
import { planSite, renderData, type FeedView, type PageView, type RenderData } from "./src/site/site-data.ts";
import type { DataFile } from "./src/site/open-data.ts";
import { atomFeed } from "./templates/feed.ts";
import { htmlPage } from "./templates/page.ts";
import { robots } from "./templates/robots.ts";
import { sitemap } from "./templates/sitemap.ts";

export const CONTENT_DIR = resolve(process.env["REVUE_CONTENT"] ?? "content");
const ASSETS_DIR = join(import.meta.dirname, "templates", "assets");

interface Asset {
  url: string;
  content: string;
}

function readAssets(dir: string): Asset[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ url: `/assets/${name}`, content: readFileSync(join(dir, name), "utf8") }));
}

/**
 * The build script (`npm run build`, and the dev server's rebuilds) builds the archive and
 * its site data first, to report on it, stop on errors and render only what changed, and
 * hands the site data over here. Eleventy run on its own builds them from content/.
 */
let provided: RenderData | undefined;
export function provideSite(site: RenderData | undefined): void {
  provided = site;
  // What a failed run left unmade.
  deferred.clear();
}

// Eleventy's config type is not exported as a TypeScript type; the few methods used are typed here.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addTemplate(inputPath: string, template: JavaScriptTemplate): void;
  addTransform(name: string, transform: (this: TransformContext, content: string) => Promise<string>): void;
  /** Eleventy's rewriting of URLs in HTML (HtmlBasePlugin's path prefix). */
  htmlTransformer: { transformContent(outputPath: string, content: string, context: TransformContext): Promise<string> };
  setQuietMode(quiet: boolean): void;
}

/** What Eleventy gives a transform as `this`. */
interface TransformContext {
  page: { url: string };
  outputPath: string | false;
}

/** An Eleventy JavaScript template (https://www.11ty.dev/docs/languages/javascript/): its data, and its render function. */
interface JavaScriptTemplate {
  data: { permalink: string | ((data: never) => string); pagination?: { data: string; size: 1; alias: string }; eleventyExcludeFromCollections: true };
  render: (data: never) => string;
}

/** What a template gets: the site data (and a paginated template's item, under its alias). */
type SiteData = { site: RenderData };
type PageData<K extends string, T> = SiteData & { [P in K]: T };

/**
 * The files of the current run whose content is made as Eleventy writes them, by URL.
 *
 * Eleventy renders every page of a run before it writes any (a page may use another's
 * `templateContent`) and keeps them all until the run ends. Kept that long, the HTML of
 * thousands of pages survived every young-generation collection and was copied twice by V8
 * (French typography makes them two-byte strings). So a paginated template only notes what to
 * render, and the `revue:content` transform renders it when its file is written: the page is
 * garbage as soon as it is on disk. No page of ours reads another's `templateContent`. A cold
 * build of 10,000 articles, four alternated runs each way: 59.2-68.1 s of processor time
 * instead of 65.3-67.7, 0.51-0.53 million page faults instead of 0.61-0.63.
 */
const deferred = new Map<string, () => string>();

/** What a paginated template hands Eleventy: the `revue:content` transform replaces it. */
const DEFERRED = "<!-- revue: made when written -->";

/** One file per item of a list of the data (`site.render.pages`…), at the item's URL, the item named `alias`. */
function paginated<K extends string, T extends { url: string }>(list: string, alias: K, render: (data: PageData<K, T>) => string): JavaScriptTemplate {
  return {
    data: { pagination: { data: list, size: 1, alias }, permalink: (data: PageData<K, T>) => data[alias].url, eleventyExcludeFromCollections: true },
    render: (data: PageData<K, T>) => {
      deferred.set(data[alias].url, () => render(data));
      return DEFERRED;
    },
  };
}

/** One file at `permalink`. */
function single(permalink: string, render: (data: SiteData) => string): JavaScriptTemplate {
  return { data: { permalink, eleventyExcludeFromCollections: true }, render };
}

/**
 * How the build script runs Eleventy (scripts/lib/eleventy.ts): `writesFiles`, the files are
 * written here, as they are made, and Eleventy runs dry. Eleventy keeps what it writes until
 * its run ends, so a file it wrote would stay in memory as long as it would have before it was
 * deferred; written here, it does not. Eleventy run on its own writes its files itself.
 */
export interface RunSettings {
  writesFiles?: boolean;
}

export default function (eleventyConfig: EleventyConfig, { writesFiles = false }: RunSettings = {}) {
  // Frozen: Eleventy hands a paginated page the global data through a Proxy that wraps every
  // unfrozen object read through it, anew at each read (`site.strings`, `site.links`…), and
  // passes a frozen one as it is. Templates only read the site data; the render takes 7 % less
  // processor time.
  eleventyConfig.addGlobalData("site", async () => Object.freeze(provided ?? renderData(planSite(await buildArchive({ contentDir: CONTENT_DIR })))));
  // Stylesheet, scripts and icon are written by a template, not copied: a failed render then
  // leaves no copy running into a folder the build is removing.
  eleventyConfig.addGlobalData("assets", () => readAssets(ASSETS_DIR));
  // The templates are TypeScript functions of the view models (templates/), given to Eleventy
  // as virtual JavaScript templates, most of them paginated over this run's views: Nunjucks
  // took two fifths of the render's processor time at 10,000 articles.
  eleventyConfig.addTemplate("html.11ty.js", paginated("site.render.pages", "view", (data: PageData<"view", PageView>) => htmlPage(data.site, data.view)));
  eleventyConfig.addTemplate("feeds.11ty.js", paginated("site.render.feeds", "feed", (data: PageData<"feed", FeedView>) => atomFeed(data.site, data.feed)));
  // Open-data files (made by src/site/open-data.ts) and the stylesheet, scripts and icon, as they are.
  eleventyConfig.addTemplate("files.11ty.js", paginated("site.render.files", "file", (data: PageData<"file", DataFile>) => data.file.content));
  eleventyConfig.addTemplate("assets.11ty.js", paginated("assets", "asset", (data: PageData<"asset", Asset>) => data.asset.content));
  eleventyConfig.addTemplate("sitemap.11ty.js", single("/sitemap.xml", (data) => sitemap(data.site)));
  eleventyConfig.addTemplate("robots.11ty.js", single("/robots.txt", (data) => robots(data.site)));
  // Security headers for hosts that read a `_headers` file (src/site/security.ts).
  eleventyConfig.addTemplate("headers.11ty.js", single("/_headers", (data) => `${data.site.security.headers}\n`));
  // Adds the path prefix of a sub-path host to every URL in the HTML (https://www.11ty.dev/docs/plugins/html-base/).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // Last of the transforms: makes the deferred files (see `deferred`) and, for the build
  // script, writes every file. Eleventy's URL rewriting, a transform that ran before this one
  // on the stand-in, runs here on what was made.
  const folders = new Set<string>();
  eleventyConfig.addTransform("revue:content", async function (content) {
    const make = deferred.get(this.page.url);
    deferred.delete(this.page.url);
    const made = make && this.outputPath ? await eleventyConfig.htmlTransformer.transformContent(this.outputPath, make(), this) : (make?.() ?? content);
    if (!writesFiles || !this.outputPath) return made;
    const folder = dirname(this.outputPath);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(this.outputPath, made);
    return DEFERRED;
  });
}

// The input and output folders are given by the scripts (the build writes to a temporary folder first).
export const config = {
  templateFormats: ["11ty.js"],
};
