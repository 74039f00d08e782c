import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { dominantCountry, extractEntities } from "../../../src/extract/entities.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { loadRules } from "../../../src/knowledge/rules.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

// The fixture base (Morocco, Spain, the United States) plus a shared "Parlement" of Morocco,
// an acronym the base gives another meaning, and a country the base has no institution of.
const content = fixtureContent();
writeFileSync(join(content, "actors/agencies/parlement-maroc.yml"), "name: Parlement (Maroc)\nshared_aliases: [Parlement]\ncountry: MA\n");
writeFileSync(join(content, "actors/agencies/office-national-maroc.yml"), "name: Office national des transports\nacronym: ONT\ncountry: MA\n");
writeFileSync(
  join(content, "places/argentine.yml"),
  "- name: Argentine\n  category: pays\n  country: AR\n  demonyms: [argentin, argentine, argentins, argentines]\n- name: Buenos Aires\n  category: ville\n  country: AR\n- name: Córdoba\n  category: ville\n  country: AR\n",
);
const loaded = loadKnowledgeBase(content);
const compiled = compileKnowledge(loaded.kb);
const extract = (text: string) => extractEntities(text, compiled, { homeCountry: "MA" });
const agencies = (text: string) => extract(text).agencies.map((a) => a.name);

describe("institutions read by their grammar", () => {
  it("reads a capitalised head with its adjectives", () => {
    assert.deepEqual(agencies("Le texte a été validé jeudi par la Cour suprême, qui a rejeté les recours."), ["Cour suprême"]);
    assert.deepEqual(agencies("La Haute autorité indépendante a publié un avis défavorable."), ["Haute autorité indépendante"]);
  });

  it("reads complements, domains and a place", () => {
    assert.deepEqual(agencies("Il a fait appel devant la Cour d'appel de Douai, qui statuera en mars."), ["Cour d'appel de Douai"]);
    assert.deepEqual(agencies("Selon le Service départemental d'incendie et de secours du Var, trois maisons ont brûlé."), [
      "Service départemental d'incendie et de secours du Var",
    ]);
    assert.deepEqual(agencies("Un recours a été déposé auprès du Tribunal de l'Union européenne à Luxembourg."), ["Tribunal de l'Union européenne"]);
  });

  it("reads a government department's coordinated name to its end", () => {
    assert.deepEqual(agencies("Un porte-parole du Département fédéral de l'environnement, des transports, de l'énergie et de la communication a confirmé l'information."), [
      "Département fédéral de l'environnement, des transports, de l'énergie et de la communication",
    ]);
    assert.deepEqual(agencies("Le ministère de la Jeunesse, des Sports et de la Culture recrute."), ["Ministère de la Jeunesse, des Sports et de la Culture"]);
  });

  it("reads a ministry written in lowercase before its capitalised domain", () => {
    assert.deepEqual(agencies("Une aide du ministère de la Culture a permis la restauration du château."), ["Ministère de la Culture"]);
  });

  it("does not take a generic head, a lowercase council or a sentence-initial head alone for an institution", () => {
    assert.deepEqual(agencies("À Buenos Aires, le ministère a répondu vendredi. La Cour a tranché. La cour de l'école était vide."), []);
    assert.deepEqual(agencies("Le conseil municipal a voté la subvention, puis la commission des finances s'est réunie."), []);
    assert.deepEqual(agencies("Parlement : le mot revient souvent à Buenos Aires. Tribunal ou pas, elle ira jusqu'au bout."), []);
  });

  it("does not cut a name it cannot read to its end", () => {
    assert.deepEqual(agencies("Il siège au Conseil national de la refondation démocratique depuis un an."), []);
    assert.deepEqual(agencies("Ils sont arrivés à l'Organisation européenne pour la physique nucléaire hier."), []);
  });

  it("reads two institutions joined by « et de », a complement joined by « et de » as one name", () => {
    assert.deepEqual(agencies("Le Tribunal administratif de Lyon et de la Cour d'appel de Rennes ont jugé."), ["Tribunal administratif de Lyon", "Cour d'appel de Rennes"]);
    assert.deepEqual(agencies("Le ministère de la Santé et de la Prévention a publié un avis."), ["Ministère de la Santé et de la Prévention"]);
  });

  it("reads the adjectives of transitional bodies", () => {
    assert.deepEqual(agencies("L'installation du Conseil présidentiel de transition a eu lieu jeudi."), ["Conseil présidentiel de transition"]);
  });

  it("reads what a struggle is against as part of the name", () => {
    assert.deepEqual(agencies("L'Office central de lutte contre la corruption a enquêté."), ["Office central de lutte contre la corruption"]);
    assert.deepEqual(agencies("Le ministère de la Fonction publique et de la Lutte contre la corruption recrute."), ["Ministère de la Fonction publique et de la Lutte contre la corruption"]);
  });

  it("reads a complement with « pour » and its article", () => {
    assert.deepEqual(agencies("L'Agence nationale pour l'emploi a publié un rapport."), ["Agence nationale pour l'emploi"]);
    assert.deepEqual(agencies("Le Conseil national pour financer les routes a voté."), ["Conseil national"]);
  });

  it("reads a name it cannot read to its acronym in brackets right after it", () => {
    assert.deepEqual(agencies("Ils sont arrivés à l'Organisation européenne pour la physique nucléaire (CERN) hier."), ["Organisation européenne pour la physique nucléaire"]);
  });

  it("does not run a complement into the name of a person", () => {
    assert.deepEqual(agencies("Le doyen du Conseil des Sages Pierre Martin a témoigné."), ["Conseil des Sages"]);
  });
});

describe("acronyms defined in the text", () => {
  it("makes a long form and its acronym one institution", () => {
    const found = extract("L'Institut supérieur de l'environnement (ISE) forme des ingénieurs. L'ISE recrute chaque année.");
    assert.deepEqual(
      found.agencies.map((a) => [a.name, a.acronym, a.mentions]),
      [["Institut supérieur de l'environnement", "ISE", ["Institut supérieur de l'environnement", "ISE"]]],
    );
  });

  it("lets the article's definition outrank the base's meaning of an acronym", () => {
    const found = extract("L'Office national du tourisme (ONT) de Córdoba a coupé le réseau. L'ONT s'est excusé.");
    assert.deepEqual(
      found.agencies.map((a) => [a.name, a.acronym]),
      [["Office national du tourisme", "ONT"]],
    );
  });
});

describe("country context", () => {
  it("gives a shared name the country the article is about, never the home country by default", () => {
    const argentina = extract("Les députés argentins ont voté à Buenos Aires. Le Parlement a adopté la réforme, saluée par la presse argentine.");
    assert.deepEqual(argentina.agencies.map((a) => a.name), ["Parlement (Argentine)"]);
    const ministry = extract("À Buenos Aires, le ministère de l'Intérieur a annoncé un couvre-feu à Córdoba.");
    assert.deepEqual(ministry.agencies.map((a) => a.name), ["Ministère de l'Intérieur (Argentine)"]);
  });

  it("keeps the home country for articles about it", () => {
    assert.deepEqual(agencies("À Rabat, le Parlement a adopté la loi de finances."), ["Parlement (Maroc)"]);
  });

  it("names no one when the country is unclear", () => {
    assert.deepEqual(agencies("Le Parlement a adopté la loi de finances."), []);
  });

  it("takes the outlet's country as a hint the text can outweigh", () => {
    const fromOutlet = (text: string) => extractEntities(text, compiled, { homeCountry: "MA", outletCountry: "AR" }).agencies.map((a) => a.name);
    assert.deepEqual(fromOutlet("Le Parlement a adopté la loi de finances."), ["Parlement (Argentine)"]);
    assert.deepEqual(fromOutlet("À Rabat, le Parlement a adopté la loi de finances."), ["Parlement (Maroc)"]);
  });

  it("reads the country of a demonym right after a lowercase head", () => {
    assert.deepEqual(agencies("Hier, à Rabat, le sénat argentin a rejeté le texte."), ["Sénat (Argentine)"]);
  });

  it("names a national body with its country, an international one without", () => {
    const found = extract("À Buenos Aires, la Cour suprême et la Banque mondiale ont été saisies par des élus argentins.");
    assert.deepEqual(found.agencies.map((a) => a.name), ["Cour suprême (Argentine)", "Banque mondiale"]);
  });

  it("settles the article's country only when one country leads", () => {
    assert.equal(dominantCountry(new Map([["AR", 3], ["MA", 1]]), "MA"), "AR");
    assert.equal(dominantCountry(new Map([["AR", 2], ["ES", 2]]), "MA"), undefined);
    assert.equal(dominantCountry(new Map([["AR", 2], ["MA", 2]]), "MA"), "MA");
    assert.equal(dominantCountry(new Map(), "MA"), undefined);
  });
});

describe("content/rules/institutions.yml", () => {
  it("loads the project's grammar without a diagnostic", () => {
    assert.deepEqual(loaded.diagnostics.filter((d) => d.file.endsWith("institutions.yml")), []);
    assert.ok(loaded.kb.rules.institutions.heads.some((words) => words.join(" ") === "banque centrale"));
  });

  it("reports a misspelt key with its file and line", () => {
    const dir = join(scratchDir("institution-rules"), "content");
    writeFileSync(join(content, "rules/institutions.yml"), "heads: [cour]\nadjectives: [suprême]\ndomains: [appel]\nadjectifs: [national]\n");
    const { diagnostics } = loadRules(content, dir);
    const problem = diagnostics.find((d) => d.rule === "schema-additionalProperties");
    assert.ok(problem, JSON.stringify(diagnostics));
    assert.equal(problem.line, 4);
    assert.match(problem.message, /adjectifs/);
    assert.match(problem.fix ?? "", /adjectives/);
  });
});
