import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * The Node options that let a process of the build (a relaunch with a larger heap, an
 * extraction worker) run the project's TypeScript modules: tsx's loader,
 * named by its absolute address so that it is found whatever the child's working folder.
 * Resolved with `require.resolve`, which a module tsx runs as CommonJS has too.
 */
export const TYPESCRIPT_LOADER: readonly string[] = ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];
