import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { findSuggestion, suggestActors, suggestionKind } from "../../../src/editor/suggest-actors.ts";
import { acceptSuggestion, ignoreName } from "../../../src/editor/suggest-files.ts";
import { suggestMessages } from "../../../src/editor/suggest-messages.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import type { Suggestion } from "../../../src/model/article.ts";
import { fixtureContent } from "../../helpers/content.ts";

function contentWith(articles: Record<string, string>): string {
  const content = fixtureContent();
  mkdirSync(join(content, "articles/2021"), { recursive: true });
  for (const [name, body] of Object.entries(articles)) {
    writeFileSync(join(content, "articles/2021", `${name}.md`), `---\ntitle: Article ${name}\ndate: 2021-01-01\n---\n\n${body}\n`);
  }
  return content;
}

const build = (content: string) => buildArchive({ contentDir: content, workers: 1, today: new Date("2026-01-01T00:00:00Z") });

const ARTICLES = {
  annonce: "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan. L'Office national des pêches (ONP) a publié un rapport.",
  nom: "Zorglub Ouhbi a présenté le plan de la réforme.",
  civilite: "M. Ouhbi a défendu la réforme. Selon Leila B., la réunion a eu lieu. Y.M a confirmé.",
  bruit: "#PreguntasParlamentarias #SaharaOccidental Al-Dohr a répondu. Juriste de formation, il a parlé.",
  un: "Yacoubi Tazmarti a signé l'accord.",
  deux: "Yacoubi Tazmarti a visité le port.",
  trois: "Yacoubi Tazmarti a inauguré la route.",
  quatre: "Yacoubi Tazmarti a quitté la ville.",
};

describe("suggestActors", () => {
  it("proposes people and institutions only, never hashtags, initials or single words", async () => {
    const suggestions = suggestActors(await build(contentWith(ARTICLES)));
    assert.deepEqual(suggestions.map((s) => [s.name, s.kind]).sort(), [
      ["Office national des pêches", "agency"],
      ["Yacoubi Tazmarti", "person"],
      ["Zorglub Ouhbi", "person"],
    ]);
  });

  it("decides the kind from the name's head noun and cue", () => {
    const kb = loadKnowledgeBase(fixtureContent()).kb;
    const kind = (name: string, cue = "", as: Suggestion["kind"] = "person") => suggestionKind({ kind: as, name, cue, example: "", published: cue !== "" }, kb.rules);
    assert.equal(kind("Agence marocaine de presse"), "agency");
    assert.equal(kind("Brigade des mineurs", "le"), "agency");
    assert.equal(kind("Zorglub Ouhbi", "M."), "person");
    assert.equal(kind("Office national des pêches", "sigle défini dans le texte", "agency"), "agency");
    for (const noise of ["PreguntasParlamentarias #SaharaOccidental", "#SaharaOccidental Al-Dohr", "Al-Dohr", "Juriste", "Y.M", "Leila B.", "Ouhbi"]) {
      assert.equal(kind(noise, "M."), undefined, noise);
    }
  });

  it("ranks names a cue established and memory recognised elsewhere first, then by mentions, with each article's path and sentence", async () => {
    const suggestions = suggestActors(await build(contentWith(ARTICLES)));
    assert.deepEqual(
      suggestions.map((s) => s.name),
      ["Zorglub Ouhbi", "Yacoubi Tazmarti", "Office national des pêches"],
    );
    const [ouhbi, tazmarti] = suggestions;
    assert.equal(ouhbi?.recognised, 2);
    assert.equal(ouhbi?.count, 3);
    assert.equal(ouhbi?.cue, "directeur général");
    // The announcing sentence first: it says who the name is; then each other article with its sentence.
    const evidence = (ouhbi?.evidence ?? []).map((e) => [e.path.replace(/^.*articles\/2021\//, ""), e.sentence]);
    assert.deepEqual(evidence[0], ["annonce.md", "Le directeur général de l'Office, Zorglub Ouhbi, a présenté le plan."]);
    assert.deepEqual(evidence.slice(1).sort(), [
      ["civilite.md", "M. Ouhbi a défendu la réforme."],
      ["nom.md", "Zorglub Ouhbi a présenté le plan de la réforme."],
    ]);
    // Mentioned more, but never announced: after the name a cue established.
    assert.equal(tazmarti?.count, 4);
    assert.equal(tazmarti?.published, false);
  });

  it("prints its counts with the right plurals, in French and in English", () => {
    const fr = suggestMessages("fr");
    const en = suggestMessages("en");
    assert.match(fr.total(1), /^\n1 nom à examiner\./);
    assert.match(fr.total(12), /^\n12 noms à examiner\./);
    assert.match(en.total(1), /^\n1 name to review\./);
    assert.match(en.total(2), /^\n2 names to review\./);
    const heading = { name: "Zorglub Ouhbi", kind: "person" as const, mentions: 2, articles: 2, recognised: 1, cue: "M.", published: true };
    assert.equal(fr.heading(heading), "Zorglub Ouhbi — personne, 2 mentions dans 2 articles (annoncée par « M. », reconnue dans 1 autre article)");
    assert.equal(en.heading(heading), 'Zorglub Ouhbi — person, 2 mentions in 2 articles (announced by "M.", recognised in 1 other article)');
  });
});

describe("findSuggestion", () => {
  it("matches a name whatever its case and accents, and offers the closest names otherwise", async () => {
    const suggestions = suggestActors(await build(contentWith(ARTICLES)));
    const found = findSuggestion(suggestions, "office NATIONAL des peches");
    assert.ok("match" in found && found.match.name === "Office national des pêches");
    const missed = findSuggestion(suggestions, "Zorglob Ouhbi");
    assert.deepEqual("closest" in missed ? missed.closest[0] : undefined, "Zorglub Ouhbi");
    const far = findSuggestion(suggestions, "Quelqu'un d'autre entièrement");
    assert.deepEqual("closest" in far ? far.closest : undefined, []);
  });
});

describe("acceptSuggestion and ignoreName", () => {
  it("writes a knowledge-base file that the next build loads, and refuses to write it twice", async () => {
    const content = contentWith(ARTICLES);
    const archive = await build(content);
    const found = findSuggestion(suggestActors(archive), "Zorglub Ouhbi");
    assert.ok("match" in found);
    const result = acceptSuggestion(content, found.match, archive.kb, content);
    assert.deepEqual(result, { status: "created", file: "actors/people/zorglub-ouhbi.yml" });
    const next = await build(content);
    assert.deepEqual(next.diagnostics.filter((d) => d.file.includes("zorglub")), []);
    assert.equal(next.kb.people.get("zorglub-ouhbi")?.name, "Zorglub Ouhbi");
    const tagged = next.records.find((r) => r.sourcePath.endsWith("nom.md"));
    assert.deepEqual(tagged?.people.map((p) => [p.id, p.via]), [["zorglub-ouhbi", "knowledge-base"]]);
    assert.ok(!suggestActors(next).some((s) => s.name === "Zorglub Ouhbi"));
    assert.equal(acceptSuggestion(content, found.match, next.kb, content).status, "exists");
  });

  it("writes a template whose commented keys validate once uncommented (`from: 2020` is a year)", async () => {
    const content = contentWith(ARTICLES);
    const found = findSuggestion(suggestActors(await build(content)), "Yacoubi Tazmarti");
    assert.ok("match" in found);
    const file = join(content, "actors/people/yacoubi-tazmarti.yml");
    writeFileSync(file, found.match.yaml.replace(/^# ?/gm, "").replace(/#.*$/gm, ""));
    assert.match(readFileSync(file, "utf8"), /from: 2020/);
    const loaded = loadKnowledgeBase(content);
    assert.deepEqual(loaded.diagnostics.filter((d) => d.file.includes("yacoubi")), []);
    assert.equal(loaded.kb.people.get("yacoubi-tazmarti")?.roles[0]?.from, "2020");
  });

  it("records a dismissal in content/rules/ignored-names.yml that later listings and extraction skip", async () => {
    const content = contentWith(ARTICLES);
    writeFileSync(join(content, "rules/ignored-names.yml"), "# Nos noms écartés\nnames: []\n");
    assert.equal(ignoreName(content, "Zorglub Ouhbi", content).status, "ignored");
    assert.equal(ignoreName(content, "ZORGLUB OUHBI", content).status, "already");
    const text = readFileSync(join(content, "rules/ignored-names.yml"), "utf8");
    assert.equal(text, "# Nos noms écartés\nnames:\n  - Zorglub Ouhbi\n");
    const archive = await build(content);
    assert.ok(!suggestActors(archive).some((s) => s.name === "Zorglub Ouhbi"));
    assert.ok(archive.records.every((r) => r.people.every((p) => p.name !== "Zorglub Ouhbi")));
  });

  it("creates the list when content/rules has none", () => {
    const content = fixtureContent();
    const file = join(content, "rules/ignored-names.yml");
    rmSync(file, { force: true });
    assert.equal(ignoreName(content, "Al-Dohr", content).status, "ignored");
    assert.deepEqual(loadKnowledgeBase(content).kb.rules.names.ignored, new Set(["al dohr"]));
  });
});
