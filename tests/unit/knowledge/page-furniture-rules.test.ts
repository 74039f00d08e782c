import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadReaders, readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { loadRules } from "../../../src/knowledge/rules.ts";
import { fixtureContent } from "../../helpers/content.ts";

const today = new Date("2026-11-23T00:00:00Z");

/** A scratch content folder whose rules file `name` has `line` added under `key:` (an editor's edit). */
function contentWithRule(name: string, key: string, line: string): string {
  const dir = fixtureContent();
  const path = join(dir, "rules", name);
  const text = readFileSync(path, "utf8");
  assert.ok(text.includes(`\n${key}:\n`), `${name} has \`${key}:\``);
  writeFileSync(path, text.replace(`\n${key}:\n`, `\n${key}:\n${line}\n`));
  return dir;
}

/** The 1-based line of the first line of `file` that is exactly `line`. */
function lineOf(file: string, line: string): number {
  const index = readFileSync(file, "utf8").split("\n").indexOf(line);
  assert.ok(index >= 0, `${line} in ${file}`);
  return index + 1;
}

describe("content/rules/page-furniture.yml and boilerplate.yml are checked when they load", () => {
  it("loads the project's rules without a problem", () => {
    const { diagnostics, rules } = loadRules(join(import.meta.dirname, "../../../content"));
    assert.deepEqual(diagnostics, []);
    assert.ok(rules.pageFurniture.classWords.has("share"));
    assert.ok(rules.pageFurniture.teaserCues.length === rules.boilerplate.sectionEnd.length);
  });

  it("names the file and line of an unknown key, with the keys the file has", () => {
    const dir = fixtureContent();
    const furniture = join(dir, "rules/page-furniture.yml");
    writeFileSync(furniture, readFileSync(furniture, "utf8").replace("\nclass_phrases:\n", "\nclass_phrase:\n"));
    const boilerplate = join(dir, "rules/boilerplate.yml");
    writeFileSync(boilerplate, `${readFileSync(boilerplate, "utf8")}\nsection_ends:\n  - "plus d'infos"\n`);
    const problems = loadRules(dir, dir).diagnostics.map((d) => [d.file, d.line, d.rule, d.message]);
    assert.deepEqual(problems, [
      ["rules/boilerplate.yml", lineOf(boilerplate, "section_ends:"), "rules-unknown-key", "unknown key `section_ends`: its list is not read"],
      ["rules/page-furniture.yml", lineOf(furniture, "class_phrase:"), "rules-unknown-key", "unknown key `class_phrase`: its list is not read"],
    ]);
    const fix = loadRules(dir, dir).diagnostics[1]?.fix ?? "";
    assert.match(fix, /`class_words`, `class_phrases`, `share_links`, `cookie_words`, `cookie_actions`/);
  });

  it("names the file and line of a pattern the engine cannot run, and of a class word that is two words; the rest still loads", () => {
    const dir = contentWithRule("page-furniture.yml", "share_links", '  - "partage\\\\.exemple\\\\.org/(?=share)"');
    const furniture = join(dir, "rules/page-furniture.yml");
    writeFileSync(furniture, readFileSync(furniture, "utf8").replace("\ncookie_words:\n", '\ncookie_words:\n  - "cookies (tiers"\n').replace("\nclass_words:\n", "\nclass_words:\n  - encart-promo\n"));
    const { diagnostics, rules } = loadRules(dir, dir);
    assert.deepEqual(
      diagnostics.map((d) => [d.file, d.line, d.rule]),
      [
        ["rules/page-furniture.yml", lineOf(furniture, '  - "partage\\\\.exemple\\\\.org/(?=share)"'), "rules-pattern"],
        ["rules/page-furniture.yml", lineOf(furniture, '  - "cookies (tiers"'), "rules-pattern"],
        ["rules/page-furniture.yml", lineOf(furniture, "  - encart-promo"), "rules-class-word"],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    for (const diagnostic of diagnostics) assert.ok(diagnostic.fix, `${diagnostic.rule} says how to fix it`);
    assert.match(diagnostics.find((d) => d.rule === "rules-pattern" && d.message.includes("(?=share)"))?.message ?? "", /look-ahead/);
    assert.ok(!rules.pageFurniture.shareLinks.some((pattern) => pattern.includes("exemple")));
    assert.ok(rules.pageFurniture.shareLinks.includes("facebook\\.com/shar"));
    assert.ok(!rules.pageFurniture.classWords.has("encart-promo"));
  });
});

describe("a furniture phrase an editor adds is honoured by the text reader and the HTML reader alike", () => {
  before(() => loadReaders());

  const CUE = "Ailleurs sur le réseau";
  const TEASER = "Les chalutiers de Sète retrouvent leur port après deux ans de travaux";
  const FIRST = "Le conseil municipal de Villefranche a adopté mardi soir un budget en hausse de quatre pour cent, porté par les investissements dans les écoles.";
  const SECOND = "L'opposition a voté contre, jugeant la hausse des impôts locaux trop forte pour les ménages de la commune.";

  const capture = ["Villefranche adopte un budget en hausse pour ses écoles", "", FIRST, "", SECOND, "", CUE, "", TEASER, ""].join("\n");
  // The teaser stands between two paragraphs of the article, as sites place them.
  const page = `<!doctype html><html lang="fr"><head><title>Villefranche adopte un budget en hausse pour ses écoles</title></head><body><article><h1>Villefranche adopte un budget en hausse pour ses écoles</h1><p>${FIRST}</p><p><strong>${CUE} :</strong> <a href="https://exemple.fr/peche">${TEASER}</a></p><p>${SECOND}</p></article></body></html>`;

  /** The article's body as a build reads it, with the rules of the content folder `dir`. */
  const bodyOf = (dir: string, text: string, format: "text" | "html"): string => {
    const { kb, diagnostics } = loadKnowledgeBase(dir, dir);
    assert.deepEqual(diagnostics.filter((d) => d.file.startsWith("rules/")), []);
    const { doc } = readSource(text, format === "html" ? "page.html" : "capture.txt", format, { pageFurniture: kb.rules.pageFurniture });
    return buildArticle(doc, compileKnowledge(kb), { today, render: false }).body;
  };

  it("keeps the teaser while the phrase is not a rule (the contrast the rule makes)", () => {
    const dir = fixtureContent();
    assert.ok(bodyOf(dir, capture, "text").includes(TEASER));
    assert.ok(bodyOf(dir, page, "html").includes(TEASER));
  });

  it("ends a capture's article at the phrase, and takes the teaser it opens out of a saved page, once it is in boilerplate.yml's section_end", () => {
    const dir = contentWithRule("boilerplate.yml", "section_end", '  - "ailleurs sur le réseau"');
    const text = bodyOf(dir, capture, "text");
    assert.ok(text.includes(FIRST) && text.includes(SECOND), text);
    assert.ok(!text.includes(TEASER) && !text.includes(CUE), text);
    const html = bodyOf(dir, page, "html");
    assert.ok(html.includes(FIRST) && html.includes(SECOND), html);
    assert.ok(!html.includes(TEASER) && !html.includes(CUE), html);
  });

  it("takes out of a saved page an element whose class an editor adds to page-furniture.yml, and a share link whose address they add", () => {
    const boxed = page.replace(`<p>${SECOND}</p>`, `<div class="encart-maison">Recevez nos alertes par SMS chaque matin</div><p>${SECOND} <a href="https://partage.exemple.org/p?u=1">Envoyer</a></p>`);
    const before = bodyOf(fixtureContent(), boxed, "html");
    assert.ok(before.includes("Recevez nos alertes") && before.includes("Envoyer"), before);
    const dir = contentWithRule("page-furniture.yml", "class_words", "  - encart");
    const furniture = join(dir, "rules/page-furniture.yml");
    writeFileSync(furniture, readFileSync(furniture, "utf8").replace("\nshare_links:\n", '\nshare_links:\n  - "partage\\\\.exemple\\\\.org/p"\n'));
    const after = bodyOf(dir, boxed, "html");
    assert.ok(!after.includes("Recevez nos alertes") && !after.includes("Envoyer"), after);
    assert.ok(after.includes(FIRST) && after.includes(SECOND), after);
  });
});
