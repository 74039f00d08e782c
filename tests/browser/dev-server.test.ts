import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { fixtureContent } from "../helpers/content.ts";
import { freePort } from "../helpers/free-port.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTICLE = "articles/2020/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md";
const ARTICLE_URL = "/articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis/";
const DRAFT = "articles/2021/2021-03-04-preparation-du-sommet.md";
const DRAFT_URL = "/articles/2021/preparation-du-sommet/";
const DRAFT_TITLE = "Préparation du sommet sécuritaire de Rabat";
/** Every wait on the dev server: a rebuild on a busy machine is slow, and waiting on the signal itself costs nothing when it is fast. */
const WAIT = { timeout: 60_000 };

/** Runs a script of the project to its end; its standard error, for the assertion messages. */
function runScript(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the dev server follows the editor (npm start)", () => {
  let child: ChildProcess;
  let browser: Browser;
  let origin: string;
  let output: string;
  let serverLog = "";
  const content = fixtureContent();
  const article = join(content, ARTICLE);

  /** Opens a path once its page script is listening to the server (it asks for the build's problems once its socket is open). */
  async function open(path: string): Promise<{ page: Page; status: number | undefined }> {
    const page = await browser.newPage();
    const listening = page.waitForResponse((response) => response.url().endsWith("/.revue/status.json"), WAIT);
    const response = await page.goto(`${origin}${path}`);
    await listening;
    return { page, status: response?.status() };
  }

  before(async () => {
    // The fixture's article names two topics the knowledge base lacks: warnings of a file the tests edit, shown over its page.
    writeFileSync(article, readFileSync(article, "utf8").replace("  - cooperation-securitaire\n  - terrorisme\n", ""));
    mkdirSync(join(content, "articles/2021"), { recursive: true });
    writeFileSync(
      join(content, DRAFT),
      `---\ntitle: "${DRAFT_TITLE}"\ndate: 2021-03-04\noutlet: bladi\ndraft: true\n---\n\nLes services de sécurité préparent à Rabat le sommet annoncé pour le printemps. Abdellatif Hammouchi a réuni les responsables de la DGSN.\n`,
    );
    const port = await freePort();
    output = join(scratchDir("dev"), "_site");
    child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts/start.ts"), "--port", String(port), "--content", content, "--output", output], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the dev server did not start in 120 s:\n${serverLog}`)), 120_000);
      child.stderr?.on("data", () => {
        if (serverLog.includes("serving the archive")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`the dev server exited with ${code}:\n${serverLog}`)));
    });
    origin = `http://localhost:${port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    child?.kill("SIGTERM");
  });

  it("serves a draft at its address with a banner, and lists it nowhere", async () => {
    const { page, status } = await open(DRAFT_URL);
    assert.equal(status, 200);
    assert.equal(await page.locator("h1").textContent(), DRAFT_TITLE);
    const banner = page.locator('[role="note"]');
    assert.match((await banner.textContent()) ?? "", /^Brouillon/);
    assert.ok(await banner.isVisible());
    await page.goto(`${origin}/`);
    assert.equal(await page.locator(`a[href="${DRAFT_URL}"]`).count(), 0, "the home page links to the draft");
    await page.close();
    // The dev server's site holds no trace of it: the preview is made beside it.
    for (const file of filesUnder(output)) assert.ok(!readFileSync(file).includes(DRAFT_TITLE), `${file} names the draft`);
  });

  it("reloads the 404 page when a page comes to its address", async () => {
    const { page, status } = await open("/2021/sommet/");
    assert.equal(status, 404);
    assert.equal(await page.locator("h1").textContent(), "Page introuvable");
    writeFileSync(join(content, "articles/2021/2021-03-05-sommet.md"), `---\ntitle: "Le sommet de Rabat s’ouvre"\ndate: 2021-03-05\noutlet: bladi\npermalink: /2021/sommet/\n---\n\nLe sommet de Rabat s’est ouvert ce vendredi.\n`);
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Le sommet de Rabat s’ouvre", undefined, WAIT);
    await page.close();
  });

  it("takes the open page to the article's new address when its slug changes", async () => {
    const { page } = await open(ARTICLE_URL);
    writeFileSync(article, readFileSync(article, "utf8").replace('title: "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis"', 'title: "Hammouchi reçoit l’ambassadeur américain"\nslug: hammouchi-ambassadeur-americain'));
    await page.waitForURL(`${origin}/articles/2020/hammouchi-ambassadeur-americain/`, WAIT);
    await page.locator("h1", { hasText: "Hammouchi reçoit l’ambassadeur américain" }).waitFor(WAIT);
    await page.close();
  });

  it("shows a broken front matter's error over the page, with its file and line, until it is fixed", async () => {
    const { page } = await open("/articles/2020/hammouchi-ambassadeur-americain/");
    assert.equal(await page.locator('[role="alert"]').count(), 0, "problems shown before any");
    const fixed = readFileSync(article, "utf8");
    // An unclosed quote on the title's line (line 2): the source is rejected and its page goes.
    writeFileSync(article, fixed.replace('title: "Hammouchi reçoit l’ambassadeur américain"', 'title: "Hammouchi reçoit l’ambassadeur américain'));
    const alert = page.locator('[role="alert"]');
    await alert.waitFor(WAIT);
    const text = (await alert.textContent()) ?? "";
    assert.match(text, /problème/);
    assert.match(text, /articles\/2020\/2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis\.md:\d+/);
    assert.match(text, /erreur/);
    // The panel can be closed, and is a button a keyboard reaches.
    await page.getByRole("button", { name: "Fermer" }).click();
    await alert.waitFor({ state: "detached", ...WAIT });
    // The page reloaded by the fixed build asks for that build's problems: there are none, and nothing is over the page.
    const reloaded = page.waitForResponse((response) => response.url().endsWith("/.revue/status.json"), WAIT);
    writeFileSync(article, readFileSync(article, "utf8").replace("ambassadeur américain\n", "ambassadeur américain (corrigé)\"\n"));
    await page.locator("h1", { hasText: "(corrigé)" }).waitFor(WAIT);
    const status = (await (await reloaded).json()) as { diagnostics: unknown[] };
    assert.deepEqual(status.diagnostics, []);
    assert.equal(await page.locator('[role="alert"]').count(), 0, "problems still shown after the fix");
    await page.close();
  });

  it("never puts a draft in the site `npm run build` makes", async () => {
    const built = join(scratchDir("built"), "_site");
    const { code, stderr } = await runScript([join(ROOT, "scripts/build.ts"), "--content", content, "--output", built]);
    assert.equal(code, 0, stderr);
    assert.ok(existsSync(join(built, "index.html")));
    assert.ok(!existsSync(join(built, DRAFT_URL.slice(1))), "the draft's page was written");
    for (const file of filesUnder(built)) assert.ok(!readFileSync(file).includes(DRAFT_TITLE), `${file} names the draft`);
    assert.ok(!existsSync(join(built, "assets/dev-live.js")), "the dev server's script is published");
  });
});
