import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { build } from "../../scripts/lib/build.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Starts `npm start` on any free port; resolves with the address it announces. */
function startDevServer(args: string[], output: string, content: string, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts/start.ts"), "--port", "0", "--content", content, "--output", output, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`the dev server did not start in 60 s:\n${said}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      const announced = /serving the archive on (\S+)/.exec(said);
      if (announced) {
        clearTimeout(timer);
        resolve(announced[1] as string);
      }
    });
    child.once("exit", (code) => reject(new Error(`the dev server exited with ${code}:\n${said}`)));
  });
}

describe("the dev server (npm start)", () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill("SIGTERM");
  });
  const content = fixtureContent();

  it("listens on 127.0.0.1 by default, announces that address, and holds its output against other builds", async () => {
    const output = join(scratchDir("dev-host"), "_site");
    const url = await startDevServer([], output, content, children);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    await assert.rejects(build({ content, output, ci: false, log: () => {}, lockWaitMs: 60_000 }), /another build is writing .*: process \d+ \(npm start\).*stop it \(Ctrl\+C/);
  });

  it("listens on the address --host names, and only there", async () => {
    const output = join(scratchDir("dev-host"), "_site");
    const url = await startDevServer(["--host", "127.0.0.2"], output, content, children);
    assert.match(url, /^http:\/\/127\.0\.0\.2:\d+\/$/);
    assert.equal((await fetch(url)).status, 200);
    const port = new URL(url).port;
    await assert.rejects(fetch(`http://127.0.0.1:${port}/`), (error: Error & { cause?: { code?: string } }) => error.cause?.code === "ECONNREFUSED");
  });
});
