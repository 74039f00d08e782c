import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Runs a script as `npm run` does: through tsx. */
function cli(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const { REVUE_LANG: _lang, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [...npmScript(script), ...args], { cwd, encoding: "utf8", env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fixture content with an article that names what the base lacks, a year as a number, and a person whose role starts in a year written as a number. */
function contentWithProblems(): string {
  const content = fixtureContent();
  mkdirSync(join(content, "articles/2021"), { recursive: true });
  writeFileSync(
    join(content, "articles/2021/visite.md"),
    "---\ntitle: Une visite à Madrid\ndate: 2021\npeople: [Abdellatif Hamouchi]\nadd: [Police nationale]\nagencies: [dgts]\n---\n\nUne visite de travail.\n",
  );
  writeFileSync(join(content, "articles/2021/sans-titre.md"), "---\ndate: 2021-05-06\n---\n\n");
  const person = join(content, "actors/people/abdellatif-hammouchi.yml");
  writeFileSync(person, readFileSync(person, "utf8").replace(/from: "2005"/, "from: 2005"));
  return content;
}

const setLang = (content: string, lang: string) => {
  const site = join(content, "site.yml");
  writeFileSync(site, readFileSync(site, "utf8").replace(/^lang: .*$/m, `lang: ${lang}`));
};

describe("the editors' commands speak the site's language", () => {
  it("npm run check speaks French by default: severities, texts, fixes, counts, and what the editor probably meant", () => {
    const content = contentWithProblems();
    const { code, stdout } = cli("check", ["--content", content], content);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^articles\/2021\/visite\.md:4: avertissement: `people` nomme « Abdellatif Hamouchi », absent de la base de connaissances\n {4}→ Vouliez-vous dire « Abdellatif Hammouchi » \?/m);
    assert.match(stdout, /^articles\/2021\/visite\.md:5: avertissement: `add` nomme « Police nationale ».*\n {4}→ .*content\/actors\/agencies\/police-nationale\.yml \(une institution\)\.$/m);
    assert.match(stdout, /^articles\/2021\/visite\.md:6: avertissement: `agencies` nomme « dgts ».*\n {4}→ Vouliez-vous dire « dgst » \?/m);
    assert.match(stdout, /^articles\/2021\/sans-titre\.md:1: erreur: pas de titre : /m);
    // The year written as a number is a date, in the article and in the knowledge base.
    assert.doesNotMatch(stdout, /visite\.md:3|abdellatif-hammouchi\.yml/);
    assert.match(stdout, /^\d+ articles vérifiés \(\d+ publiés, 0 brouillon, 1 rejeté, 0 ignoré\), \d+ acteurs, 1 sujet : 1 erreur, \d+ avertissements$/m);
    assert.doesNotMatch(stdout, /\b(errors?|warnings?|checked|names)\b/);
  });

  it("npm run check speaks English with `lang: en`", () => {
    const content = contentWithProblems();
    setLang(content, "en");
    const { code, stdout } = cli("check", ["--content", content], content);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^articles\/2021\/visite\.md:4: warning: `people` names "Abdellatif Hamouchi", which is not in the knowledge base\n {4}→ Did you mean "Abdellatif Hammouchi"\?/m);
    assert.match(stdout, /^articles\/2021\/sans-titre\.md:1: error: no title: /m);
    assert.match(stdout, /^\d+ articles checked \(\d+ published, 0 drafts, 1 rejected, 0 skipped\), \d+ actors, 1 topic: 1 error, \d+ warnings$/m);
  });

  it("npm run build under CI=true says in French why it stops", () => {
    const content = contentWithProblems();
    const output = join(scratchDir("site"), "_site");
    const { code, stderr } = cli("build", ["--content", content, "--output", output], content, { CI: "true" });
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^articles\/2021\/sans-titre\.md:1: erreur: pas de titre : /m);
    assert.match(stderr, /^revue : \d+ sources lues : \d+ publiées, 0 brouillon, 1 rejetée, 0 ignorée ; 1 erreur, \d+ avertissements \(npm run check les liste\)/m);
    assert.match(stderr, /^ {2}rejeté articles\/2021\/sans-titre\.md : pas de titre : /m);
    assert.match(stderr, /^erreur: 1 erreur dans le contenu \(CI=true arrête la construction ; le rapport est dans /m);
  });

  it("npm run new and npm run import speak French, and English with `lang: en`", () => {
    const content = fixtureContent();
    const created = cli("new", ["Un article", "--content", content], content);
    assert.match(created.stdout, /^créé articles\/\d{4}\/\S+-un-article\.md\nRemplissez-le/);
    const again = cli("new", ["Un article", "--content", content], content);
    assert.match(again.stderr, /^erreur: \S+ existe déjà : choisissez un autre titre/);
    const nothing = cli("import", ["--content", content], content);
    assert.match(nothing.stderr, /^erreur: donnez un fichier ou un dossier à importer/);
    setLang(content, "en");
    const english = cli("import", ["--content", content], content);
    assert.match(english.stderr, /^error: give a file or a folder to import/);
    const draft = cli("new", ["An article", "--content", content], content);
    const path = /^created (\S+)\nFill it in/.exec(draft.stdout)?.[1] ?? "";
    assert.match(readFileSync(join(content, path), "utf8"), /^date: \d{4}-\d{2}-\d{2} +# publication date: YYYY-MM-DD/m);
  });
});
