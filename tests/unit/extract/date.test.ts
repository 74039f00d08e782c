import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { certainCandidate, dateInUrl, extractDate, inferDateCandidates, parseIsoLike } from "../../../src/extract/date.ts";
import type { Person } from "../../../src/model/knowledge.ts";

const today = new Date("2026-11-23T00:00:00Z");
const base = { datelines: [], text: "", today };

const person = (name: string, from: string, to?: string): Person => ({
  id: name,
  kind: "person",
  name,
  aliases: [],
  sharedAliases: [],
  sameAs: [],
  file: "x",
  roles: [{ title: "Directeur", from, ...(to ? { to } : {}) }],
});

describe("extractDate", () => {
  it("prefers the page's markup", () => {
    assert.deepEqual(extractDate({ ...base, meta: "2024-02-19T08:30:00+01:00", metaField: "json-ld:datePublished", datelines: ["1 janvier 2020"] }), {
      value: "2024-02-19",
      precision: "day",
      evidence: "meta:json-ld:datePublished=2024-02-19T08:30:00+01:00",
      via: "meta",
    });
  });

  it("reads a dateline with a time", () => {
    const date = extractDate({ ...base, datelines: ["26 septembre 2020 - 14h40 - Maroc - Ecrit par : Bladi.net"] });
    assert.equal(date?.value, "2020-09-26");
    assert.equal(date?.evidence, "26 septembre 2020");
  });

  it("takes the publication stamp over an update stamp above it", () => {
    const date = extractDate({ ...base, datelines: ["Mis à jour le 5 mars 2020", "Publié le 2 mars 2020"] });
    assert.equal(date?.value, "2020-03-02");
    assert.equal(extractDate({ ...base, datelines: ["Mis à jour le 5 mars 2020"] })?.value, "2020-03-05");
  });

  it("keeps a capture's month precision unless the writer's today refines it", () => {
    assert.deepEqual(extractDate({ ...base, captured: "2017-10", text: "le 14 octobre, le BCIJ a démantelé" }), { value: "2017-10", precision: "month", evidence: "date 2017-10", via: "meta" });
    assert.equal(extractDate({ ...base, captured: "2022-08", text: "Décédé ce mardi 23 août 2022 à Casablanca" })?.value, "2022-08-23");
  });

  it("reads dates in URLs", () => {
    assert.equal(extractDate({ ...base, url: "https://ledesk.ma/2021/04/13/attentat-dejoue/" })?.value, "2021-04-13");
    assert.deepEqual(dateInUrl("https://example.org/2024/02/x.html"), { value: "2024-02", precision: "month", evidence: "url:/2024/02/", via: "url" });
    // An impossible day is not a day: only the month is read.
    assert.equal(dateInUrl("https://example.org/2024/02/31/x.html")?.value, "2024-02");
  });

  it("never takes an event date in the body for the publication date", () => {
    assert.equal(extractDate({ ...base, text: "Il a été décoré le 6 novembre 2023, puis reçu le 9 novembre 2023." }), null);
    assert.equal(extractDate({ ...base, text: "dimanche 29 janvier, une conférence de presse à Rabat" }), null);
  });

  it("refuses implausible dates", () => {
    assert.equal(extractDate({ ...base, meta: "3000-01-01" }), null);
    assert.equal(extractDate({ ...base, meta: "0001-01-01" }), null);
  });
});

describe("parseIsoLike", () => {
  it("keeps the precision the value has", () => {
    assert.deepEqual(parseIsoLike("2024"), { value: "2024", precision: "year" });
    assert.deepEqual(parseIsoLike("2024-10"), { value: "2024-10", precision: "month" });
    assert.deepEqual(parseIsoLike("Mon, 19 Feb 2024 10:00:00 GMT"), { value: "2024-02-19", precision: "day" });
    assert.equal(parseIsoLike("2021-02-30"), undefined);
  });
});

describe("inferDateCandidates", () => {
  it("proposes the years where the weekday falls on that day, within the actors' tenures", () => {
    const candidates = inferDateCandidates("dimanche 29 janvier, une conférence", [person("a", "2015", "2020")], today);
    assert.deepEqual(candidates.map((c) => c.value), ["2017-01-29"]);
    assert.equal(certainCandidate(candidates)?.value, "2017-01-29");
  });

  it("lists several years when the weekday alone cannot decide", () => {
    const candidates = inferDateCandidates("mercredi 3 juin", [], today);
    assert.deepEqual(candidates.map((c) => c.value).slice(0, 3), ["2026-06-03", "2020-06-03", "2015-06-03"]);
    assert.equal(certainCandidate(candidates), undefined);
  });

  it("proposes nothing without a weekday or a tenure to narrow the year", () => {
    assert.deepEqual(inferDateCandidates("les 13 et 14 juin", [], today), []);
  });
});
