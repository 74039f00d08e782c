import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { isDateline, segmentPage } from "../../../src/extract/segment.ts";
import { loadRules } from "../../../src/knowledge/rules.ts";

const { rules } = loadRules(join(import.meta.dirname, "../../../content"));
const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/corpus", name), "utf8");

describe("segmentPage", () => {
  it("finds the headline between navigation lines and drops the furniture", () => {
    const page = segmentPage(fixture("seed-000.txt"), rules);
    assert.equal(page.title, "A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités");
    assert.equal(page.body.length, 4);
    assert.ok(page.body[0]?.startsWith("Abdellatif Hammouchi, directeur général"));
    const all = page.body.join("\n");
    for (const furniture of ["Previous slide", "Next slide", "Logo", "Recommandé pour vous", "#Libération"]) assert.ok(!all.includes(furniture), furniture);
    assert.ok(page.furniture.includes("Logo Perspectives med"));
  });

  it("reads a section heading above the article's first paragraph as a header label, not as the end of the article", () => {
    const capture = [
      "Accueil",
      "Montréal",
      "",
      "La ville présente son plan de déneigement pour l’hiver",
      "",
      "14 novembre 2024",
      "",
      "Commentaires",
      "",
      "Par la rédaction",
      "",
      "La Ville a dévoilé mardi son plan de déneigement, qui prévoit deux cents véhicules de plus que l’an dernier sur les grandes artères.",
      "",
      "Le plan sera présenté aux conseils d’arrondissement avant la première tempête, prévue selon les services météo pour la fin du mois.",
      "",
      "Recommandés pour vous",
      "",
      "Un nouveau parc ouvre ses portes dans le quartier",
    ].join("\n");
    const page = segmentPage(capture, rules);
    assert.equal(page.title, "La ville présente son plan de déneigement pour l’hiver");
    assert.equal(page.body.length, 2, page.body.join("\n"));
    assert.ok(page.body[1]?.startsWith("Le plan sera présenté"));
    assert.ok(page.teasers.some((line) => line.startsWith("Un nouveau parc")), "what follows « Recommandés pour vous » is a teaser");
  });

  it("keeps related-article teasers out of the body and reads the tag line", () => {
    const page = segmentPage(fixture("seed-002.txt"), rules);
    assert.equal(page.title, "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    assert.deepEqual(page.datelines, ["26 septembre 2020 - 14h40 - Maroc - Ecrit par : Bladi.net"]);
    assert.deepEqual(page.bylines, ["Bladi.net"]);
    assert.deepEqual(page.tags, ["États-Unis", "Diplomatie", "Abdellatif Hammouchi", "Direction générale de la surveillance du territoire (DGST)"]);
    const body = page.body.join("\n");
    assert.equal(page.body.length, 4);
    for (const teaser of ["Staffan de Mistura", "Nasser Bourita", "Aller plus loin", "Suivez bladi.net", "Institut royal de police"]) assert.ok(!body.includes(teaser), teaser);
    assert.ok(page.teasers.some((line) => line.includes("Staffan de Mistura")));
  });

  it("skips a paywalled site's menus and offers to reach the headline", () => {
    const page = segmentPage(fixture("002.txt"), rules);
    assert.equal(page.title, "Attentat déjoué à Béziers: Paris reconnaît à minima l’aide décisive des services marocains");
    assert.ok(page.datelines[0]?.startsWith("13.04.2021"));
    assert.ok(page.captions[0]?.startsWith("Gérald Darmanin, qui s’est rendu"));
    assert.ok(!page.captions[0]?.includes("AFP"));
    assert.ok(!page.body.join("\n").includes("Abonnez-vous"));
  });

  it("takes the first line of a heading block as the headline (a profile's name)", () => {
    assert.equal(segmentPage(fixture("043.txt"), rules).title, "Mohamed Yassine Mansouri");
  });

  it("gives no title when the capture starts inside the article", () => {
    for (const name of ["006.txt", "008.txt", "017.txt", "020.txt", "024.txt", "036.txt", "040.txt"]) {
      assert.equal(segmentPage(fixture(name), rules).title, null, name);
    }
  });

  it("reads a capture's date prefix", () => {
    const page = segmentPage(fixture("006.txt"), rules);
    assert.equal(page.capturedDate, "2017-10");
    assert.ok(page.body[0]?.startsWith("Le Bureau central d’investigations judiciaires"));
  });

  it("cuts at a paywall and a 'most read' block", () => {
    const page = segmentPage(fixture("031.txt"), rules);
    assert.equal(page.title, "Maroc-Qatar : ce que Abdellatif Hammouchi est allé faire à Doha");
    const body = page.body.join("\n");
    assert.ok(!body.includes("Tamim"), "teaser after the paywall");
    assert.ok(!body.includes("FADWA-ISLA_2024"));
    assert.ok(page.captions.length >= 1);
  });

  it("reads a credit whose name is on the next line as furniture, neither title nor body", () => {
    const text = "Le conseil municipal a voté le budget de la ville après un long débat sur les travaux du port et la rénovation des écoles.\nCrédits photo/illustration en haut de page :\nKoen Vandersteen\n";
    const page = segmentPage(text, rules);
    assert.equal(page.title, null);
    assert.deepEqual(page.body, ["Le conseil municipal a voté le budget de la ville après un long débat sur les travaux du port et la rénovation des écoles."]);
    assert.deepEqual(page.furniture, ["Koen Vandersteen"]);
  });

  it("drops a « read also » line inside the article and keeps the paragraphs after it", () => {
    const text = "Le budget voté\nLe conseil municipal a voté le budget de la ville après un long débat sur les travaux.\n→ A LIRE AUSSI : Koen Vandersteen quitte la mairie\nLes travaux du port commenceront au printemps, a précisé la mairie dans un communiqué.";
    const page = segmentPage(text, rules);
    assert.equal(page.body.length, 2);
    assert.ok(page.body[1]?.startsWith("Les travaux du port"));
    assert.ok(!page.body.join("\n").includes("Vandersteen"));
  });

  it("reads a byline with the author's role after a comma", () => {
    for (const line of ["Par Koen Vandersteen, journaliste", "Par Koen Vandersteen, avec AFP", "Par Koen Vandersteen, à Dakar", "Par Koen Vandersteen, correspondant à Bruxelles"]) {
      const page = segmentPage(`Le budget voté\n${line}\nLe conseil municipal a voté le budget de la ville après un long débat sur les travaux.`, rules);
      assert.deepEqual(page.bylines, ["Koen Vandersteen"], line);
    }
    const sentence = segmentPage("Le budget voté\nPar ailleurs, la réunion a été reportée\nLe conseil municipal a voté le budget.", rules);
    assert.deepEqual(sentence.bylines, []);
  });

  it("takes the headline under a short rubric when a dateline or byline follows", () => {
    const body = "Le conseil municipal a voté le budget de la ville après un long débat sur les travaux du port et des écoles.";
    assert.equal(segmentPage(`Magazine Football\n\nLe club change d'entraîneur avant la saison\n\nPublié le 24 mars 2008 par Koen\n\n${body}`, rules).title, "Le club change d'entraîneur avant la saison");
    assert.equal(segmentPage(`Koen Vandersteen\nDirecteur du port depuis dix ans, il quitte ses fonctions\n${body}`, rules).title, "Koen Vandersteen");
  });

  it("never takes the author's name, alone on its line above the byline, for the headline", () => {
    const page = segmentPage("Le port change de direction\nKoen Vandersteen\nPar Koen Vandersteen, journaliste\nLe conseil municipal a voté le budget de la ville après un long débat sur les travaux du port.", rules);
    assert.equal(page.title, "Le port change de direction");
    assert.deepEqual(page.bylines, ["Koen Vandersteen"]);
  });

  it("prefers the line the URL's slug names", () => {
    const text = "Newsroom\nLe meilleur de l'actualité au fil des jours\nMenu\nUne cellule terroriste démantelée à Tanger\nLe texte de l'article commence ici et continue assez longtemps pour être un paragraphe complet.";
    const page = segmentPage(text, rules, { slugWords: ["cellule", "terroriste", "demantelee", "tanger"] });
    assert.equal(page.title, "Une cellule terroriste démantelée à Tanger");
  });
});

describe("isDateline", () => {
  it("recognises datelines, not sentences that mention a date", () => {
    assert.ok(isDateline("26 septembre 2020 - 14h40 - Maroc - Ecrit par : Bladi.net"));
    assert.ok(isDateline("Publié le 25 avril 2024 Lecture : 2 minutes."));
    assert.ok(!isDateline("Le BCIJ a procédé, le 14 octobre 2017, au démantèlement d'une cellule terroriste pro-Daech et à l'arrestation de onze personnes."));
  });
});
