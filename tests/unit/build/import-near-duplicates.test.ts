import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { importSources } from "../../../src/editor/import.ts";
import { DuplicateIndex } from "../../../src/editor/near-duplicates.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { scratchDir } from "../../helpers/scratch.ts";

const today = new Date("2026-11-23T12:00:00Z");
const BODY = [
  "Le conseil municipal s’est réuni lundi soir pour examiner le budget de l’année à venir.",
  "Les élus ont débattu des travaux de voirie, de la rénovation de l’école primaire et de l’éclairage public.",
  "Le maire a présenté les comptes de l’exercice précédent, marqués par la hausse du prix de l’énergie.",
  "L’opposition a demandé un audit des contrats de restauration scolaire signés depuis trois ans.",
  "Plusieurs habitants ont interpellé l’assemblée sur la sécurité aux abords du marché couvert.",
  "Une subvention exceptionnelle a été votée pour le club de football et pour la bibliothèque municipale.",
  "Le projet de budget a finalement été adopté à une large majorité, après quatre heures de débats. ",
].join(" ");

/** A feed of two posts with their own addresses and titles, whose texts differ by a sentence. */
function feedOfLookAlikes(): string {
  const item = (n: number, extra: string) => `<item><title>Séance du conseil municipal n° ${n}</title><link>https://mairie.example/seances/${n}/</link><pubDate>Mon, 0${n} May 2023 18:00:00 +0200</pubDate><description><![CDATA[<p>${BODY}${extra}</p>]]></description></item>`;
  const file = join(scratchDir("near-duplicates"), "feed.rss");
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mairie</title><link>https://mairie.example/</link>${item(1, "La séance a été levée à 22 heures.")}${item(2, "La prochaine séance aura lieu en juin.")}</channel></rss>`);
  return file;
}

describe("importing texts that are nearly alike", () => {
  it("imports two posts of an archive whose texts are alike but whose addresses differ, noting the likeness", async () => {
    const content = fixtureContent();
    const outcomes = await importSources({ contentDir: content, sources: [feedOfLookAlikes()], cwd: content, today });
    assert.deepEqual(outcomes.map((o) => o.status), ["imported", "imported"]);
    const second = outcomes[1];
    assert.ok(second?.status === "imported");
    assert.match(readFileSync(join(content, second.file), "utf8"), /# À VÉRIFIER : texte presque identique \(\d+ %\) à \S+seance-du-conseil-municipal-n-1\.md/);
  });

  it("still takes a capture whose text the archive has for a duplicate", async () => {
    const content = fixtureContent();
    const dir = scratchDir("near-duplicate-captures");
    writeFileSync(join(dir, "a.txt"), `Séance du conseil municipal\n\n${BODY}La séance a été levée à 22 heures.\n`);
    writeFileSync(join(dir, "b.txt"), `Le conseil municipal a siégé\n\n${BODY}La séance a été levée à 23 heures.\n`);
    const outcomes = await importSources({ contentDir: content, sources: [join(dir, "a.txt"), join(dir, "b.txt")], cwd: content, today });
    assert.deepEqual(outcomes.map((o) => o.status), ["imported", "duplicate"]);
  });
});

describe("the near-duplicate index", () => {
  const MEETING = "استقبل المدير العام للأمن الوطني وفدا من الشرطة الإسبانية لبحث التعاون في مكافحة الهجرة غير النظامية وتبادل المعلومات حول الشبكات الإجرامية العابرة للحدود";
  const SCHOOL = "افتتحت السلطات المحلية مدرسة ابتدائية جديدة في حي شعبي تستقبل أكثر من أربعمائة تلميذ بعد أشغال دامت سنتين وتضم مكتبة وقاعة للإعلاميات";

  it("reads the words of texts in Arabic: two unlike articles are not alike, the same one captured again is", () => {
    const index = new DuplicateIndex<string>();
    index.add(MEETING, "reunion");
    assert.equal(index.find(SCHOOL), undefined);
    assert.equal(index.find(`${MEETING} وأكد الجانبان أهمية التنسيق`)?.value, "reunion");
  });

  it("takes a text without a word for like no other", () => {
    const index = new DuplicateIndex<string>();
    index.add("— … —", "ponctuation");
    assert.equal(index.find("« … »"), undefined);
  });
});

