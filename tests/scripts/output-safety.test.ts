import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { buildFiles } from "../../src/pipeline/build-files.ts";
import { build, type ScriptBuildOptions as BuildOptions } from "../../scripts/lib/build.ts";
import { SITE_MARKER } from "../../src/pipeline/site-marker.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Every file and folder below `root` (dotfiles included) with its bytes' hash: what a refusal must leave as it was. */
function snapshot(root: string): Record<string, string> {
  const entries = readdirSync(root, { recursive: true, encoding: "utf8" }).sort();
  return Object.fromEntries(entries.map((path) => {
    const full = join(root, path);
    return [path, statSync(full).isDirectory() ? "folder" : createHash("sha256").update(readFileSync(full)).digest("hex")];
  }));
}

/** A user's folder with files of their own. */
function userFolder(root: string): string {
  mkdirSync(join(root, "drafts"), { recursive: true });
  writeFileSync(join(root, "notes.txt"), "mes notes\n");
  writeFileSync(join(root, "drafts", "idée.md"), "# Une idée\n");
  writeFileSync(join(root, ".hidden"), "secret\n");
  return root;
}

const quiet = (over: Partial<BuildOptions> & Pick<BuildOptions, "content" | "output">): BuildOptions => ({ ci: false, log: () => {}, lockWaitMs: 0, ...over });

async function assertRefused(content: string, output: string, reason: RegExp, watched = output): Promise<void> {
  const before = snapshot(watched);
  const cacheBefore = existsSync(join(dirname(output), ".cache"));
  await assert.rejects(build(quiet({ content, output })), (error: Error) => {
    assert.match(error.message, reason);
    assert.match(error.message, /Nothing was changed\. To build, .*--output /);
    return true;
  });
  assert.deepEqual(snapshot(watched), before, "every file is still there, unchanged");
  assert.equal(existsSync(join(dirname(output), ".cache")), cacheBefore, "no cache folder made beside a refused output");
}

describe("the build refuses an output folder that is not Revue's, and deletes nothing", () => {
  const content = fixtureContent();

  it("the content folder, a folder inside it, and the folder that holds it", async () => {
    await assertRefused(content, content, /is the content folder/);
    await assertRefused(content, join(content, "articles"), /inside the content folder/, content);
    await assertRefused(content, join(content, "site"), /inside the content folder: its pages would be read back as articles/, content);
    assert.equal(existsSync(join(content, "site")), false);
    await assertRefused(content, dirname(content), /holds the content folder/);
  });

  it("the content folder reached through a symbolic link", async () => {
    const link = join(scratchDir("link"), "site");
    symlinkSync(content, link);
    await assertRefused(content, link, /is the content folder/, content);
  });

  it("Revue's project folder and the folders that hold it", async () => {
    const watched = () => ({ top: readdirSync(ROOT).sort(), pkg: readFileSync(join(ROOT, "package.json"), "utf8") });
    const before = watched();
    await assert.rejects(build(quiet({ content, output: ROOT })), /Revue's project folder/);
    await assert.rejects(build(quiet({ content, output: dirname(ROOT) })), /holds Revue's project folder/);
    assert.deepEqual(watched(), before);
  });

  it("the home folder and the folders that hold it", async () => {
    const home = userFolder(join(scratchDir("home"), "ana"));
    const saved = process.env["HOME"];
    process.env["HOME"] = home;
    try {
      await assertRefused(content, home, /your home folder/);
      await assertRefused(content, dirname(home), /holds your home folder/);
    } finally {
      process.env["HOME"] = saved;
    }
  });

  it("an unrelated folder with files in it", async () => {
    const notes = userFolder(join(scratchDir("notes"), "notes"));
    await assertRefused(content, notes, /holds files Revue did not make \(\.hidden, drafts, notes\.txt\)/);
  });

  it("a folder holding a file named like the marker that Revue did not write", async () => {
    const folder = userFolder(join(scratchDir("fake-marker"), "site"));
    writeFileSync(join(folder, SITE_MARKER), "not Revue's\n");
    await assertRefused(content, folder, /holds files Revue did not make/);
  });

  it("/, the root of the file system", async () => {
    const had = existsSync("/.cache");
    await assert.rejects(build(quiet({ content, output: "/" })), /will not build into \/: it is the root of the file system/);
    assert.equal(existsSync("/.cache"), had);
  });

  it("from the command line: npm run build -- --output CONTENT exits 1 with the reason, and the content is whole", () => {
    const before = snapshot(content);
    const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts/build.ts"), "--content", content, "--output", content], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "" } });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^erreur: Revue will not build into .*: it is the content folder/m);
    assert.deepEqual(snapshot(content), before);
  });
});

describe("the build writes into a folder it may use, and marks it", () => {
  const content = fixtureContent();

  it("a new folder and an empty one", async () => {
    for (const output of [join(scratchDir("new"), "a", "b", "_site"), join(scratchDir("empty"), "_site")]) {
      if (output.includes("empty")) mkdirSync(output);
      await build(quiet({ content, output }));
      assert.ok(existsSync(join(output, "index.html")));
      assert.match(readFileSync(join(output, SITE_MARKER), "utf8"), /"generator":"revue"/);
    }
  });

  it("keeps no file of the site or of its cache open once a build is done, cold or warm (the folder can then be unmounted or moved)", async () => {
    const root = scratchDir("closed");
    const output = join(root, "_site");
    const openBelow = () => readdirSync("/proc/self/fd").flatMap((fd) => {
      try {
        const target = readlinkSync(join("/proc/self/fd", fd));
        return target.startsWith(`${root}/`) ? [target] : [];
      } catch {
        return [];
      }
    });
    for (const kind of ["cold", "warm"]) {
      await build(quiet({ content, output }));
      assert.deepEqual(openBelow(), [], `${kind} build`);
    }
  });

  it("a marked folder, by a full build and by a rebuild", async () => {
    const output = join(scratchDir("marked"), "_site");
    await build(quiet({ content, output }));
    writeFileSync(join(output, "stale.html"), "an old page\n");
    // The cache's manifest gone: a full build replaces the marked folder whole.
    rmSync(buildFiles(content, output).manifest);
    await build(quiet({ content, output }));
    assert.equal(existsSync(join(output, "stale.html")), false);
    assert.ok(existsSync(join(output, SITE_MARKER)));
    await build(quiet({ content, output }));
    assert.ok(existsSync(join(output, "index.html")));
  });

  it("a site an earlier Revue built (its manifest in the cache, no marker) is rebuilt and gets the marker", async () => {
    const output = join(scratchDir("earlier"), "_site");
    await build(quiet({ content, output }));
    rmSync(join(output, SITE_MARKER));
    const lines: string[] = [];
    await build(quiet({ content, output, log: (line) => lines.push(line) }));
    assert.ok(existsSync(join(output, SITE_MARKER)));
    assert.ok(lines.some((line) => line.includes("earlier version of Revue")), lines.join("\n"));
  });

  it("leaves a user's folders named like the output's old temporary folders alone, and its work in its own cache folder", async () => {
    const root = scratchDir("siblings");
    const output = join(root, "_site");
    const siblings = [`_site.old-${process.pid}`, "_site.old-x", "_site.tmp-x", `_site.tmp-${process.pid}`].map((name) => userFolder(join(root, name)));
    const before = siblings.map(snapshot);
    await build(quiet({ content, output }));
    await build(quiet({ content, output }));
    rmSync(buildFiles(content, output).manifest);
    await build(quiet({ content, output }));
    assert.deepEqual(siblings.map(snapshot), before);
    assert.deepEqual(readdirSync(root).sort(), [".cache", "_site", ...siblings.map((s) => s.slice(root.length + 1))].sort());
  });
});

describe("one build at a time per output folder", () => {
  const content = fixtureContent();

  it("refuses a second build while one runs, naming the process that holds the folder", async () => {
    const output = join(scratchDir("lock"), "_site");
    const first = build(quiet({ content, output }));
    // The first holds the lock from its start (before any await of the archive).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(build(quiet({ content, output })), new RegExp(`another build is writing ${output}: process ${process.pid} \\(a build\\)`));
    await first;
    assert.equal(existsSync(buildFiles(content, output).lock), false, "released after the build");
  });

  it("lets a second build wait for the first and then build", async () => {
    const output = join(scratchDir("lock-wait"), "_site");
    const lines: string[] = [];
    const first = build(quiet({ content, output }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = build(quiet({ content, output, lockWaitMs: 120_000, log: (line) => lines.push(line) }));
    await Promise.all([first, second]);
    assert.ok(lines.some((line) => /waiting for process \d+ \(a build\)/.test(line)), lines.join("\n"));
    assert.ok(existsSync(join(output, "index.html")));
  });

  it("takes over the lock of a build whose process is gone", async () => {
    const output = join(scratchDir("lock-stale"), "_site");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const lock = buildFiles(content, output).lock;
    mkdirSync(dirname(lock), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: (await import("node:os")).hostname(), started: "2020-01-01T00:00:00Z", command: "npm run build" }));
    const lines: string[] = [];
    await build(quiet({ content, output, log: (line) => lines.push(line) }));
    assert.ok(lines.some((line) => line.includes(`process ${dead.stdout} (npm run build) that was building ${output} is gone`)), lines.join("\n"));
    assert.ok(existsSync(join(output, "index.html")));
    assert.equal(existsSync(lock), false);
  });

  it("releases the lock when a build fails", async () => {
    const output = join(scratchDir("lock-fail"), "_site");
    const lock = buildFiles(content, output).lock;
    const held: boolean[] = [];
    await assert.rejects(build(quiet({ content, output, templates: join(scratchDir("no-templates"), "missing"), log: () => held.push(existsSync(lock)) })));
    assert.ok(held.length > 0 && held.every(Boolean), "held while the build ran");
    assert.equal(existsSync(lock), false, "released after it failed");
    const work = buildFiles(content, output).work;
    assert.deepEqual(existsSync(work) ? readdirSync(work).filter((name) => name.startsWith("new-")) : [], [], "the failed build's new site is removed");
    assert.equal(existsSync(output), false, "no output made by a failed build");
  });

  it("releases the lock when the build is stopped by a signal", async () => {
    const output = join(scratchDir("lock-signal"), "_site");
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts/build.ts"), "--content", content, "--output", output], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CI: "" } });
    const lock = buildFiles(content, output).lock;
    const deadline = Date.now() + 30_000;
    while (!existsSync(lock) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(existsSync(lock), "the build took the lock");
    child.kill("SIGTERM");
    const [, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once("exit", (code, sig) => resolve([code, sig])));
    assert.equal(signal, "SIGTERM", "stopped as the signal says");
    assert.equal(existsSync(lock), false);
  });
});

describe("an output Revue cannot write gives a message that names it and the fix", () => {
  const content = fixtureContent();
  const mounted: string[] = [];
  after(() => {
    for (const folder of mounted.reverse()) spawnSync("umount", [folder]);
  });
  const mount = (args: string[], folder: string): boolean => {
    const done = spawnSync("mount", [...args, folder], { encoding: "utf8" }).status === 0;
    if (done) mounted.push(folder);
    return done;
  };

  it("a folder on a read-only file system", async (t) => {
    // Tests run as root, whom file modes do not stop: a read-only bind mount does.
    const root = scratchDir("read-only");
    if (!mount(["--bind", root], root) || spawnSync("mount", ["-o", "remount,ro,bind", root]).status !== 0) return t.skip("needs mount (root with CAP_SYS_ADMIN)");
    const output = join(root, "_site");
    await assert.rejects(build(quiet({ content, output })), (error: Error) => {
      assert.match(error.message, new RegExp(`cannot write to ${output}: it is on a read-only file system.*Pass --output a folder on a writable file system`));
      return true;
    });
  });

  it("a mount point: refused, with the advice to pass a folder inside it", async (t) => {
    const output = join(scratchDir("mount"), "_site");
    mkdirSync(output);
    if (!mount(["-t", "tmpfs", "revue-test"], output)) return t.skip("needs mount (root with CAP_SYS_ADMIN)");
    await assertRefused(content, output, new RegExp(`it is a mount point.*--output ${output}/_site`));
    // As advised: a folder inside it is built, the new site made in the cache there, on the same file system.
    await build(quiet({ content, output: join(output, "_site") }));
    assert.ok(existsSync(join(output, "_site", "index.html")));
  });

  it("a bind mount of a folder of the same file system: refused too", async (t) => {
    const source = join(scratchDir("bind-source"), "site");
    mkdirSync(source);
    const output = join(scratchDir("bind"), "_site");
    mkdirSync(output);
    if (!mount(["--bind", source], output)) return t.skip("needs mount (root with CAP_SYS_ADMIN)");
    await assertRefused(content, output, /it is a mount point/);
  });
});
