import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildArchive, type Archive } from "../../../src/build/build-archive.ts";
import type { ArticleRecord } from "../../../src/records/article.ts";

const CONTENT = join(import.meta.dirname, "../../../content");

/** The two seed articles as the bundled archive publishes them; expectations checked by reading the pages. */
describe("the seed articles' records", () => {
  let archive: Archive;
  const record = (title: string) => archive.records.find((r) => r.title?.startsWith(title)) as ArticleRecord;
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);

  before(async () => {
    archive = await buildArchive({ contentDir: CONTENT, today: new Date("2026-11-23T00:00:00Z") });
  });

  it("publishes both, with no error", () => {
    assert.equal(archive.records.length, 2);
    assert.deepEqual(archive.diagnostics.filter((d) => d.severity === "error"), []);
  });

  it("reads Perspectives Med's visit to the United States", () => {
    const r = record("A. Hammouchi chez l’Oncle Sam");
    assert.equal(r.title, "A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités");
    assert.deepEqual({ value: r.date?.value, precision: r.date?.precision, via: r.date?.via }, { value: "2022-06-16", precision: "day", via: "front-matter" });
    assert.equal(r.outlet?.name, "Perspectives Med");
    // "Avril Hainse" in the text is Avril Haines, misspelt.
    assert.deepEqual(ids(r.people), ["abdellatif-hammouchi", "avril-haines", "william-burns", "christopher-wray"]);
    assert.deepEqual(r.people[0]?.mentions, ["A. Hammouchi", "Abdellatif Hammouchi"], "the headline names him first");
    assert.deepEqual(ids(r.agencies), ["dgsn", "dgst", "odni", "cia", "fbi"]);
    assert.deepEqual(ids(r.topics), ["cooperation-securitaire", "terrorisme", "renseignement"]);
    assert.ok(!r.body.includes("Previous slide") && !r.body.includes("Recommandé"));
  });

  it("reads Bladi's article, leaving the related-article teasers out", () => {
    const r = record("Abdellatif Hammouchi reçoit");
    assert.deepEqual({ value: r.date?.value, precision: r.date?.precision }, { value: "2020-09-26", precision: "day" });
    assert.equal(r.outlet?.name, "Bladi.net");
    assert.deepEqual(ids(r.people), ["abdellatif-hammouchi"]);
    assert.deepEqual(ids(r.agencies), ["dgsn", "dgst", "ambassade-etats-unis-maroc"]);
    assert.deepEqual(ids(r.topics), ["diplomatie", "cooperation-securitaire", "terrorisme"]);
    const everyone = [...ids(r.people), ...ids(r.agencies)];
    for (const teaserOnly of ["mohammed-vi", "staffan-de-mistura", "nasser-bourita", "bcij", "institut-royal-de-police", "onu"]) assert.ok(!everyone.includes(teaserOnly), teaserOnly);
  });

  it("gives every person and agency of the two articles a knowledge-base entry", () => {
    for (const r of archive.records) for (const ref of [...r.people, ...r.agencies]) assert.equal(ref.via === "knowledge-base" || ref.via === "front-matter", true, ref.name);
  });
});
