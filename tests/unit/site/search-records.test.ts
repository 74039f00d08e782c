import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildArchive } from "../../../src/pipeline/build-archive.ts";
import { searchRecords, type SearchRecord } from "../../../src/search/records.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

/**
 * The fixture archive (Hammouchi receiving the US ambassador, 26 September 2020, Bladi.net)
 * with two articles of the test's own: one dated to the month by an outlet whose name holds
 * an ampersand, one with no date and no outlet.
 */
function content(): string {
  const dir = fixtureContent();
  writeFileSync(join(dir, "outlets/presse-et-cie.yml"), 'name: "Presse & Cie"\n');
  mkdirSync(join(dir, "articles/2021"), { recursive: true });
  writeFileSync(
    join(dir, "articles/2021/hammouchi-a-madrid.md"),
    '---\ntitle: "Hammouchi à Madrid"\ndate: "2021-03"\noutlet: presse-et-cie\n---\n\nAbdellatif Hammouchi, patron de la DGST, a rencontré ses homologues espagnols.\n',
  );
  writeFileSync(join(dir, "articles/sans-date.md"), '---\ntitle: "Une note sans date"\n---\n\nLa DGSN publie une note sur la sécurité routière.\n');
  return dir;
}

async function recordsOf(env: NodeJS.ProcessEnv = {}): Promise<Map<string, SearchRecord>> {
  const dir = content();
  const archive = await buildArchive({ contentDir: dir, cwd: dir, cacheDir: join(scratchDir("cache"), "records"), env, today: new Date("2026-11-23T00:00:00Z") });
  return new Map(searchRecords(archive).map((record) => [record.meta.title, record]));
}

describe("search records", () => {
  it("give each result its title, ISO date, date as the site prints it and outlet, and sort dated articles by date", async () => {
    const records = await recordsOf();
    const seed = records.get("Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    assert.deepEqual(seed?.meta, { title: "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis", date: "2020-09-26", dateLabel: "26 septembre 2020", outlet: "Bladi.net" });
    assert.deepEqual(seed?.sort, { date: "2020-09-26" });
    const month = records.get("Hammouchi à Madrid");
    assert.deepEqual(month?.meta, { title: "Hammouchi à Madrid", date: "2021-03", dateLabel: "mars 2021", outlet: "Presse & Cie" });
    assert.deepEqual(month?.sort, { date: "2021-03" });
    // No date: nothing to show or sort by (Pagefind leaves it out of a search sorted by date).
    const undated = records.get("Une note sans date");
    assert.deepEqual(undated?.meta, { title: "Une note sans date" });
    assert.equal(undated && "sort" in undated, false);
  });

  it("file people and institutions under filters of their own, with topic, outlet and year; a name as HTML text", async () => {
    const records = await recordsOf();
    const seed = records.get("Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    assert.deepEqual(seed?.filters["personne"], ["Abdellatif Hammouchi"]);
    assert.ok(seed?.filters["institution"]?.includes("Direction générale de la sûreté nationale"), JSON.stringify(seed?.filters));
    assert.ok(seed?.filters["institution"]?.every((name) => name !== "Abdellatif Hammouchi"));
    assert.deepEqual(seed?.filters["média"], ["Bladi.net"]);
    assert.deepEqual(seed?.filters["année"], ["2020"]);
    assert.ok(seed?.filters["sujet"]?.includes("Diplomatie"));
    assert.equal(seed?.filters["acteur"], undefined);
    const month = records.get("Hammouchi à Madrid");
    assert.deepEqual(month?.filters["média"], ["Presse &amp; Cie"]);
    assert.deepEqual(month?.filters["année"], ["2021"]);
    const undated = records.get("Une note sans date");
    assert.deepEqual(Object.keys(undated?.filters ?? {}).sort(), ["institution"]);
  });

  it("name the filters and print the date in the site's language", async () => {
    const records = await recordsOf({ REVUE_LANG: "en" });
    const seed = records.get("Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    assert.equal(seed?.meta.dateLabel, "September 26, 2020");
    assert.equal(seed?.language, "en");
    assert.deepEqual(Object.keys(seed?.filters ?? {}).sort(), ["institution", "outlet", "person", "topic", "year"]);
  });
});
