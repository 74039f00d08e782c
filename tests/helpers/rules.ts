import { join } from "node:path";
import { loadRules } from "../../src/knowledge/rules.ts";

/** The project's extraction rules (content/rules/), loaded once per test process: what a reader of saved pages is given. */
export const PROJECT_RULES = loadRules(join(import.meta.dirname, "..", "..", "content")).rules;
