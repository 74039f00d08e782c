/**
 * Eleventy wiring only: site data → templates. The model lives in src/ and knows nothing of
 * Eleventy; Eleventy never parses content/ (our own readers do). No state: what a run writes
 * comes in as global data, `site` (src/site/site-data.ts `RenderData`).
 * Docs: https://www.11ty.dev/docs/config/
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildArchive } from "./src/pipeline/build-archive.ts";
import { PROJECT_ROOT } from "./src/project-root.ts";
import { planSite, renderData, type FeedView, type PageView, type RenderData } from "./src/site/site-data.ts";
import type { DataFile } from "./src/site/open-data.ts";
import { atomFeed } from "./templates/feed.ts";
import { htmlPage } from "./templates/page.ts";
import { robots } from "./templates/robots.ts";
import { sitemap } from "./templates/sitemap.ts";

const ASSETS_DIR = join(PROJECT_ROOT, "templates", "assets");
/** Assets only the dev server serves. */
const DEV_ASSET_PREFIX = "dev-";

interface Asset {
  url: string;
  content: string;
}

function readAssets(dir: string): Asset[] {
  return readdirSync(dir)
    // The dev server's scripts (dev-*) are served by it (scripts/start.ts), never published.
    .filter((name) => !name.startsWith(DEV_ASSET_PREFIX))
    .sort()
    .map((name) => ({ url: `/assets/${name}`, content: readFileSync(join(dir, name), "utf8") }));
}

// Eleventy's config type is not exported as a TypeScript type; the few methods used are typed here.
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addTemplate(inputPath: string, template: JavaScriptTemplate): void;
}

/** An Eleventy JavaScript template (https://www.11ty.dev/docs/languages/javascript/): its data, and its render function. */
interface JavaScriptTemplate {
  data: { permalink: string | ((data: never) => string); pagination?: { data: string; size: 1; alias: string }; eleventyExcludeFromCollections: true };
  render: (data: never) => string;
}

/** What a template gets: the site data (and a paginated template's item, under its alias). */
type SiteData = { site: RenderData };
type PageData<K extends string, T> = SiteData & { [P in K]: T };

/** One file per item of a list of the data (`site.render.pages`…), at the item's URL, the item named `alias`. */
function paginated<K extends string, T extends { url: string }>(list: string, alias: K, render: (data: PageData<K, T>) => string): JavaScriptTemplate {
  return {
    data: { pagination: { data: list, size: 1, alias }, permalink: (data: PageData<K, T>) => data[alias].url, eleventyExcludeFromCollections: true },
    render,
  };
}

/** One file at `permalink`. */
function single(permalink: string, render: (data: SiteData) => string): JavaScriptTemplate {
  return { data: { permalink, eleventyExcludeFromCollections: true }, render };
}

/**
 * The site's templates, plugins and assets, for a run whose `site` global data is given by
 * whoever runs Eleventy (the build: scripts/lib/eleventy.ts).
 */
/**
 * `pathPrefix`: the path the site is published under (`/` at the root), when known. Eleventy's
 * HTML base plugin adds it to every URL of the pages (https://www.11ty.dev/docs/plugins/html-base/):
 * it parses each page to find them, and at the root it has nothing to add.
 */
export function siteTemplates(eleventyConfig: EleventyConfig, pathPrefix?: string): void {
  // Stylesheet, scripts and icon are written by a template, not copied: a failed render then
  // leaves no copy running into a folder the build is removing.
  eleventyConfig.addGlobalData("assets", () => readAssets(ASSETS_DIR));
  // The templates are TypeScript functions of the view models (templates/), given to Eleventy
  // as virtual JavaScript templates, most of them paginated over this run's views: typed like
  // the views they format, and without a template language to interpret on every page.
  eleventyConfig.addTemplate("html.11ty.js", paginated("site.render.pages", "view", (data: PageData<"view", PageView>) => htmlPage(data.site, data.view)));
  eleventyConfig.addTemplate("feeds.11ty.js", paginated("site.render.feeds", "feed", (data: PageData<"feed", FeedView>) => atomFeed(data.site, data.feed)));
  // Open-data files (made by src/site/open-data.ts) and the stylesheet, scripts and icon, as they are.
  eleventyConfig.addTemplate("files.11ty.js", paginated("site.render.files", "file", (data: PageData<"file", DataFile>) => data.file.content));
  eleventyConfig.addTemplate("assets.11ty.js", paginated("assets", "asset", (data: PageData<"asset", Asset>) => data.asset.content));
  eleventyConfig.addTemplate("sitemap.11ty.js", single("/sitemap.xml", (data) => sitemap(data.site)));
  eleventyConfig.addTemplate("robots.11ty.js", single("/robots.txt", (data) => robots(data.site)));
  // Security headers for hosts that read a `_headers` file (src/site/security.ts).
  eleventyConfig.addTemplate("headers.11ty.js", single("/_headers", (data) => `${data.site.security.headers}\n`));
  if (pathPrefix !== "/") eleventyConfig.addPlugin(HtmlBasePlugin);
}

/**
 * Frozen: Eleventy hands a paginated page the global data through a Proxy that wraps every
 * unfrozen object read through it, anew at each read (`site.strings`, `site.links`…), and
 * passes a frozen one as it is. Templates only read the site data.
 */
export function siteGlobalData(data: RenderData): Readonly<RenderData> {
  return Object.freeze(data);
}

/** Eleventy run on its own (`npx @11ty/eleventy`): the whole site, built from content/ (or REVUE_CONTENT). */
export default function (eleventyConfig: EleventyConfig) {
  siteTemplates(eleventyConfig);
  const contentDir = resolve(process.env["REVUE_CONTENT"] ?? "content");
  eleventyConfig.addGlobalData("site", async () => siteGlobalData(renderData(planSite(await buildArchive({ contentDir })))));
}

// The input and output folders are given by the scripts (the build writes to a temporary folder first).
export const config = {
  templateFormats: ["11ty.js"],
};
