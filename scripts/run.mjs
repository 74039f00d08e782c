/**
 * node scripts/run.mjs SCRIPT [args…] — what the npm scripts run.
 *
 * Runs scripts/SCRIPT.ts precompiled (scripts/lib/precompile.mjs): through tsx, every module
 * a script loads, Eleventy's hundreds included, goes through a loader hook, a second of every
 * build and every `npm run check` spent before any work. Plain JavaScript, so that it runs
 * before anything is compiled.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CompileError, precompiled } from "./lib/precompile.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = join(ROOT, "scripts");
/** The TypeScript modules the scripts' worker processes run, compiled with every script (see src/build/fork-worker.ts). */
const WORKERS = [join(ROOT, "src", "build", "extract-worker.ts"), join(ROOT, "scripts", "lib", "search-index-worker.ts")];

const [name, ...args] = process.argv.slice(2);
if (!name || !existsSync(join(SCRIPTS, `${name}.ts`))) {
  const names = readdirSync(SCRIPTS).filter((file) => file.endsWith(".ts")).map((file) => file.slice(0, -3)).sort();
  process.stderr.write(`usage: node scripts/run.mjs SCRIPT [args…]\nSCRIPT is one of: ${names.join(", ")}\n`);
  process.exit(2);
}
const entry = join(SCRIPTS, `${name}.ts`);
let main;
let workers = {};
try {
  ({ main, workers } = await precompiled(entry, join(ROOT, "node_modules", ".cache", "revue"), WORKERS));
} catch (error) {
  if (error instanceof CompileError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
  // The cache folder cannot be written (a read-only install, a full disk): the script runs
  // from its sources through tsx, only slower to start.
  process.stderr.write(`revue: running scripts/${name}.ts through tsx (${error.message})\n`);
  const { register } = await import("tsx/esm/api");
  register();
  main = entry;
}
// The script sees the command line it would see run directly (`node scripts/build.ts …`),
// learns how to start itself again (with a larger heap, say) without tsx, and where its
// workers' compiled modules are. Globals, not environment variables: the scripts' child
// processes must not inherit them.
process.argv = [process.argv[0], entry, ...args];
globalThis[Symbol.for("revue.relaunch")] = [fileURLToPath(import.meta.url), name];
globalThis[Symbol.for("revue.workers")] = workers;
await import(pathToFileURL(main).href);
