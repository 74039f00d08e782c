import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { extractEntities } from "../../../src/extract/entities.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { fixtureContent } from "../../helpers/content.ts";

const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const extract = (text: string) => extractEntities(text, compiled, { homeCountry: "MA" });
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);

describe("extractEntities", () => {
  it("finds known people and agencies by name, alias and acronym, accents and case folded", () => {
    const found = extract("A. Hammouchi, directeur général de la sûreté nationale, et la DGST. Abdellatif Hammouchi a reçu la CIA.");
    assert.deepEqual(names(found.people), ["Abdellatif Hammouchi"]);
    assert.deepEqual(found.people[0]?.mentions, ["A. Hammouchi", "Abdellatif Hammouchi"]);
    assert.deepEqual(names(found.agencies), ["Direction générale de la sûreté nationale", "Direction générale de la surveillance du territoire", "Central Intelligence Agency"]);
  });

  it("settles a name several institutions share by the country the article is about", () => {
    const spain = extract("Le sénateur basque a interrogé le ministère de l'Intérieur à Madrid. El Ministerio @interiorgob a répondu.");
    assert.deepEqual(spain.agencies.map((a) => a.id), ["ministere-interieur-espagne"]);
    const morocco = extract("Selon le ministère de l'Intérieur, la cellule préparait des attentats à Rabat.");
    assert.deepEqual(morocco.agencies.map((a) => a.id), ["ministere-interieur-maroc"]);
    const local = extract("À Rabat, le ministère de l'Intérieur espagnol a salué la coopération.");
    assert.deepEqual(local.agencies.map((a) => a.id), ["ministere-interieur-espagne"]);
  });

  it("does not take a nickname for the agency ('la CIA marocaine')", () => {
    assert.deepEqual(extract("On l'appelle parfois la CIA marocaine.").agencies, []);
  });

  it("learns an institution from an acronym definition and counts its later mentions", () => {
    const found = extract("La Brigade nationale de la police judiciaire (BNPJ) a interpellé le suspect. La BNPJ a saisi des armes.");
    assert.deepEqual(found.agencies.map((a) => [a.name, a.acronym, a.via]), [["Brigade nationale de la police judiciaire", "BNPJ", "heuristic"]]);
    assert.deepEqual(found.agencies[0]?.mentions, ["Brigade nationale de la police judiciaire", "BNPJ"]);
  });

  it("finds people the base lacks from French cues, and only with a cue", () => {
    const found = extract(
      "Parmi elles, Mohamed Dkhissi, directeur central de la police judiciaire, et le général Luis Baleiz Piñeiro. " +
        "Il a rencontré le chef du service de sécurité de l'État du Qatar, Abdallah Ben Mohammed Al-Khulaifi. " +
        "Jean Valjean se promenait. L'Oncle Sam Junior est un autre nom propre.",
    );
    assert.deepEqual(names(found.people), ["Mohamed Dkhissi", "Luis Baleiz Piñeiro", "Abdallah Ben Mohammed Al-Khulaifi", "Jean Valjean"]);
    assert.ok(found.suggestions.some((s) => s.name === "Oncle Sam Junior" && !s.published), JSON.stringify(found.suggestions));
  });

  it("resolves later surname-only mentions and shorter forms to the full name", () => {
    const found = extract("Yassine Mansouri, directeur général de la DGED, a été reçu. Mohamed Yassine Mansouri a parlé. M. Mansouri a conclu.");
    assert.deepEqual(names(found.people), ["Mohamed Yassine Mansouri"]);
    assert.deepEqual(found.people[0]?.mentions, ["Yassine Mansouri", "Mohamed Yassine Mansouri", "Mansouri"]);
  });

  it("recognises a known person through a one-letter misspelling", () => {
    const base = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
    const found = extractEntities("Il a rencontré Abdellatif Hammouhci, directeur général.", base);
    assert.deepEqual(names(found.people), ["Abdellatif Hammouchi"]);
  });

  it("never takes a place name, nor a name it is told to ignore (a byline), for a person", () => {
    assert.deepEqual(names(extract("dans la commune de Moulay Abdellah, près d'El Jadida").people), []);
    assert.deepEqual(names(extractEntities("Propos recueillis par Jean Dupont, journaliste.", compiled, { ignore: ["Jean Dupont"] }).people), []);
  });

  it("takes a place's one-word name for the surname of a person the article names, unless written as the place", () => {
    const content = fixtureContent();
    writeFileSync(join(content, "places", "pays-bas.yml"), "- name: Pays-Bas\n  category: pays\n  country: NL\n  aliases: [Hollande]\n");
    writeFileSync(join(content, "actors", "people", "francois-hollande.yml"), "name: François Hollande\ncountry: FR\n");
    const withHollande = compileKnowledge(loadKnowledgeBase(content).kb);
    const person = extractEntities("François Hollande a reconnu la responsabilité de l'État. Hollande s'y était engagé.", withHollande);
    assert.deepEqual(person.people.map((p) => [p.name, p.mentions]), [["François Hollande", ["François Hollande", "Hollande"]]]);
    assert.deepEqual(person.places, []);
    const both = extractEntities("François Hollande a visité la Hollande. Hollande y a vu le roi.", withHollande);
    assert.deepEqual(names(both.places), ["Pays-Bas"]);
  });

  it("takes a known person's surname after another given name for a relative, not for the person", () => {
    const relative = extract("Le commissaire Youssef Hammouchi a témoigné devant le juge.");
    assert.deepEqual(names(relative.people), ["Youssef Hammouchi"]);
    const same = extract("Abdellatif Hammouchi a reçu la délégation. Hammouchi a salué la coopération.");
    assert.deepEqual(same.people.map((p) => [p.name, p.mentions]), [["Abdellatif Hammouchi", ["Abdellatif Hammouchi", "Hammouchi"]]]);
    const spelling = extract("Le directeur Abdellatife Hammouchi a reçu la délégation.");
    assert.deepEqual(names(spelling.people), ["Abdellatif Hammouchi"]);
  });

  it("takes a name without its middle name for the same person", () => {
    const found = extract("Le ministre des Finances, Quilvian Siaka Okouma, a été choisi. Le ministre Quilvian Okouma est à Rabat. Okouma a parlé.");
    assert.deepEqual(found.people.map((p) => [p.name, p.mentions]), [["Quilvian Siaka Okouma", ["Quilvian Siaka Okouma", "Quilvian Okouma", "Okouma"]]]);
  });

  it("reads a name listed after a known one under one title", () => {
    assert.deepEqual(names(extract("Il a salué les ministres Abdellatif Hammouchi et Quilvian Okouma.").people), ["Abdellatif Hammouchi", "Quilvian Okouma"]);
    assert.deepEqual(names(extract("Il a salué Abdellatif Hammouchi et Quilvian Okouma.").people), ["Abdellatif Hammouchi"]);
  });

  it("reads a city's name that is also a given name as the given name before a surname", () => {
    const content = fixtureContent();
    writeFileSync(join(content, "places", "arabie-saoudite.yml"), "- name: Arabie saoudite\n  category: pays\n  country: SA\n- name: Riyad\n  category: ville\n  country: SA\n");
    const withRiyad = compileKnowledge(loadKnowledgeBase(content).kb);
    const found = extractEntities("Le ministre, M. Riyad Okouma, est arrivé à Riyad lundi. À Riyad Koen Vandersteen l'attendait.", withRiyad);
    assert.deepEqual(names(found.people), ["Riyad Okouma", "Koen Vandersteen"]);
    assert.deepEqual(found.places.map((p) => [p.name, p.mentions]), [["Riyad", ["Riyad"]]]);
  });

  it("finds places", () => {
    assert.deepEqual(names(extract("Une réunion au Maroc, à Rabat, avec les États-Unis et l'Espagne.").places), ["Maroc", "Rabat", "États-Unis", "Espagne"]);
  });
});
