import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareBySurname, sortName } from "../../../src/site/surname.ts";

describe("people sorted by surname", () => {
  it("finds the surname with the particles that belong to it", () => {
    const surnames = Object.fromEntries(
      ["Nasser Bourita", "Charles de Gaulle", "Jean-Marie Le Pen", "Herman Van Rompuy", "Ursula von der Leyen", "Mohamed Ould Cheikh El Ghazouani", "Zine El Abidine Ben Ali", "Driss El Yazami", "Oussama ben Laden", "Mohammed ben Abdelrahmane Al Thani", "Valéry Giscard d'Estaing", "Mohammed VI", "Juan Carlos Ier", "Hammouchi", "Éric Dupond-Moretti"].map((name) => [name, sortName(name).surname]),
    );
    assert.deepEqual(surnames, {
      "Nasser Bourita": "Bourita",
      "Charles de Gaulle": "Gaulle",
      "Jean-Marie Le Pen": "Le Pen",
      "Herman Van Rompuy": "Van Rompuy",
      "Ursula von der Leyen": "Leyen",
      "Mohamed Ould Cheikh El Ghazouani": "El Ghazouani",
      "Zine El Abidine Ben Ali": "Ben Ali",
      "Driss El Yazami": "El Yazami",
      "Oussama ben Laden": "ben Laden",
      "Mohammed ben Abdelrahmane Al Thani": "Al Thani",
      "Valéry Giscard d'Estaing": "Estaing",
      "Mohammed VI": "Mohammed VI",
      "Juan Carlos Ier": "Juan Carlos Ier",
      Hammouchi: "Hammouchi",
      "Éric Dupond-Moretti": "Dupond-Moretti",
    });
  });

  it("orders by surname in French collation (accents after their letter, case ignored), then by given name", () => {
    const names = ["Yassine Mansouri", "Charles de Gaulle", "Jean-Yves Le Drian", "Abdellatif Hammouchi", "Éric Dupond-Moretti", "Nasser Bourita", "Hélène Le Gal", "Mohammed VI", "Ursula von der Leyen", "Driss El Yazami", "Aziz Akhannouch", "Gérald Darmanin", "Élisabeth Borne"];
    assert.deepEqual([...names].sort(compareBySurname("fr")), [
      "Aziz Akhannouch",
      "Élisabeth Borne",
      "Nasser Bourita",
      "Gérald Darmanin",
      "Éric Dupond-Moretti",
      "Driss El Yazami",
      "Charles de Gaulle",
      "Abdellatif Hammouchi",
      "Jean-Yves Le Drian",
      "Hélène Le Gal",
      "Ursula von der Leyen",
      "Yassine Mansouri",
      "Mohammed VI",
    ]);
  });
});
