/**
 * Eleventy wiring only: records → site data → templates. The model lives in src/ and knows
 * nothing of Eleventy; Eleventy never parses content/ (our own readers do).
 * Docs: https://www.11ty.dev/docs/config/
 */
import { resolve } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildArchive, type Archive } from "./src/build/build-archive.ts";
import { toSiteData } from "./src/site/site-data.ts";

export const CONTENT_DIR = resolve(process.env["REVUE_CONTENT"] ?? "content");

/**
 * The build script builds the archive first (to report on it and stop on errors) and hands
 * it over here; the dev server, which has none, rebuilds it from content/ on every change.
 */
let provided: Archive | undefined;
export function provideArchive(archive: Archive | undefined): void {
  provided = archive;
}

// Eleventy's config type is not exported as a TypeScript type; the few methods used are typed here.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  setQuietMode(quiet: boolean): void;
}

export default function (eleventyConfig: EleventyConfig) {
  // Re-read on every build, so the dev server shows edits to articles and the knowledge base.
  eleventyConfig.addGlobalData("site", () => toSiteData(provided ?? buildArchive({ contentDir: CONTENT_DIR })));
  eleventyConfig.addWatchTarget(CONTENT_DIR);
  eleventyConfig.addPassthroughCopy({ "templates/assets": "assets" });
  // Adds the path prefix of a sub-path host to every URL in the HTML (https://www.11ty.dev/docs/plugins/html-base/).
  eleventyConfig.addPlugin(HtmlBasePlugin);
}

export const config = {
  // The input and output folders are given by the scripts (the build writes to a temporary folder first).
  dir: { includes: "_includes", layouts: "_includes/layouts" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
