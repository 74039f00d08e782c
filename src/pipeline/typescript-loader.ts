import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * Whether this process runs the modules `npm run compile` wrote into dist/ (the npm
 * scripts), not the TypeScript sources through tsx (the tests, `node --import tsx`).
 */
export const RUNS_COMPILED = !import.meta.url.endsWith(".ts");

/**
 * The Node options that let a process of the build (a relaunch with a larger heap, an
 * extraction worker) run what this one runs: the sources need tsx's loader, named by its
 * absolute address so that it is found whatever the child's working folder; compiled
 * modules need nothing.
 */
export const TYPESCRIPT_LOADER: readonly string[] = RUNS_COMPILED ? [] : ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];
