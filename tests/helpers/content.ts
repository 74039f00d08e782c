import { cpSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "./scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** A fresh copy of tests/fixtures/content with the project's extraction rules, to modify freely. */
export function fixtureContent(): string {
  const dir = join(scratchDir("content"), "content");
  cpSync(join(ROOT, "tests/fixtures/content"), dir, { recursive: true });
  cpSync(join(ROOT, "content/rules"), join(dir, "rules"), { recursive: true });
  return dir;
}
