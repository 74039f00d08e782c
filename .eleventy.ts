/**
 * Eleventy wiring only: records → site data → templates. The model lives in src/ and knows
 * nothing of Eleventy; Eleventy never parses content/ (our own readers do).
 * Docs: https://www.11ty.dev/docs/config/
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildArchive } from "./src/build/build-archive.ts";
import { planSite, renderData, type RenderData } from "./src/site/site-data.ts";

export const CONTENT_DIR = resolve(process.env["REVUE_CONTENT"] ?? "content");
const ASSETS_DIR = join(import.meta.dirname, "templates", "assets");

function readAssets(dir: string): { url: string; content: string }[] {
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
}

// Eleventy's config type is not exported as a TypeScript type; the few methods used are typed here.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addExtension(extension: string, options: { compile: (content: string, inputPath: string) => (data: object) => Promise<string> }): void;
  on(event: "eleventy.engine.njk", listener: (engine: NunjucksEngine) => void): void;
  setQuietMode(quiet: boolean): void;
}

// Eleventy's Nunjucks, as its "eleventy.engine.njk" event hands it over: the library and its environment.
interface NunjucksTemplate {
  render(context: object, callback: (error: Error | null, result: string) => void): void;
}
interface NunjucksEngine {
  nunjucks: { Template: new (source: string, environment: unknown, path: string) => NunjucksTemplate };
  environment: unknown;
}

/**
 * Nunjucks templates compiled once per run: Eleventy 3.1 compiles a paginated template again
 * for every page it makes (a `new Function` per page, a twentieth of a large archive's render).
 * Eleventy's own Nunjucks and environment (same settings, same includes) do the work.
 */
function nunjucksCompiledOnce(eleventyConfig: EleventyConfig): void {
  let engine: NunjucksEngine | undefined;
  eleventyConfig.on("eleventy.engine.njk", (njk) => (engine = njk));
  const templates = new Map<string, NunjucksTemplate>();
  eleventyConfig.addExtension("njk", {
    compile(content, inputPath) {
      if (!engine) throw new Error("Eleventy did not hand over its Nunjucks environment (eleventy.engine.njk)");
      const key = `${inputPath}\0${content}`;
      let template = templates.get(key);
      if (!template) templates.set(key, (template = new engine.nunjucks.Template(content, engine.environment, inputPath)));
      const compiled = template;
      return (data) => new Promise<string>((resolve, reject) => compiled.render(data, (error, html) => (error ? reject(error) : resolve(html))));
    },
  });
}

export default function (eleventyConfig: EleventyConfig) {
  // Frozen: Eleventy hands a paginated page the global data through a Proxy that wraps every
  // unfrozen object read through it, anew at each read (`site.strings`, `site.links`…), and
  // passes a frozen one as it is. Templates only read the site data; the render takes 7 % less
  // processor time.
  eleventyConfig.addGlobalData("site", async () => Object.freeze(provided ?? renderData(planSite(await buildArchive({ contentDir: CONTENT_DIR })))));
  // Stylesheet, scripts and icon are written by a template, not copied: a failed render then
  // leaves no copy running into a folder the build is removing.
  eleventyConfig.addGlobalData("assets", () => readAssets(ASSETS_DIR));
  nunjucksCompiledOnce(eleventyConfig);
  // Adds the path prefix of a sub-path host to every URL in the HTML (https://www.11ty.dev/docs/plugins/html-base/).
  eleventyConfig.addPlugin(HtmlBasePlugin);
}

export const config = {
  // The input and output folders are given by the scripts (the build writes to a temporary folder first).
  dir: { includes: "_includes", layouts: "_includes/layouts" },
  templateFormats: ["njk"],
};
