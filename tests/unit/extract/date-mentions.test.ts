import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateMentions } from "../../../src/extract/date-mentions.ts";

const read = (text: string) => findDateMentions(text).map(({ year, month, day, weekday, deictic }) => ({ year, month, day, weekday, deictic }));

describe("findDateMentions", () => {
  it("reads French datelines", () => {
    assert.deepEqual(read("26 septembre 2020 - 14h40 - Maroc"), [{ year: 2020, month: 9, day: 26, weekday: undefined, deictic: false }]);
    assert.deepEqual(read("Publié le 1er avril 2024"), [{ year: 2024, month: 4, day: 1, weekday: undefined, deictic: false }]);
  });

  it("reads numeric, ISO and English dates", () => {
    assert.deepEqual(read("13.04.2021 à 04 H 28").map((d) => [d.year, d.month, d.day]), [[2021, 4, 13]]);
    assert.deepEqual(read("22/03/2015").map((d) => [d.year, d.month, d.day]), [[2015, 3, 22]]);
    assert.deepEqual(read("2024-10").map((d) => [d.year, d.month, d.day]), [[2024, 10, undefined]]);
    assert.deepEqual(read("February 2, 2020").map((d) => [d.year, d.month, d.day]), [[2020, 2, 2]]);
  });

  it("keeps a weekday and no year when the text gives none", () => {
    assert.deepEqual(read("mercredi 3 juin"), [{ year: undefined, month: 6, day: 3, weekday: 3, deictic: false }]);
    assert.deepEqual(read("les 13 et 14 juin").map((d) => [d.year, d.month, d.day]), [[undefined, 6, 13]]);
  });

  it("marks the writer's today", () => {
    assert.equal(read("Décédé ce mardi 23 août 2022 à Casablanca")[0]?.deictic, true);
    assert.equal(read("le mardi 23 août 2022")[0]?.deictic, false);
  });

  it("rejects days that do not exist", () => {
    assert.deepEqual(read("31/02/2020"), []);
    assert.deepEqual(read("2020-13-45"), []);
    assert.deepEqual(read("30 février 2021"), []);
  });

  it("reads month and year alone", () => {
    assert.deepEqual(read("Fin septembre 2019, le conseil").map((d) => [d.year, d.month, d.day]), [[2019, 9, undefined]]);
  });
});
