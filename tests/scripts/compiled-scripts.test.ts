import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { scratchDir } from "../helpers/scratch.ts";

/**
 * The npm scripts run the commands compiled by esbuild into dist/ (`npm run compile`); the
 * rest of the suite runs their TypeScript through tsx. The compiled build must make the
 * same site, and find what it loads by path (templates, assets, its workers) from dist/.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(args[0] as string, args.slice(1), { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "", ...env } });
}

/** Every file below `root`, with its bytes' hash. */
function filesOf(root: string): Record<string, string> {
  const entries = readdirSync(root, { recursive: true, encoding: "utf8" }).sort();
  return Object.fromEntries(entries.filter((path) => statSync(join(root, path)).isFile()).map((path) => [path, createHash("sha256").update(readFileSync(join(root, path))).digest("hex")]));
}

describe("the compiled commands (dist/)", () => {
  before(() => {
    const compiled = run(["npm", "run", "--silent", "compile"]);
    assert.equal(compiled.status, 0, compiled.stderr);
  });

  it("build the bundled archive byte for byte as the TypeScript sources do", () => {
    // Every module the compiled code starts by path is there: the build's workers.
    for (const name of ["build.mjs", "start.mjs", "check.mjs", "extract.mjs", "import.mjs", "extract-worker.mjs", "search-index-worker.mjs"]) assert.ok(existsSync(join(DIST, name)), name);

    const scratch = scratchDir("compiled-build");
    const fromDist = run([process.execPath, join(DIST, "build.mjs"), "--output", join(scratch, "dist", "_site")]);
    assert.equal(fromDist.status, 0, fromDist.stderr);
    const fromSources = run([process.execPath, "--import", "tsx", join(ROOT, "scripts", "build.ts"), "--output", join(scratch, "sources", "_site")]);
    assert.equal(fromSources.status, 0, fromSources.stderr);

    const built = filesOf(join(scratch, "dist", "_site"));
    assert.ok(Object.keys(built).some((path) => path.startsWith("articles/") && path.endsWith("index.html")), "article pages");
    assert.ok(Object.keys(built).some((path) => path.startsWith("pagefind/")), "the search index");
    assert.ok(Object.keys(built).some((path) => path.startsWith("assets/")), "the assets");
    assert.deepEqual(built, filesOf(join(scratch, "sources", "_site")));
  });

  it("start their extraction workers from dist/, without tsx", () => {
    // A worker process loads the compiled worker module as Tinypool does: a module whose default export extracts a chunk.
    const loaded = run([process.execPath, "--input-type=module", "-e", `const worker = await import(${JSON.stringify(join(DIST, "extract-worker.mjs"))}); process.stdout.write(typeof worker.default);`]);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.equal(loaded.stdout, "function");
  });
});
