import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureContent } from "../helpers/content.ts";
import { buildSite } from "../helpers/site.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Runs a script as `npm run` does: through tsx. */
function cli(script: string, args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [...npmScript(script.replace(/\.ts$/, "")), ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check", () => {
  it("passes on valid content", () => {
    const content = fixtureContent();
    const { code, stdout } = cli("check.ts", ["--content", content, "--quiet"], content);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /: 0 erreur, \d+ avertissements?$/m);
  });

  it("prints path:line errors with their fix and exits non-zero on a broken front matter", () => {
    const content = fixtureContent();
    mkdirSync(join(content, "articles/2021"), { recursive: true });
    writeFileSync(join(content, "articles/2021/casse.md"), "---\ntitle: Un titre\ndate: 2021-02-30\nauteur: moi\npeople: Jean\n---\n\nTexte.\n");
    const { code, stdout } = cli("check.ts", ["--content", content], content);
    assert.equal(code, 1);
    assert.match(stdout, /^articles\/2021\/casse\.md:3: erreur: `date` 2021-02-30 n’est pas un jour du calendrier$/m);
    assert.match(stdout, /^articles\/2021\/casse\.md:4: avertissement: clé inconnue `auteur`/m);
    assert.match(stdout, /^articles\/2021\/casse\.md:5: erreur: `people` doit être une liste$/m);
    assert.match(stdout, /→ Écrivez une liste/);
  });

  it("warns of a front-matter actor absent from the knowledge base, who still gets a page", async () => {
    const content = fixtureContent();
    mkdirSync(join(content, "articles/2021"), { recursive: true });
    writeFileSync(join(content, "articles/2021/inconnue.md"), "---\ntitle: Une visite à Rabat\ndate: 2021-03-04\npeople:\n  - Jeanne Vasseur-Lemaire\n---\n\nUne visite de travail à Rabat.\n");
    const { code, stdout } = cli("check.ts", ["--content", content], content);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^articles\/2021\/inconnue\.md:4: avertissement: `people` nomme « Jeanne Vasseur-Lemaire », absent de la base de connaissances$/m);
    assert.match(stdout, /→ Vérifiez l’orthographe, ou ajoutez content\/actors\/people\/jeanne-vasseur-lemaire\.yml\./);
    const { output } = await buildSite(content);
    const page = readFileSync(join(output, "personnes/jeanne-vasseur-lemaire/index.html"), "utf8");
    assert.match(page, /<h1[^>]*>Jeanne Vasseur-Lemaire<\/h1>/);
    assert.match(page, /href="\/articles\/2021\/inconnue\/"/);
  });

  it("reports an alias two actors claim", () => {
    const content = fixtureContent();
    writeFileSync(join(content, "actors/agencies/autre.yml"), "name: Autre direction\naliases: [DGST]\n");
    const { code, stdout } = cli("check.ts", ["--content", content], content);
    assert.equal(code, 1);
    assert.match(stdout, /actors\/agencies\/.*: erreur: « DGST » est revendiqué par deux acteurs/);
  });
});

describe("npm run new", () => {
  it("creates a dated draft with every field, and refuses to overwrite it", () => {
    const content = fixtureContent();
    const first = cli("new.ts", ["Un nouvel article", "--content", content], content);
    assert.equal(first.code, 0, first.stderr);
    const path = /créé (\S+)/.exec(first.stdout)?.[1] ?? "";
    assert.match(path, /^articles\/\d{4}\/\d{4}-\d{2}-\d{2}-un-nouvel-article\.md$/);
    const markdown = readFileSync(join(content, path), "utf8");
    for (const field of ["title", "date", "date_evidence", "outlet", "url", "summary", "people", "agencies", "places", "topics", "add", "remove", "authors", "draft"]) {
      assert.match(markdown, new RegExp(`^${field}:`, "m"), field);
    }
    const check = cli("check.ts", ["--content", content, "--quiet"], content);
    assert.equal(check.code, 0, check.stdout);
    const second = cli("new.ts", ["Un nouvel article", "--content", content], content);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /^erreur: \S+ existe déjà/m);
  });
});

describe("npm run actors:suggest", () => {
  it("lists a name missing from the knowledge base with an example and the file to add", () => {
    const content = fixtureContent();
    const { code, stdout } = cli("actors-suggest.ts", ["--content", content], content);
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /^Abdellatif Hammouchi —/m);
    const seedContent = fixtureContent();
    cli("import.ts", [join(ROOT, "tests/fixtures/corpus/seed-000.txt"), "--content", seedContent], seedContent);
    const after = cli("actors-suggest.ts", ["--content", seedContent], seedContent);
    assert.match(after.stdout, /^William Burns — personne, 1 mention dans 1 article/m);
    assert.match(after.stdout, /à créer : content\/actors\/people\/william-burns\.yml/);
    assert.match(after.stdout, /exemple : « .*William Burns, directeur de la CIA/);
  });
});
