import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { formatDiagnostic } from "../../../src/messages/diagnostic-line.ts";
import { diagnosticText } from "../../../src/messages/diagnostics.ts";
import type { Diagnostic } from "../../../src/model/diagnostic.ts";
import { validateAgainst } from "../../../src/model/schemas/validate.ts";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { hostileContent } from "../../helpers/hostile.ts";

/**
 * Every diagnostic the hostile corpus gives (src/ingest, src/archive, src/knowledge,
 * src/pipeline) has a code of the catalogue, and reads in French without an English
 * sentence when the site's language is French; its English text, written again from its
 * params, is the one it carries.
 */

/** Words of an English sentence that no French text of the catalogue holds. */
const ENGLISH = /\b(the|is not|must|cannot|over the limit|expected|was|were|not read|which|file's|Revue ignores)\b/i;

/**
 * A parser's, the system's or the regular-expression engine's own words, kept as they are
 * inside the French sentence: the param that holds them, for each code that has one.
 */
const LIBRARY_WORDS: Readonly<Record<string, string>> = {
  "yaml-syntax": "detail",
  "yaml-alias": "detail",
  "front-matter-toml-syntax": "detail",
  "front-matter-json": "detail",
  "source-cannot-read": "reason",
  "source-failed": "reason",
  "source-worker-lost": "reason",
  "rules-pattern": "error",
  "kb-aggregator-path": "error",
};

/** The French line with the parser's words and the editor's own values (names, paths, quoted text) taken out. */
function frenchWords(d: Diagnostic): string {
  let line = formatDiagnostic(d, "fr").replace(/^[^:]+(:\d+)?: /, "");
  const library = d.code ? LIBRARY_WORDS[d.code] : undefined;
  const words = library ? d.params?.[library] : undefined;
  if (typeof words === "string" && words) line = line.split(words).join("");
  return line.replace(/«[^»]*»/g, "").replace(/`[^`]*`/g, "");
}

describe("diagnostics in French", () => {
  let diagnostics: Diagnostic[];

  before(async () => {
    const archive = await buildArchive({ contentDir: hostileContent() });
    diagnostics = archive.diagnostics;
  });

  it("gives every diagnostic of the hostile corpus a code of the catalogue", () => {
    assert.ok(diagnostics.length > 50);
    const uncoded = diagnostics.filter((d) => d.code === undefined).map((d) => `${d.rule}: ${d.message}`);
    assert.deepEqual(uncoded, []);
  });

  it("writes the same English text from the params as the diagnostic carries", () => {
    for (const d of diagnostics) {
      assert.deepEqual(diagnosticText(d, "en"), { message: d.message, ...(d.fix !== undefined ? { fix: d.fix } : {}) }, `${d.rule} (${d.code})`);
    }
  });

  it("writes no English sentence in French", () => {
    const english = diagnostics.map(frenchWords).filter((line) => ENGLISH.test(line));
    assert.deepEqual(english, []);
  });

  it("says each problem of the corpus in French, as written by hand", () => {
    const fr = (file: string, ruleOrCode: string) => {
      const found = diagnostics.filter((d) => d.file.endsWith(file) && (d.rule === ruleOrCode || d.code === ruleOrCode));
      assert.equal(found.length, 1, `${file} ${ruleOrCode}`);
      return diagnosticText(found[0] as Diagnostic, "fr");
    };
    assert.deepEqual(fr("image.md", "source-unreadable"), {
      message: "le fichier est binaire, pas du texte : il contient un caractère NUL (ligne 3)",
      fix: "Retirez-le, ou exportez-le en texte Markdown encodé en UTF-8 (un fichier UTF-16 doit commencer par son indicateur d’ordre des octets).",
    });
    assert.equal(fr("limits/deep-front-matter.md", "yaml-limit").message, "YAML imbriqué sur 3001 niveaux, au-delà de la limite de 32");
    assert.equal(fr("limits/nested-quotes.md", "markdown-limit").message, "Markdown imbriqué sur 3000 niveaux (citations et listes), au-delà de la limite de 32");
    assert.equal(fr("front-matter/javascript.md", "front-matter-shape").message, "un en-tête en JavaScript (`---js`) est du code : Revue ne l’exécute jamais, et ne peut pas y lire les champs de l’article");
    assert.equal(fr("yaml-aliases/alias-bomb.md", "yaml-limit").message, "les `*alias` du YAML se développent en plus de 100 copies des valeurs de leurs ancres");
    assert.equal(fr("silent/.brouillons", "source-skipped").message, "non lu : dossier caché");
    assert.equal(
      fr("date-hier.md", "schema-pattern").message,
      "`date` n’est pas valide : attendu une date de publication AAAA-MM-JJ, ou AAAA-MM / AAAA si seuls le mois ou l’année sont connus, ou une date avec l’heure (2023-05-04T10:30:00+02:00, 2023-05-04T10:30:00Z, 2023-05-04 10:30:00 +0200), l’heure servant aux flux ; une année seule peut s’écrire comme un nombre (2020)",
    );
    assert.equal(fr("malformed-yaml.md", "yaml-syntax").message, "erreur de syntaxe YAML (message du lecteur YAML) : Flow sequence in block collection must be sufficiently indented and end with a ]");
  });
});

describe("schema diagnostics in French", () => {
  it("describes a field's expected value in French, and a bound", () => {
    const lineOf = () => 2;
    const [slug] = validateAgainst("article", { title: "t", slug: "Pas Un Slug" }, "a.md", lineOf);
    assert.equal(
      diagnosticText(slug as Diagnostic, "fr").message,
      "`slug` n’est pas valide : attendu le segment d’adresse de l’article, en minuscules, chiffres et traits d’union ; par défaut celui du nom du fichier (sans son préfixe de date ni son extension), jamais le titre",
    );
    const role = validateAgainst("person", { name: "Nadia Benali", roles: [{ title: "Ministre", from: "hier" }] }, "p.yml", lineOf).find((d) => d.code === "schema-pattern");
    assert.match(diagnosticText(role as Diagnostic, "fr").message, /^`roles\.0\.from` n’est pas valide : attendu AAAA, AAAA-MM ou AAAA-MM-JJ/);
    const year = validateAgainst("article", { title: "t", date: 20 }, "a.md", lineOf).find((d) => d.params?.["keyword"] === "minimum");
    assert.ok(year, "a year below the minimum is reported");
    assert.equal(year.message, "`date` must be >= 1000");
    assert.equal(diagnosticText(year, "fr").message, "`date` doit être supérieur ou égal à 1000");
  });
});
