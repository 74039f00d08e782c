import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { described, diagnosticText } from "../../../src/messages/diagnostics.ts";
import { editorMessages } from "../../../src/messages/editor.ts";
import { count } from "../../../src/messages/plural.ts";
import type { Diagnostic } from "../../../src/model/diagnostic.ts";

describe("counts in the editors' languages", () => {
  it("French takes the singular for 0 and 1, the plural from 2", () => {
    assert.equal(count("fr", 0, "erreur", "erreurs"), "0 erreur");
    assert.equal(count("fr", 1, "erreur", "erreurs"), "1 erreur");
    assert.equal(count("fr", 2, "erreur", "erreurs"), "2 erreurs");
    assert.equal(count("fr", 12, "nom à revoir", "noms à revoir"), "12 noms à revoir");
  });

  it("English takes the singular for 1 only", () => {
    assert.equal(count("en", 0, "error", "errors"), "0 errors");
    assert.equal(count("en", 1, "error", "errors"), "1 error");
    assert.equal(count("en", 2, "error", "errors"), "2 errors");
  });
});

describe("the commands' lines", () => {
  const figures = { read: 3, published: 1, drafts: 1, rejected: 1, skipped: 0, actors: 2, topics: 1, errors: 1, warnings: 2 };

  it("checks in French by default, counts agreeing with their nouns", () => {
    assert.equal(
      editorMessages("fr").check.summary(figures),
      "3 articles vérifiés (1 publié, 1 brouillon, 1 rejeté, 0 ignoré), 2 acteurs, 1 sujet : 1 erreur, 2 avertissements",
    );
  });

  it("checks in English with lang: en", () => {
    assert.equal(editorMessages("en").check.summary(figures), "3 articles checked (1 published, 1 draft, 1 rejected, 0 skipped), 2 actors, 1 topic: 1 error, 2 warnings");
  });

  it("names severities and a stopped CI build in each language", () => {
    assert.equal(editorMessages("fr").severity("warning"), "avertissement");
    assert.equal(editorMessages("en").severity("warning"), "warning");
    assert.equal(editorMessages("fr").build.ciStop(2, "r.json"), "2 erreurs dans le contenu (CI=true arrête la construction ; le rapport est dans r.json)");
    assert.equal(editorMessages("en").build.ciStop(1, "r.json"), "1 content error (CI=true stops the build; the report is in r.json)");
  });
});

describe("diagnostics written in the site's language", () => {
  const where = { file: "articles/a.md", line: 4, rule: "unknown-reference", severity: "warning" as const };
  const unknown: Diagnostic = { ...where, ...described("unknown-reference", { field: "people", value: "Francisco Pardo", kind: "person", file: "francisco-pardo", suggestions: ["Francisco Pardo Piqueras"] }) };

  it("keeps the English text on the diagnostic, and its code and params", () => {
    assert.equal(unknown.message, '`people` names "Francisco Pardo", which is not in the knowledge base');
    assert.equal(unknown.code, "unknown-reference");
    assert.deepEqual(unknown.params?.["suggestions"], ["Francisco Pardo Piqueras"]);
  });

  it("writes it in French from its params, the suggestion in the fix", () => {
    const text = diagnosticText(unknown, "fr");
    assert.equal(text.message, "`people` nomme « Francisco Pardo », absent de la base de connaissances");
    assert.equal(text.fix, "Vouliez-vous dire « Francisco Pardo Piqueras » ? Écrivez ce nom à la place, ou ajoutez content/actors/people/francisco-pardo.yml.");
    assert.match(diagnosticText(unknown, "en").fix ?? "", /^Did you mean "Francisco Pardo Piqueras"\?/);
  });

  it("writes it the same after the record cache's JSON round trip", () => {
    const cached = JSON.parse(JSON.stringify(unknown)) as Diagnostic;
    assert.deepEqual(diagnosticText(cached, "fr"), diagnosticText(unknown, "fr"));
  });

  it("says a value of several types in words", () => {
    const typed: Diagnostic = { ...where, rule: "schema-type", severity: "error", ...described("schema-type", { path: "roles.0.from", type: "string,integer" }) };
    assert.equal(diagnosticText(typed, "fr").message, "`roles.0.from` doit être un texte ou un nombre entier");
    assert.equal(typed.message, "`roles.0.from` must be a text or a whole number");
  });

  it("prints a diagnostic without a code as it was stored", () => {
    const plain: Diagnostic = { ...where, rule: "yaml-syntax", severity: "error", message: "YAML syntax error", fix: "Close the quote." };
    assert.deepEqual(diagnosticText(plain, "fr"), { message: "YAML syntax error", fix: "Close the quote." });
  });
});
