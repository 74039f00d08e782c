import { join } from "node:path";
import { build, type BuildResult } from "../../scripts/lib/build-site.ts";
import { scratchDir } from "./scratch.ts";

export const PROJECT_CONTENT = process.env["REVUE_TEST_CONTENT"] ?? join(import.meta.dirname, "..", "..", "content");

/** Builds a content folder into a fresh temporary output folder. */
export async function buildSite(content = PROJECT_CONTENT, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const output = join(scratchDir("site"), "_site");
  return build({ content, output, ci: false, log: () => {}, env: { ...process.env, ...env } });
}
