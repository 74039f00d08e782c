import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The project's folder, the first above this module that holds package.json: the same
 * whether the code runs from its TypeScript sources (tests, `node --import tsx`) or from the
 * modules `npm run compile` writes into dist/ (what the npm scripts run).
 */
export const PROJECT_ROOT = projectRootFrom(import.meta.dirname);

function projectRootFrom(folder: string): string {
  for (let here = folder; ; here = dirname(here)) {
    if (existsSync(join(here, "package.json"))) return here;
    if (dirname(here) === here) return folder;
  }
}
