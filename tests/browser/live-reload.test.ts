import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { fixtureContent } from "../helpers/content.ts";
import { freePort } from "../helpers/free-port.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTICLE = "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md";

// The open page must reload by itself; how long it takes is measured by `npm run bench` (its dev server column), the timeouts here only stop a hang.
describe("the dev server (npm start)", () => {
  let child: ChildProcess;
  let browser: Browser;
  let port: number;
  const content = fixtureContent();

  before(async () => {
    port = await freePort();
    const output = join(scratchDir("dev"), "_site");
    child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts/start.ts"), "--port", String(port), "--content", content, "--output", output], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the dev server did not start in 60 s")), 60_000);
      child.stderr?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("serving the archive")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`the dev server exited with ${code}`)));
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    child?.kill("SIGTERM");
  });

  it("shows an edit to an article in the open page", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/`);
    assert.equal(await page.locator("h1").textContent(), "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    const file = join(content, ARTICLE);
    writeFileSync(file, readFileSync(file, "utf8").replace("La coopération bilatérale sécuritaire", "La coopération bilatérale (modifiée) sécuritaire"));
    await page.waitForFunction(() => document.body.textContent?.includes("(modifiée)"), undefined, { timeout: 10_000 });
    await page.close();
  });

  it("shows an edit to the knowledge base in the open page", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/personnes/abdellatif-hammouchi/`);
    const file = join(content, "actors/people/abdellatif-hammouchi.yml");
    writeFileSync(file, `${readFileSync(file, "utf8")}description: Patron du pôle DGSN-DGST.\n`);
    await page.waitForFunction(() => document.body.textContent?.includes("Patron du pôle DGSN-DGST."), undefined, { timeout: 10_000 });
    await page.close();
  });
});
