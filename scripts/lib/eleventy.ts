/**
 * The site's renderer as the scripts hand it to the build (src/pipeline/build-site.ts
 * `SiteRenderer`): one Eleventy run per call, over the run's site data given as Eleventy's
 * global data through its programmatic API (https://www.11ty.dev/docs/programmatic/); Eleventy
 * writes the files.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { SiteRenderer } from "../../src/pipeline/build-site.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import type { RenderData } from "../../src/site/site-data.ts";
import { ROOT } from "./cli.ts";

const TEMPLATES = join(ROOT, "templates");

/**
 * Renders with Eleventy from the project's templates, or from another folder (tests add a
 * failing template to a copy, to check that a failed render changes nothing).
 */
export function eleventyRenderer(templates = TEMPLATES): SiteRenderer {
  return {
    render: async (data, folder, pathPrefix) => {
      const run = await eleventy(data, folder, { templates, pathPrefix });
      await run.write();
    },
    version: () => templatesVersion(templates),
  };
}

/** An Eleventy run over `data`, from the project root with our config, into `output`. */
export async function eleventy(data: RenderData, output: string, options: { templates?: string; pathPrefix?: string } = {}) {
  // Eleventy is loaded at the first render, not when the script starts: its loading then
  // overlaps the search indexing instead of coming before everything. Without its module
  // loader: Eleventy registers one (a thread that every later import waits on) to import
  // again the templates and data files its watch mode sees change, and ours are handed to it
  // in memory, so the loader would only slow every build.
  process.env["ELEVENTY_SKIP_ESM_RESOLVER"] ??= "true";
  const [{ default: Eleventy }, { siteGlobalData, siteTemplates, config }] = await Promise.all([import("@11ty/eleventy"), import("../../.eleventy.ts")]);
  const site = siteGlobalData(data);
  // Eleventy's typings leave out the `config` callback its constructor takes.
  const settings = {
    // The configuration is handed over, not named by its path: the site data of this run
    // goes with it, and Eleventy does not import `.eleventy.ts` a second time.
    configPath: "",
    config: (eleventyConfig: Parameters<typeof siteTemplates>[0] & EleventyFormats) => {
      eleventyConfig.setTemplateFormats(config.templateFormats);
      siteTemplates(eleventyConfig, options.pathPrefix ?? "/");
      eleventyConfig.addGlobalData("site", site);
    },
    quietMode: true,
    runMode: "build",
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  };
  const run = new Eleventy(options.templates ?? TEMPLATES, output, settings as ConstructorParameters<typeof Eleventy>[2]);
  // Eleventy's typings leave out its logger too.
  (run as unknown as { logger: { overrideLogger(logger: typeof WITHOUT_RUN_SUMMARY): void } }).logger.overrideLogger(WITHOUT_RUN_SUMMARY);
  return run;
}

/** Eleventy's messages but its count of files written, one per run: the build reports its own, for the whole site. */
const WITHOUT_RUN_SUMMARY = {
  log: (message: string) => {
    // The count is in bold: colour codes may come before it.
    if (!/\bWrote (\x1b\[\d+m)*\d+/.test(message)) console.log(message);
  },
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

/** The settings of `.eleventy.ts`'s `config` export, made through the configuration API. */
interface EleventyFormats {
  setTemplateFormats(formats: string[]): void;
}

/**
 * Every file the pages are made with besides src/: templates, assets, the Eleventy wiring.
 * The code (the templates' TypeScript, the wiring) is hashed as this process loaded it, once:
 * a dev server does not load a template edited while it runs, so its pages must not be
 * recorded as made by the edited one. Other files (the assets) are read at every build.
 */
function templatesVersion(templates: string): string {
  loadedTemplatesCode ??= hashFiles([...walkFiles(TEMPLATES).filter(isCode), join(ROOT, ".eleventy.ts")]);
  return createHash("sha1")
    .update(loadedTemplatesCode)
    .update(hashFiles(walkFiles(templates).filter((file) => !isCode(file))))
    .digest("hex");
}

let loadedTemplatesCode: string | undefined;
const isCode = (file: string) => file.endsWith(".ts");

function hashFiles(files: string[]): string {
  const hash = createHash("sha1");
  for (const file of files) hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}
