import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureContent } from "../helpers/content.ts";
import { npmScript } from "../../scripts/lib/cli.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** `npm run actors:suggest -- --content CONTENT ARGS…`, as npm runs it (through tsx). */
function suggest(content: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [...npmScript("actors-suggest"), "--content", content, ...args], { cwd: content, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contentWith(articles: Record<string, string>, lang = "fr"): string {
  const content = fixtureContent();
  writeFileSync(join(content, "site.yml"), readFileSync(join(content, "site.yml"), "utf8").replace(/^lang: .*$/m, `lang: ${lang}`));
  mkdirSync(join(content, "articles/2021"), { recursive: true });
  for (const [name, body] of Object.entries(articles)) {
    writeFileSync(join(content, "articles/2021", `${name}.md`), `---\ntitle: Article ${name}\ndate: 2021-01-01\n---\n\n${body}\n`);
  }
  return content;
}

const ARTICLES = {
  annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan.",
  nom: "Zorglub Ouhbi a présenté le plan de la réforme.",
  autre: "Yacoubi Tazmarti a signé l'accord.",
};

describe("npm run actors:suggest", () => {
  it("lists each name with its articles and sentences, the file to create, and how many names there are", () => {
    const { code, stdout } = suggest(contentWith(ARTICLES));
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Zorglub Ouhbi — personne, 2 mentions dans 2 articles \(annoncée par « directeur général », reconnue dans 1 autre article\)$/m);
    assert.match(stdout, /^ {2}exemple : « Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan\. » \(articles\/2021\/annonce\.md\)$/m);
    assert.match(stdout, /^ {2}aussi dans : articles\/2021\/nom\.md$/m);
    assert.match(stdout, /^ {2}à créer : content\/actors\/people\/zorglub-ouhbi\.yml$/m);
    assert.ok(stdout.indexOf("Zorglub Ouhbi —") < stdout.indexOf("Yacoubi Tazmarti —"));
    assert.match(stdout, /^2 noms à examiner\./m);
  });

  it("--accept writes the knowledge-base file for a name written in any case and accents, once", () => {
    const content = contentWith(ARTICLES);
    const accepted = suggest(content, "--accept", "zorglub OUHBÍ");
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /^Créé : actors\/people\/zorglub-ouhbi\.yml/);
    assert.match(readFileSync(join(content, "actors/people/zorglub-ouhbi.yml"), "utf8"), /^name: Zorglub Ouhbi\n/);
    const again = suggest(content, "--accept", "Zorglub Ouhbi");
    assert.equal(again.code, 1);
    assert.match(again.stderr, /actors\/people\/zorglub-ouhbi\.yml existe déjà : rien n'a été écrit/);
    const listing = suggest(content);
    assert.doesNotMatch(listing.stdout, /Zorglub Ouhbi —/);
    assert.match(listing.stdout, /^1 nom à examiner\./m);
  });

  it("--accept says in French which names come closest when none matches", () => {
    const content = contentWith(ARTICLES);
    const { code, stderr } = suggest(content, "--accept", "Zorglob Ouhbi");
    assert.equal(code, 1);
    assert.match(stderr, /aucune suggestion ne correspond à « Zorglob Ouhbi »\. Les plus proches : « Zorglub Ouhbi »/);
    assert.equal(existsSync(join(content, "actors/people/zorglob-ouhbi.yml")), false);
  });

  it("--ignore records the dismissal in content/rules/ignored-names.yml and later listings skip the name", () => {
    const content = contentWith(ARTICLES);
    const ignored = suggest(content, "--ignore", "yacoubi tazmarti");
    assert.equal(ignored.code, 0, ignored.stderr);
    assert.match(ignored.stdout, /« Yacoubi Tazmarti » est écarté/);
    assert.match(readFileSync(join(content, "rules/ignored-names.yml"), "utf8"), /^names:\n {2}- Yacoubi Tazmarti\n/m);
    const listing = suggest(content);
    assert.doesNotMatch(listing.stdout, /Yacoubi Tazmarti/);
    assert.match(listing.stdout, /^1 nom à examiner\./m);
  });

  it("speaks English when the site's language is English", () => {
    const content = contentWith(ARTICLES, "en");
    const { stdout } = suggest(content);
    assert.match(stdout, /^Zorglub Ouhbi — person, 2 mentions in 2 articles \(announced by "directeur général", recognised in 1 other article\)$/m);
    assert.match(stdout, /^2 names to review\./m);
    const missed = suggest(content, "--accept", "Nobody At All");
    assert.match(missed.stderr, /no suggestion matches "Nobody At All"/);
  });
});
