import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { extractDate } from "../../../src/extract/date.ts";
import { extractOutlet } from "../../../src/extract/outlet.ts";
import { isDateline, leadingDateline, segmentPage } from "../../../src/extract/segment.ts";
import { readHtml } from "../../../src/ingest/html.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { loadRules } from "../../../src/knowledge/rules.ts";

const content = join(import.meta.dirname, "../../../content");
const { rules } = loadRules(content);
const { kb } = loadKnowledgeBase(content);
const today = new Date("2026-11-23T00:00:00Z");

const BODY_1 =
  "Le conseil municipal de Villefranche a voté mardi soir un budget en hausse de quatre pour cent, après trois heures de débat parfois vif entre la majorité et l'opposition.";
const BODY_2 =
  "La maire sortante a défendu des investissements dans les écoles et la voirie, tandis que l'opposition a dénoncé une hausse des impôts locaux qu'elle juge injustifiée.";
const page = (...lines: string[]) => lines.join("\n");
const titleOf = (text: string, options = {}) => segmentPage(text, rules, options).title;

describe("page furniture in headline position is never the title", () => {
  const headline = "Villefranche vote un budget en hausse";
  for (const stamp of [
    "Mis à jour il y a 2 heures",
    "Modifié il y a 3 heures",
    "Publié hier à 18h12",
    "Actualisé à 10h05",
    "Se connecter",
    "Abonnez-vous",
    "Déjà abonné ?",
    "Vous êtes déjà abonnée ? Connexion",
    "Article réservé aux abonnés",
    "Écouter cet article",
    "Écouter l'article (4 min)",
    "Lecture : 4 min",
    "Temps de lecture",
    "6 min de lecture",
    "Lire plus tard",
    "Offrir cet article",
    "01:24 / 03:10",
  ]) {
    it(`« ${stamp} »`, () => {
      // The stamp stands after the standfirst, right before the body, where a headline usually stands.
      assert.equal(titleOf(page("Menu", headline, "Les élus ont tranché.", stamp, BODY_1, BODY_2)), headline);
    });
  }

  it("keeps a stamp that carries its full date as a dateline", () => {
    const seg = segmentPage(page(headline, "Publié le 12 mars 2024 à 18h12", BODY_1, BODY_2), rules);
    assert.equal(seg.title, headline);
    assert.deepEqual(seg.datelines, ["Publié le 12 mars 2024 à 18h12"]);
  });

  it("removes a rubric stuck before the headline", () => {
    assert.equal(titleOf(page("Société | Les loyers flambent dans les grandes villes", BODY_1, BODY_2)), "Les loyers flambent dans les grandes villes");
    assert.equal(titleOf(page("PolitiqueLe gouvernement présente son budget", BODY_1, BODY_2)), "Le gouvernement présente son budget");
    assert.equal(titleOf(page("Justice Le procès de l'incendie s'ouvre à Lyon", BODY_1, BODY_2)), "Le procès de l'incendie s'ouvre à Lyon");
  });

  it("keeps a headline whose first words are not a rubric", () => {
    assert.equal(titleOf(page("Santé Canada rappelle des sirops pour la toux", BODY_1, BODY_2)), "Santé Canada rappelle des sirops pour la toux");
    assert.equal(titleOf(page("Justice : le procès de l'incendie s'ouvre à Lyon", BODY_1, BODY_2)), "Justice : le procès de l'incendie s'ouvre à Lyon");
  });

  it("finds the headline a capture gives after its lead paragraph", () => {
    const seg = segmentPage(page(BODY_1, "", "Villefranche vote un budget en hausse", "", BODY_2, BODY_1), rules);
    assert.equal(seg.title, "Villefranche vote un budget en hausse");
    // The lead is part of the article, not page header.
    assert.equal(seg.body[0], BODY_1);
  });

  it("finds the headline the URL's slug names, even below the lead", () => {
    const text = page(BODY_1, "Un budget en hausse pour la commune", "Les élus de Villefranche adoptent le budget malgré l'opposition", BODY_2);
    assert.equal(titleOf(text, { slugWords: ["elus", "villefranche", "adoptent", "budget"] }), "Les élus de Villefranche adoptent le budget malgré l'opposition");
  });
});

describe("HTML titles", () => {
  const html = (title: string, metas: string) =>
    `<html><head><title>${title}</title>${metas}</head><body><article><p>${BODY_1}</p><p>${BODY_2}</p></article></body></html>`;

  it("drop the author a title ends with", () => {
    const doc = readHtml(html("Villefranche vote son budget | Claire Martin", '<meta name="author" content="Claire Martin">'), "a.html", rules.pageFurniture);
    assert.equal(doc.meta.title, "Villefranche vote son budget");
    const par = readHtml(html("Villefranche vote son budget - Par Claire Martin", '<meta name="author" content="Claire Martin">'), "b.html", rules.pageFurniture);
    assert.equal(par.meta.title, "Villefranche vote son budget");
  });

  it("drop the rubric a title starts with, never what follows a colon", () => {
    const doc = readHtml(html("Société | Villefranche vote son budget", '<meta property="article:section" content="Société">'), "c.html", rules.pageFurniture);
    assert.equal(doc.meta.title, "Villefranche vote son budget");
    const colon = readHtml(html("Société : Villefranche vote son budget", '<meta property="article:section" content="Société">'), "d.html", rules.pageFurniture);
    assert.equal(colon.meta.title, "Société : Villefranche vote son budget");
  });
});

describe("the outlet", () => {
  const outlet = (evidence: Parameters<typeof extractOutlet>[0]) => extractOutlet(evidence, kb)?.name ?? null;

  it("is a site name without its tagline", () => {
    assert.equal(outlet({ siteName: "Le Monde.fr - Actualités et Infos en France et dans le monde", cues: [] }), "Le Monde");
    assert.equal(outlet({ siteName: "Le Petit Courrier | Toute l'info de votre région", url: "https://www.lepetitcourrier.example/a", cues: [] }), "Le Petit Courrier");
    assert.equal(outlet({ siteName: "L'info du littoral - La Gazette de Sète", url: "https://gazettedesete.example/a", cues: [] }), "La Gazette de Sète");
  });

  it("maps a staging or preview domain to its outlet", () => {
    assert.equal(outlet({ url: "https://preprod.lemonde.fr/politique/article/x", cues: [] }), "Le Monde");
    assert.equal(outlet({ url: "https://staging.lemonde.io/politique/article/x", cues: [] }), "Le Monde");
    assert.equal(outlet({ url: "https://amp.lesoir.be/x", cues: [] }), "Le Soir");
    // A production site on another top-level domain is another outlet, not a staging copy.
    assert.equal(outlet({ url: "https://www.lemonde.example/x", cues: [] }), "lemonde.example");
  });

  it("names the original publisher of a mirrored article", () => {
    assert.equal(outlet({ url: "https://www.djazairess.com/fr/lexpression/1234", cues: [] }), "L'Expression");
    // The aggregator's key is the publisher's own short name.
    assert.equal(outlet({ url: "https://www.maghress.com/fr/telquel/99", cues: [] }), "TelQuel");
    // An unknown key: the page's "Source :" line names the publisher.
    assert.equal(outlet({ url: "https://www.djazairess.com/fr/inconnu/1", cues: ["Source : Le Soir d'Algérie"] }), "Le Soir d'Algérie");
    assert.equal(outlet({ url: "https://www.djazairess.com/fr/inconnu/1", cues: [] }), "Djazairess");
  });

  it("knows the major francophone outlets by their domains", () => {
    for (const [url, name] of [
      ["https://www.ledevoir.com/politique/quebec/1", "Le Devoir"],
      ["https://www.lorientlejour.com/article/1", "L'Orient-Le Jour"],
      ["https://www.seneweb.com/news/x", "Seneweb"],
      ["https://www.rts.ch/info/x", "RTS"],
      ["https://www.lapresse.tn/x", "La Presse de Tunisie"],
      ["https://www.fratmat.info/article/x", "Fraternité Matin"],
    ]) assert.equal(outlet({ url, cues: [] }), name);
  });

  it("reads « Source : … » on an aggregator's page as the publisher", () => {
    const seg = segmentPage(page("Le ministre annonce un plan pour l'école", BODY_1, BODY_2, "Source : L'Expression"), rules);
    assert.ok(!seg.body.some((line) => line.startsWith("Source")));
    assert.equal(outlet({ url: "https://www.djazairess.com/fr/inconnu/1", cues: seg.furniture }), "L'Expression");
  });
});

describe("the publication date", () => {
  it("is a dateline, never an event date in a sentence", () => {
    assert.equal(isDateline("Casablanca, le 2 février 2021"), true);
    assert.equal(isDateline("12 mars 2024 - 14h40 - Régions"), true);
    assert.equal(isDateline("Par Claire Martin | 12 mars 2024"), true);
    assert.equal(isDateline("La réunion du mardi 12 mars 2024 à Rabat."), false);
    assert.equal(isDateline("Le vote aura lieu le 12 mars 2024."), false);
    assert.equal(isDateline("Dernière modification : 12/03/2024"), true);
    assert.equal(isDateline("Par Claire Martin - Mis en ligne le 12 mars 2024"), true);
    assert.equal(isDateline("Le rapport publié le 12 mars 2024 accuse la préfecture."), false);
  });

  it("takes an event date in the header for no date", () => {
    const seg = segmentPage(page("Villefranche vote un budget en hausse", "La réunion du mardi 12 mars 2024 à Rabat.", BODY_1, BODY_2), rules);
    assert.deepEqual(seg.datelines, []);
    assert.equal(extractDate({ datelines: seg.datelines, text: seg.body.join("\n"), today }), null);
  });

  it("reads a dateline opening the first paragraph", () => {
    assert.equal(leadingDateline("Casablanca, le 2 février 2021 – Le ministre de l'Intérieur a présenté mardi son plan."), "Casablanca, le 2 février 2021");
    assert.equal(leadingDateline("Paris (AFP), 3 mars 2022 - La ministre a annoncé."), "Paris (AFP), 3 mars 2022");
    assert.equal(leadingDateline("La réunion du 12 mars 2024 – très attendue – a été reportée."), undefined);
    const seg = segmentPage(page("Le plan du ministère pour la rentrée", `Casablanca, le 2 février 2021 – ${BODY_1}`, BODY_2), rules);
    assert.equal(extractDate({ datelines: seg.datelines, text: seg.body.join("\n"), today })?.value, "2021-02-02");
  });

  it("prefers the day a dateline or a dated URL gives to a capture's month", () => {
    assert.equal(extractDate({ captured: "2023-01", datelines: [], url: "https://site.example/article/2023-01-10/titre", text: "", today })?.value, "2023-01-10");
    assert.equal(extractDate({ captured: "2023-01", datelines: ["Publié le 10 janvier 2023"], text: "", today })?.value, "2023-01-10");
    assert.equal(extractDate({ datelines: [], url: "https://www.site.example/fr/20180523-liban-vote-parlement", text: "", today })?.value, "2018-05-23");
    assert.equal(extractDate({ datelines: [], url: "https://www.site.example/eco/plan-social-20241107_AB12CD", text: "", today })?.value, "2024-11-07");
    // An identifier that is no calendar date is not read as one.
    assert.equal(extractDate({ datelines: [], url: "https://www.site.example/article-20241399-titre", text: "", today }), null);
    // A day of another month does not contradict the capture's stamp.
    assert.equal(extractDate({ captured: "2023-01", datelines: [], url: "https://site.example/2022/12/30/titre", text: "", today })?.value, "2023-01");
  });
});
