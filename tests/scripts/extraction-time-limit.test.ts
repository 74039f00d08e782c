import assert from "node:assert/strict";
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureContent } from "../helpers/content.ts";
import { NEVER_ENDS } from "../helpers/never-ending-source/marker.ts";
import { scratchDir } from "../helpers/scratch.ts";

/**
 * The time limit of one source's extraction where it runs in the script's own process: a build
 * of few sources, `npm run check`, `npm run extract` and the dev server's rebuilds. The
 * scripts run with the stand-ins of tests/helpers/never-ending-source (a source holding
 * NEVER_ENDS never finishes; the limit is a second): each must reject that source with the
 * timeout's reason, extract the others, and finish.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const REGISTER = join(ROOT, "tests/helpers/never-ending-source/register.mjs");
const NODE_ARGS = ["--import", "tsx", "--import", REGISTER];
/** Long enough for a loaded machine; a run that takes this long hangs. */
const HANG_MS = 120_000;
const NEVER_ENDING = "2020-01-01-sans-fin.md";
const AFTER = "2020-12-31-apres-le-blocage.md";

const article = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2020-06-01\noutlet: hespress\n---\n\n${body}\n`;

/** The fixture content, with a source that never finishes extracting when `neverEnding`, and an ordinary one after it. */
function content(neverEnding: boolean): string {
  const dir = fixtureContent();
  const year = join(dir, "articles", "2020");
  writeFileSync(join(year, AFTER), article("Un article ordinaire après le blocage", "Rabat a accueilli une réunion sur la sécurité maritime."));
  if (neverEnding) writeFileSync(join(year, NEVER_ENDING), article("Un article sans fin", NEVER_ENDS));
  return dir;
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...NODE_ARGS, join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8", timeout: HANG_MS, killSignal: "SIGKILL", env: { ...process.env, CI: "", ...env } });
}

function assertFinished(run: SpawnSyncReturns<string>): void {
  assert.equal(run.signal, null, `the script finished (it was stopped after ${HANG_MS / 1000} s)\n${run.stderr}`);
}

const TIMEOUT_MESSAGE = /the source took longer than 1 s to extract and was stopped/;
/** The same, as the build, check and the dev server print it in the site's language. */
const TIMEOUT_MESSAGE_FR = "l’extraction de la source a pris plus de 1 s et a été arrêtée";

describe("the time limit of extraction in the script's own process", () => {
  it("a build of few sources rejects the never-ending source with the reason, publishes the others, and does not cache the rejection", () => {
    const dir = content(true);
    const output = join(scratchDir("time-limit-site"), "_site");
    const first = runScript("build.ts", ["--content", dir, "--output", output]);
    assertFinished(first);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, new RegExp(`rejeté \\S*${NEVER_ENDING} : ${TIMEOUT_MESSAGE_FR}`));
    const report = JSON.parse(readFileSync(join(output, "..", ".cache", "build-report.json"), "utf8")) as { published: string[]; rejected: { path: string; reasons: string[] }[] };
    assert.deepEqual(
      report.rejected.map((r) => [r.path.split("/").pop(), r.reasons.join("; ")]),
      [[NEVER_ENDING, "the source took longer than 1 s to extract and was stopped"]],
    );
    assert.deepEqual(report.published.map((p) => p.split("/").pop()).sort(), ["2020-09-26-abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis.md", AFTER]);
    // The rejection says as much of the machine as of the source: the next build extracts it again (a 2 s limit now says so).
    const second = runScript("build.ts", ["--content", dir, "--output", output], { STAND_IN_EXTRACTION_SECONDS: "2" });
    assertFinished(second);
    assert.match(second.stderr, new RegExp(`rejeté \\S*${NEVER_ENDING} : l’extraction de la source a pris plus de 2 s`));
  });

  it("npm run check reports the never-ending source as an error with its file and finishes", () => {
    const run = runScript("check.ts", ["--content", content(true)]);
    assertFinished(run);
    assert.equal(run.status, 1, "an error: exit 1");
    const line = run.stdout.split("\n").find((l) => l.includes(NEVER_ENDING));
    assert.ok(line, run.stdout);
    assert.match(line, /: erreur: /);
    assert.ok(line.includes(TIMEOUT_MESSAGE_FR), line);
    assert.match(run.stdout, /3 articles vérifiés \(2 publiés, 0 brouillon, 1 rejeté/);
  });

  it("npm run extract reports the never-ending source among the others and finishes", () => {
    const year = join(content(true), "articles", "2020");
    const run = runScript("extract.ts", [join(year, NEVER_ENDING), join(year, AFTER)]);
    assertFinished(run);
    assert.equal(run.status, 0, run.stderr);
    const [stopped, extracted] = JSON.parse(run.stdout) as { sourcePath: string; error?: string; title?: string }[];
    assert.equal(stopped?.sourcePath, join(year, NEVER_ENDING));
    assert.match(stopped?.error ?? "", TIMEOUT_MESSAGE);
    assert.equal(extracted?.title, "Un article ordinaire après le blocage");
  });

  it("npm run import reports the never-ending source as failed and imports the others", () => {
    const year = join(content(true), "articles", "2020");
    const into = fixtureContent();
    const run = runScript("import.ts", ["--content", into, "--dry-run", join(year, NEVER_ENDING), join(year, AFTER)]);
    assertFinished(run);
    assert.equal(run.status, 1, "a failed source: exit 1");
    const failed = run.stdout.split("\n").find((l) => l.includes(NEVER_ENDING));
    assert.ok(failed, run.stdout);
    assert.match(failed, /^en erreur /);
    assert.match(failed, TIMEOUT_MESSAGE);
    assert.ok(run.stdout.split("\n").some((l) => l.startsWith("importé") && l.includes(AFTER)), run.stdout);
  });

  it("the dev server's rebuild rejects a never-ending source saved while it runs, and goes on serving and rebuilding", { timeout: HANG_MS + 10_000 }, async () => {
    const dir = content(false);
    const output = join(scratchDir("time-limit-dev"), "_site");
    const server = spawn(process.execPath, [...NODE_ARGS, join(ROOT, "scripts", "start.ts"), "--port", "0", "--content", dir, "--output", output], {
      cwd: ROOT,
      env: { ...process.env, CI: "" },
      stdio: ["ignore", "ignore", "pipe"],
      // A group of its own: stopped whole at the end, the process that serves (it may start itself again with a larger heap) included, hung or not.
      detached: true,
    });
    let log = "";
    server.stderr.setEncoding("utf8").on("data", (text: string) => (log += text));
    const waitFor = (pattern: RegExp, from: number) =>
      new Promise<void>((resolve, reject) => {
        const started = performance.now();
        const look = setInterval(() => {
          if (pattern.test(log.slice(from))) {
            clearInterval(look);
            resolve();
          } else if (server.exitCode !== null || performance.now() - started > HANG_MS) {
            clearInterval(look);
            reject(new Error(`no ${pattern} in the dev server's log:\n${log}`));
          }
        }, 100);
      });
    try {
      await waitFor(/revue: serving the archive/, 0);
      let from = log.length;
      writeFileSync(join(dir, "articles", "2020", NEVER_ENDING), article("Un article sans fin", NEVER_ENDS));
      await waitFor(new RegExp(`rejeté \\S*${NEVER_ENDING} : ${TIMEOUT_MESSAGE_FR}`), from);
      await waitFor(/revue: pages rebuilt in \d+ ms/, from);
      // The session goes on: the next edit is rebuilt too.
      from = log.length;
      writeFileSync(join(dir, "articles", "2020", AFTER), article("Un article ordinaire corrigé", "Rabat a accueilli une seconde réunion."));
      await waitFor(/revue: pages rebuilt in \d+ ms/, from);
      assert.match(log.slice(from), new RegExp(`rejeté \\S*${NEVER_ENDING} : l’extraction de la source a pris plus de 1 s`), "the rejected source is tried again, not taken from the cache");
    } finally {
      process.kill(-(server.pid as number), "SIGKILL");
    }
  });
});
