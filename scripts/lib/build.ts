/**
 * The build as the scripts run it: src/pipeline/build-site.ts, handed its renderer (Eleventy,
 * ./eleventy.ts) and its search indexer (Pagefind, ./search-index.ts).
 */
import { buildSite, type BuildOptions, type BuildResult } from "../../src/pipeline/build-site.ts";
import { eleventyRenderer } from "./eleventy.ts";
import { searchIndexerVersion, writeSearchIndex } from "./search-index.ts";

export type ScriptBuildOptions = Omit<BuildOptions, "renderer" | "searchIndexer"> & {
  /** Another folder of templates for Eleventy (tests add a failing template to a copy, to check that a failed render changes nothing). */
  templates?: string;
};

export function build({ templates, ...options }: ScriptBuildOptions): Promise<BuildResult> {
  return buildSite({ ...options, renderer: eleventyRenderer(templates), searchIndexer: { write: writeSearchIndex, version: searchIndexerVersion } });
}
