import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SITES = ["hugo-site", "jekyll-site", "eleventy-site"].map((name) => join(ROOT, "tests/fixtures/import", name));

/** Runs a script as `npm run` does: through tsx. */
function cli(script: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [...npmScript(script), ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lastLine = (stdout: string) => stdout.trimEnd().split("\n").at(-1);
const snapshot = (content: string) => walkFiles(join(content, "articles")).map((file) => [file, readFileSync(file, "utf8")]);

describe("npm run import of Hugo, Jekyll and Eleventy sites", () => {
  it("ends with one line of counts, writes nothing on a dry run, leaves content that checks with no errors, and finds it all again", () => {
    const content = fixtureContent();
    const before = snapshot(content);
    const skipped = "7 ignorés (4 pages, 2 pages de liste, 1 en erreur)";

    const trial = cli("import", [...SITES, "--content", content, "--dry-run"], content);
    assert.equal(trial.code, 1, "the Eleventy post with JavaScript front matter fails");
    assert.equal(lastLine(trial.stdout), `20 lus : 13 importés (dont 6 brouillons), 0 doublon, ${skipped} — essai : rien n’a été écrit`);
    assert.deepEqual(snapshot(content), before);

    const run = cli("import", [...SITES, "--content", content], content);
    assert.equal(lastLine(run.stdout), `20 lus : 13 importés (dont 6 brouillons), 0 doublon, ${skipped}`);
    assert.match(run.stdout, /^ignoré {4}\S*hugo-site\/content\/posts\/_index\.md : page de liste de Hugo \(_index\.md\), pas un article$/m);
    assert.match(run.stdout, /^en erreur \S*eleventy-site\/content\/blog\/bilan-annee\.md : ligne 1 : un en-tête en JavaScript \(`---js`\) est du code/m);
    assert.match(run.stdout, /^importé {3}\S*jekyll-site\/_drafts\/enquete-trafic-migrants\.md → articles\/sans-date\/enquete-trafic-migrants\.md\n {10}à vérifier : brouillon de Jekyll \(dossier _drafts\/\)/m);
    assert.equal(snapshot(content).length, before.length + 13);

    const check = cli("check", ["--content", content, "--quiet"], content);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /: 0 erreur,/);

    const again = cli("import", [...SITES, "--content", content], content);
    assert.equal(lastLine(again.stdout), `20 lus : 0 importé, 13 doublons, ${skipped}`);
    assert.equal(snapshot(content).length, before.length + 13);
  });
});
