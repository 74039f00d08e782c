import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import { ROOT } from "./cli.ts";

/** Eleventy runs from the project root with our config; only the output folder varies. */
export function eleventy(output: string, options: { runMode?: "build" | "serve"; pathPrefix?: string; templates?: string } = {}) {
  return new Eleventy(options.templates ?? join(ROOT, "templates"), output, {
    configPath: join(ROOT, ".eleventy.ts"),
    quietMode: true,
    runMode: options.runMode ?? "build",
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  });
}
