import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

/** A fresh copy of tests/fixtures/content with the project's extraction rules, to modify freely. */
export function fixtureContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "revue-content-")), "content");
  cpSync(join(ROOT, "tests/fixtures/content"), dir, { recursive: true });
  cpSync(join(ROOT, "content/rules"), join(dir, "rules"), { recursive: true });
  return dir;
}
