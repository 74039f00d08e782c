import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArticle } from "../../../src/archive/build-article.ts";
import { compileKnowledge, type CompiledKnowledge } from "../../../src/extract/compile.ts";
import { loadReaders, readSource } from "../../../src/ingest/read-source.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";

const today = new Date("2026-11-23T00:00:00Z");
let compiled: CompiledKnowledge;

function recordOf(text: string, path: string, format: "html" | "text", url?: string): ArticleRecord {
  const { doc } = readSource(text, path, format, { pageFurniture: compiled.kb.rules.pageFurniture, ...(url ? { url } : {}) });
  return buildArticle(doc, compiled, { today, render: false, ...(url ? { url } : {}) });
}

// A saved page of a regional site the base does not know: tagline in the site name, the author
// after the headline in <title>, an update stamp and a player label above the text, an event date.
const SAVED_PAGE = `<!doctype html><html lang="fr"><head>
<title>Le port de Sète retrouve ses chalutiers | Claire Martin</title>
<meta property="og:site_name" content="La Gazette de Thau - Toute l'actualité du bassin de Thau">
<meta name="author" content="Claire Martin">
</head><body>
<header><a href="/">Accueil</a></header>
<main><article>
<p>Économie</p>
<h1>Le port de Sète retrouve ses chalutiers</h1>
<p>Mis à jour il y a 3 heures</p>
<p>Écouter cet article</p>
<p>Après deux ans de travaux, les quais du port de pêche ont rouvert lundi aux chalutiers, qui avaient dû se replier sur les ports voisins pendant toute la durée du chantier.</p>
<p>La fête de la mer aura lieu le samedi 14 juin 2025 sur le quai d'Alger, annonce la capitainerie, qui attend plusieurs milliers de visiteurs pour l'occasion.</p>
</article></main></body></html>`;

// A text capture that opens with a dateline in its first paragraph, after a rubric and a login prompt.
const CAPTURE = [
  "Menu",
  "Déjà abonné ? Se connecter",
  "Société | Les enseignants du primaire en grève à Abidjan",
  "Modifié il y a 2 heures",
  "Abidjan, le 3 mars 2023 – Les enseignants du primaire ont cessé le travail lundi dans plusieurs communes de la capitale économique, à l'appel de trois syndicats.",
  "Ils réclament le paiement d'arriérés de primes et une revalorisation de leurs indemnités de logement, promise depuis deux ans selon les syndicats.",
  "La prochaine réunion avec le ministère est prévue le vendredi 10 mars 2023 à 10h30.",
].join("\n");

describe("page captures: titles, outlets and dates", () => {
  before(async () => {
    await loadReaders();
    compiled = compileKnowledge(loadKnowledgeBase(join(import.meta.dirname, "../../../content")).kb);
  });

  it("a saved page: headline without the author, site name without its tagline, no event date", () => {
    const record = recordOf(SAVED_PAGE, "port.html", "html", "https://www.gazettedethau.example/economie/port-chalutiers");
    assert.equal(record.title, "Le port de Sète retrouve ses chalutiers");
    assert.equal(record.outlet?.name, "La Gazette de Thau");
    // "le samedi 14 juin 2025" is the date of an event the article announces, not of the article.
    assert.equal(record.date, null);
  });

  it("a text capture: the headline without its rubric, dated by its dateline", () => {
    const record = recordOf(CAPTURE, "greve.txt", "text");
    assert.equal(record.title, "Les enseignants du primaire en grève à Abidjan");
    assert.equal(record.date?.value, "2023-03-03");
    assert.ok(!record.body.includes("Modifié il y a"), "the update stamp is not body");
  });

  it("a mirrored article names its publisher, a staging address its outlet", () => {
    assert.equal(recordOf(CAPTURE, "miroir.txt", "text", "https://www.djazairess.com/fr/lexpression/4242").outlet?.name, "L'Expression");
    assert.equal(recordOf(CAPTURE, "staging.txt", "text", "https://staging.lesoir.be/art/1").outlet?.name, "Le Soir");
  });
});
