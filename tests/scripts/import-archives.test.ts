import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "tests/fixtures/import");
const SOURCES = ["wordpress.xml", "feed.rss", "feed.atom"].map((name) => join(FIXTURES, name));

/** Runs a script as `npm run` does: through tsx. */
function cli(script: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [...npmScript(script), ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lastLine = (stdout: string) => stdout.trimEnd().split("\n").at(-1);
const snapshot = (content: string) => walkFiles(join(content, "articles")).map((file) => [file, readFileSync(file, "utf8")]);

describe("npm run import of a WordPress export and feeds", () => {
  it("ends with one line of counts, writes nothing on a dry run, and leaves content that checks with no errors", () => {
    const content = fixtureContent();
    const before = snapshot(content);
    const skipped = "5 ignorés (2 pages, 1 pièce jointe, 1 élément de menu, 1 à la corbeille)";

    const trial = cli("import", [...SOURCES, "--content", content, "--dry-run"], content);
    assert.equal(trial.code, 0, trial.stderr);
    assert.equal(lastLine(trial.stdout), `17 lus : 12 importés (dont 3 brouillons), 0 doublon, ${skipped} — essai : rien n’a été écrit`);
    assert.deepEqual(snapshot(content), before);

    const run = cli("import", [...SOURCES, "--content", content], content);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(lastLine(run.stdout), `17 lus : 12 importés (dont 3 brouillons), 0 doublon, ${skipped}`);
    assert.match(run.stdout, /^ignoré {4}\S*wordpress\.xml#page-2 : page « Qui sommes-nous \? »/m);
    assert.match(run.stdout, /^importé {3}\S*wordpress\.xml#post-140 → articles\/2024\/2024-04-15-portes-ouvertes-institut-police\.md\n {10}à vérifier : publication programmée dans WordPress/m);
    assert.equal(snapshot(content).length, before.length + 12);

    const check = cli("check", ["--content", content, "--quiet"], content);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /: 0 erreur,/);

    const again = cli("import", [...SOURCES, "--content", content], content);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(lastLine(again.stdout), `17 lus : 0 importé, 12 doublons, ${skipped}`);
  });
});
