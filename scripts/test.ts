/**
 * npm test [-- FILE…]
 *
 * Runs the whole suite with node's test runner through tsx: unit, golden, site and browser
 * tests. Browser tests drive Debian's Chromium; when it is missing this script installs it
 * (as root) or says exactly what to install.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { walkFiles } from "../src/pipeline/walk.ts";
import { ROOT, run } from "./lib/cli.ts";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`the browser tests need Chromium at ${CHROMIUM}. Install it with:\n\n    sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to another Chromium binary)`);
  }
  process.stderr.write("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

run(() => {
  const requested = process.argv.slice(2);
  const files = requested.length ? requested : walkFiles(join(ROOT, "tests")).filter((file) => file.endsWith(".test.ts")).map((file) => relative(ROOT, file));
  if (files.some((file) => file.includes("browser"))) ensureChromium();
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
  });
  return result.status ?? 1;
});
