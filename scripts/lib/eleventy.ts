import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import configure, { config } from "../../.eleventy.ts";
import { ROOT } from "./cli.ts";

/** Eleventy runs from the project root with our config; only the output folder varies. */
export function eleventy(output: string, options: { runMode?: "build" | "serve"; pathPrefix?: string; templates?: string } = {}) {
  // Eleventy's typings leave out the `config` callback its constructor takes.
  const settings = {
    // The configuration is handed over, not named by its path: Eleventy would import
    // `.eleventy.ts` on its own, which the precompiled scripts (plain Node, no tsx) cannot.
    configPath: "",
    config: (eleventyConfig: Parameters<typeof configure>[0] & EleventyFormats) => {
      eleventyConfig.setTemplateFormats(config.templateFormats);
      configure(eleventyConfig);
    },
    quietMode: true,
    runMode: options.runMode ?? "build",
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  };
  return new Eleventy(options.templates ?? join(ROOT, "templates"), output, settings as ConstructorParameters<typeof Eleventy>[2]);
}

/** The settings of `.eleventy.ts`'s `config` export, made through the configuration API. */
interface EleventyFormats {
  setTemplateFormats(formats: string[]): void;
}
