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
      configure(eleventyConfig, { writesFiles: true });
      // Eleventy warns when a transform takes much of the time: ours renders the pages.
      eleventyConfig.benchmarkManager.get("Configuration").setIsVerbose(false);
    },
    quietMode: true,
    // Our configuration writes the files as it makes them (see `RunSettings` in .eleventy.ts).
    dryRun: true,
    runMode: options.runMode ?? "build",
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  };
  const run = new Eleventy(options.templates ?? join(ROOT, "templates"), output, settings as ConstructorParameters<typeof Eleventy>[2]);
  // Eleventy's typings leave out its logger too.
  (run as unknown as { logger: { overrideLogger(logger: typeof WITHOUT_RUN_SUMMARY): void } }).logger.overrideLogger(WITHOUT_RUN_SUMMARY);
  return run;
}

/** Eleventy's messages but its count of files written: 0 in a dry run (the build reports its own). */
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
  benchmarkManager: { get(group: "Configuration"): { setIsVerbose(verbose: boolean): void } };
}
