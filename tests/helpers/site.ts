import { join } from "node:path";
import type { BuildResult } from "../../src/pipeline/build-site.ts";
import { build } from "../../scripts/lib/build.ts";
import { scratchDir } from "./scratch.ts";

export const PROJECT_CONTENT = process.env["REVUE_TEST_CONTENT"] ?? join(import.meta.dirname, "..", "..", "content");

/** Builds a content folder into a fresh temporary output folder. */
export async function buildSite(content = PROJECT_CONTENT, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const output = join(scratchDir("site"), "_site");
  return build({ content, output, ci: false, log: () => {}, env: { ...process.env, ...env } });
}
