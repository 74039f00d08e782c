import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

// Each test file runs in a process of its own: its folders go when it exits, passed or failed,
// rather than piling up in the system's temporary folder at every run of the suite.
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder in the system's temporary folder (revue-<purpose>-…), removed when the test process exits. */
export function scratchDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `revue-${purpose}-`));
  made.push(dir);
  return dir;
}
