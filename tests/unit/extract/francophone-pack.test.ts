import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { extractEntities } from "../../../src/extract/entities.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";

// The project's own content folder: content/actors plus the packs under content/packs.
const compiled = compileKnowledge(loadKnowledgeBase(join(import.meta.dirname, "../../../content")).kb);
const extract = (text: string) => extractEntities(text, compiled, { homeCountry: "MA" });
// Only what the knowledge base resolved: the institution grammar and the name cues can find the same names without it.
const agencyIds = (text: string) => extract(text).agencies.filter((a) => a.via === "knowledge-base").map((a) => a.id);
const personIds = (text: string) => extract(text).people.filter((p) => p.via === "knowledge-base").map((p) => p.id);

describe("extraction with the francophone pack", () => {
  it("resolves « le Conseil constitutionnel » to the country the article is about", () => {
    const senegal = agencyIds("À Dakar, le Conseil constitutionnel a validé mardi la liste des candidats. Les Sénégalais voteront en mars.");
    assert.ok(senegal.includes("conseil-constitutionnel-senegal"), senegal.join(", "));
    assert.ok(!senegal.includes("conseil-constitutionnel-france"));
    const france = agencyIds("À Paris, le Conseil constitutionnel a censuré plusieurs articles de la loi, ont indiqué les sages de la rue de Montpensier à Paris.");
    assert.ok(france.includes("conseil-constitutionnel-france"), france.join(", "));
    assert.ok(!france.includes("conseil-constitutionnel-senegal"));
  });

  it("gives « le Parlement » of a Tunisian or Lebanese article to that country, not to the home country", () => {
    const tunisia = agencyIds("À Tunis, le Parlement a adopté la loi de finances. Les députés tunisiens ont siégé toute la nuit à Tunis.");
    assert.ok(tunisia.includes("arp"), tunisia.join(", "));
    assert.ok(!tunisia.includes("parlement-maroc"));
    const lebanon = agencyIds("À Beyrouth, le Parlement a élu Joseph Aoun à la présidence. Les Libanais attendaient ce vote depuis deux ans.");
    assert.ok(lebanon.includes("parlement-liban"), lebanon.join(", "));
    assert.ok(!lebanon.includes("parlement-maroc"));
  });

  it("finds a country's institution by its own name, acronym or demonym form", () => {
    assert.ok(agencyIds("La Cour constitutionnelle de la RDC a proclamé les résultats définitifs.").includes("cour-constitutionnelle-rdc"));
    assert.ok(agencyIds("L'Assemblée des représentants du peuple (ARP) a voté le texte.").includes("arp"));
    assert.ok(agencyIds("Le ministère sénégalais de l'Intérieur a publié un communiqué.").includes("ministere-interieur-senegal"));
    assert.ok(agencyIds("Les élus de l'Assemblée nationale du Québec ont adopté la motion.").includes("assemblee-nationale-quebec"));
  });

  it("finds international organisations by name and acronym", () => {
    const ids = agencyIds("Le Fonds monétaire international et la Banque mondiale ont salué les réformes ; la BCEAO et l'OMS aussi. Le Tribunal de l'Union européenne a tranché.");
    for (const id of ["fmi", "banque-mondiale", "bceao", "oms", "tribunal-union-europeenne"]) assert.ok(ids.includes(id), `${id} missing from ${ids.join(", ")}`);
  });

  it("finds heads of state and government with compound surnames", () => {
    const ids = personIds("Le Premier ministre belge Alexander De Croo a reçu Alassane Ouattara, puis Félix Tshisekedi.");
    for (const id of ["alexander-de-croo", "alassane-ouattara", "felix-tshisekedi"]) assert.ok(ids.includes(id), `${id} missing from ${ids.join(", ")}`);
  });
});
