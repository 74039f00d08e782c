import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { precompiled } from "../../scripts/lib/precompile.mjs";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** A small project: an entry point, a module it imports, one it imports dynamically. */
function project(): string {
  const root = scratchDir("precompile");
  mkdirSync(join(root, "scripts"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src", "greet.ts"), 'export const greeting: string = "bonjour";\n');
  writeFileSync(join(root, "src", "later.ts"), "export const where = import.meta.dirname;\n");
  writeFileSync(
    join(root, "scripts", "hello.ts"),
    'import { greeting } from "../src/greet.ts";\nexport const message = greeting;\nexport const url = import.meta.url;\nexport const later = () => import("../src/later.ts");\n',
  );
  return root;
}

describe("precompiled scripts", () => {
  it("run like the source, keep the source's module paths, and are made again only when a file they come from changes", async () => {
    const root = project();
    const cache = join(root, "cache");
    const entry = join(root, "scripts", "hello.ts");
    const { main: first } = await precompiled(entry, cache);
    const module = await import(pathToFileURL(first).href);
    assert.equal(module.message, "bonjour");
    assert.equal(module.url, pathToFileURL(entry).href);
    // The dynamic import is a chunk of its own, loaded when called, with its own directory.
    assert.equal((await module.later()).where, join(root, "src"));
    assert.ok(readdirSync(join(first, "..")).some((file) => file.startsWith("chunk-")));

    assert.equal((await precompiled(entry, cache)).main, first);

    writeFileSync(join(root, "src", "greet.ts"), 'export const greeting: string = "salut";\n');
    // Same second as the first write on coarse clocks: a size change alone must tell.
    const { main: second } = await precompiled(entry, cache);
    assert.notEqual(second, first);
    assert.equal((await import(pathToFileURL(second).href)).message, "salut");

    // Same size, later modification time.
    writeFileSync(join(root, "src", "greet.ts"), 'export const greeting: string = "hello";\n');
    utimesSync(join(root, "src", "greet.ts"), new Date(), new Date(Date.now() + 5000));
    const { main: third } = await precompiled(entry, cache);
    assert.notEqual(third, second);
    assert.equal((await import(pathToFileURL(third).href)).message, "hello");
  });

  it("compile the workers a script starts with it: modules of their own that share its chunks, made again when one of their files changes", async () => {
    const root = project();
    const cache = join(root, "cache");
    const entry = join(root, "scripts", "hello.ts");
    const worker = join(root, "src", "worker.ts");
    writeFileSync(worker, 'import { greeting } from "./greet.ts";\nexport const reply: string = `${greeting} du worker`;\n');
    const first = await precompiled(entry, cache, [worker]);
    assert.deepEqual(Object.keys(first.workers), [worker]);
    assert.equal(dirname(first.workers[worker] as string), dirname(first.main));
    assert.equal((await import(pathToFileURL(first.workers[worker] as string).href)).reply, "bonjour du worker");
    // The module both import is one chunk, not a copy in each.
    const files = readdirSync(dirname(first.main));
    assert.ok(files.some((file) => file.startsWith("chunk-")), files.join(" "));
    assert.ok(!readFileSync(first.workers[worker] as string, "utf8").includes("bonjour"));
    assert.deepEqual(await precompiled(entry, cache, [worker]), first);

    writeFileSync(worker, 'export const reply: string = "changé";\n');
    const second = await precompiled(entry, cache, [worker]);
    assert.notEqual(second.main, first.main);
    assert.equal((await import(pathToFileURL(second.workers[worker] as string).href)).reply, "changé");
    // Asked without its worker, the script is compiled without it.
    assert.deepEqual((await precompiled(entry, cache)).workers, {});
  });

  it("are made from this checkout's sources when another checkout shares the cache folder", async () => {
    const [here, there] = [project(), project()];
    writeFileSync(join(there, "src", "greet.ts"), 'export const greeting: string = "ailleurs";\n');
    const cache = join(here, "cache");
    const theirs = await import(pathToFileURL((await precompiled(join(there, "scripts", "hello.ts"), cache)).main).href);
    assert.equal(theirs.message, "ailleurs");
    const ours = await import(pathToFileURL((await precompiled(join(here, "scripts", "hello.ts"), cache)).main).href);
    assert.equal(ours.message, "bonjour");
    assert.equal(ours.url, pathToFileURL(join(here, "scripts", "hello.ts")).href);
  });

  it("name the file and line of a syntax error", async () => {
    const root = project();
    writeFileSync(join(root, "src", "greet.ts"), "export const greeting = (;\n");
    await assert.rejects(precompiled(join(root, "scripts", "hello.ts"), join(root, "cache")), /hello\.ts does not compile:\n.*src\/greet\.ts:1:\d+: /);
  });
});

describe("node scripts/run.mjs", () => {
  it("runs an npm script precompiled, with its arguments", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "run.mjs"), "check", "--content", join(ROOT, "content"), "--quiet"], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /articles checked \(\d+ published/);
  });

  it("lists the scripts when the name is not one", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "run.mjs"), "buil"], { encoding: "utf8" });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /SCRIPT is one of: .*\bbuild\b.*\bcheck\b/);
  });
});
