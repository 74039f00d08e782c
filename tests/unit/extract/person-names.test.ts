import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { extractEntities } from "../../../src/extract/entities.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { tokenize } from "../../../src/text/tokenize.ts";
import { fixtureContent } from "../../helpers/content.ts";

// Sentences written for these tests; the names are invented, and most given names below
// are absent from every dictionary, so each test isolates the cue it is about.
const compiled = compileKnowledge(loadKnowledgeBase(fixtureContent()).kb);
const people = (text: string) => extractEntities(text, compiled, { homeCountry: "MA" }).people.map((p) => p.name);

describe("people from cues", () => {
  it("reads a title with its complement before the name", () => {
    assert.deepEqual(people("Le ministre de l'Agriculture Quilvian Obrecht a visité la foire."), ["Quilvian Obrecht"]);
    assert.deepEqual(people("Hier, la ministre des Affaires étrangères Orlaith Tamaniou est arrivée."), ["Orlaith Tamaniou"]);
  });

  it("does not take the complement itself for a name", () => {
    assert.deepEqual(people("Le chef de l'État du Congo Brazzaville a parlé."), []);
  });

  it("reads a role after the name and a comma", () => {
    assert.deepEqual(people("Pradel Mvondo, président de la chambre de commerce, a signé l'accord."), ["Pradel Mvondo"]);
  });

  it("reads a speaker announced by « selon » or a speech verb", () => {
    assert.deepEqual(people("La réforme coûtera cher, selon Zorbec Okouma."), ["Zorbec Okouma"]);
    assert.deepEqual(people("« Nous resterons ici », a déclaré Quenbert Ebanga devant la presse."), ["Quenbert Ebanga"]);
  });

  it("reads « la Première ministre » before a name", () => {
    assert.deepEqual(people("La Première ministre Orlaith Mvondo a démissionné."), ["Orlaith Mvondo"]);
  });

  it("reads every name of a list after a plural title", () => {
    assert.deepEqual(people("Les juges Pradel Okouma (Bénin), Quenbert Tamaniou et Zorbec Mvondo ont siégé."), [
      "Pradel Okouma",
      "Quenbert Tamaniou",
      "Zorbec Mvondo",
    ]);
  });

  it("reads a name announced by a verb even after a place word", () => {
    assert.deepEqual(people("Il a été nommé à la place de Quilvian Ebanga."), ["Quilvian Ebanga"]);
  });
});

describe("particles and compound surnames", () => {
  it("keeps capitalised particles before the surname", () => {
    assert.deepEqual(people("La porte-parole Orlaith De Smedt a répondu."), ["Orlaith De Smedt"]);
    assert.deepEqual(people("Le ministre Quilvian Le Bihan a répondu."), ["Quilvian Le Bihan"]);
    assert.deepEqual(people("Le député Zorbec Van der Straeten a voté contre."), ["Zorbec Van der Straeten"]);
  });

  it("keeps lower-case particles of many origins", () => {
    assert.deepEqual(people("Le général Quenbert ould Tamaniou a été limogé."), ["Quenbert ould Tamaniou"]);
    assert.deepEqual(people("L'avocat Pradel dos Santos Obrecht a plaidé."), ["Pradel dos Santos Obrecht"]);
  });

  it("keeps hyphens and an apostrophe inside a surname", () => {
    assert.deepEqual(people("Le ministre Pradel Ebanga Ndo'o a été limogé."), ["Pradel Ebanga Ndo'o"]);
    assert.deepEqual(people("La juge Orlaith Okouma-Tamaniou a statué."), ["Orlaith Okouma-Tamaniou"]);
  });

  it("does not glue an elided word to a capitalised word", () => {
    assert.deepEqual(people("C'est le ministre qui parle. Aujourd'hui tout change."), []);
  });

  it("keeps an initial with its period", () => {
    assert.deepEqual(people("Le procureur Q. Obrecht a requis."), ["Q. Obrecht"]);
    assert.deepEqual(people("Le procureur Quilvian B. Obrecht a requis."), ["Quilvian B. Obrecht"]);
  });
});

describe("given names of many origins", () => {
  it("takes a given name from the dictionary package as a cue", () => {
    assert.deepEqual(people("Koen Vandersteen a quitté la salle."), ["Koen Vandersteen"]);
    assert.deepEqual(people("Hier, Siaka Tamaniou a quitté la salle."), ["Siaka Tamaniou"]);
    assert.deepEqual(people("Hier, Oluwaseun Okouma a quitté la salle."), ["Oluwaseun Okouma"]);
  });

  it("reads the given name after a leading particle", () => {
    assert.deepEqual(people("Hier, El Siaka Tamaniou a quitté la salle."), ["El Siaka Tamaniou"]);
  });

  it("needs the given name first: a common noun before one is no cue", () => {
    assert.deepEqual(people("L'Oncle Koen Junior est un surnom."), []);
  });

  it("does not read a place, a month or a brand as a given name", () => {
    assert.deepEqual(people("Hier, France Télévisions a diffusé le match."), []);
    assert.deepEqual(people("Hier, Orange Business a signé le contrat."), []);
  });

  it("answers from the package and the editors' list through one predicate", () => {
    const [koen, quilvian] = tokenize("Koen Quilvian");
    assert.equal(compiled.isGivenName(koen!), true);
    assert.equal(compiled.isGivenName(quilvian!), false);
  });
});

describe("names written the way their countries write them", () => {
  it("keeps a lower-case syllable hyphened to a given name", () => {
    assert.deepEqual(people("Il a reçu son homologue, Yoon Suk-yeol, puis le président Quilvian Jae-in. Que fera-t-il, dit-il."), ["Yoon Suk-yeol", "Quilvian Jae-in"]);
  });

  it("reads a surname written in capitals after the given names, and shows it in its usual case", () => {
    assert.deepEqual(people("Le ministre Abdoulaye Daouda DIALLO a reçu S.E.M. Nana AKUFO-ADDO."), ["Abdoulaye Daouda Diallo", "Nana Akufo-Addo"]);
    assert.deepEqual(people("Selon Youssef Okouma CGT, la grève continue."), ["Youssef Okouma"]);
  });

  it("reads a list of titles and their holders after a colon or a dash", () => {
    assert.deepEqual(people("- Ministre de la Justice : Quilvian Okouma\n- Ministre du Tourisme – Siaka Ndoumbe"), ["Quilvian Okouma", "Siaka Ndoumbe"]);
    assert.deepEqual(people("Le ministre de la Justice : « Quilvian Okouma ment »."), []);
  });

  it("keeps a compound surname that opens with a word no name ends with", () => {
    assert.deepEqual(people("Le juge Quilvian Saint-Okouma a parlé."), ["Quilvian Saint-Okouma"]);
  });

  it("takes a given name in second place as a cue in a name of three words", () => {
    assert.deepEqual(people("Si Quilvian Ousmane Okouma conserve les Finances, rien ne change."), ["Quilvian Ousmane Okouma"]);
    assert.deepEqual(people("Si Quilvian Okouma conserve les Finances, rien ne change."), []);
  });

  it("ends a run of capitalised words at a title inside it, unless the title ends the name", () => {
    assert.deepEqual(people("Accompagné de la Première dame Quilvian Okouma, il est rentré."), ["Quilvian Okouma"]);
    assert.deepEqual(people("Le ministre Bruno Le Maire a parlé."), ["Bruno Le Maire"]);
  });
});

describe("an honorific that is also a given name", () => {
  it("reads a religious title as a cue", () => {
    assert.deepEqual(people("Le pasteur Quilvian Okouma a prêché devant l'archevêque Siaka Ndoumbe."), ["Quilvian Okouma", "Siaka Ndoumbe"]);
  });

  it("reads « Cheikh » before a lone surname as the given name", () => {
    assert.deepEqual(people("Le nouveau ministre des Finances, Cheikh Okouma, a présenté le budget."), ["Cheikh Okouma"]);
  });

  it("keeps « cheikh » an honorific before a full name", () => {
    assert.deepEqual(people("L'émir, cheikh Siaka ben Okouma, a reçu la délégation."), ["Siaka ben Okouma"]);
  });
});

describe("what is not a person", () => {
  it("rejects buildings and institutions", () => {
    assert.deepEqual(people("Le Palais de l'Élysée a démenti. La Maison-Blanche a confirmé."), []);
    assert.deepEqual(people("Le Ministère de la Santé Publique a publié un avis."), []);
    assert.deepEqual(people("Il a visité le Musée Siaka Okouma puis le Château Koen Vandersteen."), []);
  });

  it("rejects a section label stuck to a name and keeps the name", () => {
    assert.deepEqual(people("Société Koen Vandersteen quitte la direction du groupe"), ["Koen Vandersteen"]);
  });

  it("rejects a building named after someone", () => {
    assert.deepEqual(people("Le ministre a inauguré l'édifice Siaka-Okouma puis le pavillon Koen Vandersteen."), []);
    assert.deepEqual(people("Il a été accueilli à l'aéroport international Siaka-Okouma par le conseiller municipal Koen Vandersteen."), ["Koen Vandersteen"]);
  });

  it("reads a place word before a comma as the end of the place, not of a name", () => {
    assert.deepEqual(people("Le maire de la commune, Koen Vandersteen, a démissionné."), ["Koen Vandersteen"]);
  });

  it("rejects titles of works and figures of speech", () => {
    assert.deepEqual(people("Le film «Koen Vandersteen» sort mercredi."), []);
    assert.deepEqual(people("Un Koen Vandersteen n'a rien à envier à la série."), []);
    assert.deepEqual(people("Elle fut la «Koen Vandersteen du mouvement»."), []);
    assert.deepEqual(people("Il a vu The Death Koen et Koen & Siaka."), []);
    assert.deepEqual(people("«Koen Vandersteen a menti», a dit le ministre."), ["Koen Vandersteen"]);
  });

  it("rejects teams", () => {
    assert.deepEqual(people("Le Sporting Koen Vandersteen a battu le Racing Siaka Okouma."), []);
  });

  it("rejects bylines and credits", () => {
    assert.deepEqual(people("Par Koen Vandersteen\nLe conseil a voté le budget."), []);
    assert.deepEqual(people("Le conseil a voté le budget. (Reportage Koen Vandersteen, rédigé par Siaka Okouma)"), []);
    assert.deepEqual(people("Le conseil a voté. (Koen Vandersteen/AFP)"), []);
    assert.deepEqual(people("La salle du conseil. © Siaka Okouma"), []);
  });
});
