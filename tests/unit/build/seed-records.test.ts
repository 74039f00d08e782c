import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { compileKnowledge } from "../../../src/extract/compile.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { loadSiteConfig } from "../../../src/config.ts";
import { buildArchive, type Archive } from "../../../src/pipeline/build-archive.ts";
import { extractSource } from "../../../src/pipeline/extract-source.ts";
import type { ArticleRecord } from "../../../src/model/article.ts";

const CONTENT = join(import.meta.dirname, "../../../content");
/** The two raw captures the bundled articles were written from, byte for byte as captured (../shared/seeds). */
const SEEDS = join(import.meta.dirname, "../../fixtures/seeds");

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

/**
 * The raw captures themselves (headline, dateline, body, then the page's navigation, share
 * lines and related-article teasers), read by the text reader and extracted as a build does
 * (src/pipeline/extract-source.ts) with the bundled knowledge base. Every expectation below was
 * established by reading the capture, not by running the program: the line each value comes
 * from is quoted next to it.
 */
describe("the raw seed captures", () => {
  const compiled = compileKnowledge(loadKnowledgeBase(CONTENT).kb);
  const options = { homeCountry: loadSiteConfig(CONTENT, {}).homeCountry, today: new Date("2026-11-23T00:00:00Z") };
  const capture = (file: string) => readFileSync(join(SEEDS, file), "utf8");
  const extract = (file: string) => {
    const { result } = extractSource(join(SEEDS, file), file, compiled, options);
    assert.ok(result.record, `${file} is rejected: ${JSON.stringify(result.diagnostics)}`);
    return { record: result.record, diagnostics: [...result.diagnostics, ...result.record.diagnostics] };
  };
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);
  /** The capture's text from the first to the last words of the article, as read by eye. */
  const articleText = (text: string, first: string, last: string) => {
    const start = text.indexOf(first);
    const end = text.indexOf(last, start);
    assert.ok(start >= 0 && end > start, `the capture holds "${first}" … "${last}"`);
    return text.slice(start, end + last.length);
  };
  const leftOut = (body: string, furniture: readonly string[]) => furniture.filter((line) => body.includes(line));

  it("has an expectation for every capture in tests/fixtures/seeds", () => {
    assert.deepEqual(readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort(), ["000_cb0b866dcdfbf5b4.txt", "002_15a446a50d08b9f6.txt"]);
  });

  describe("000: Perspectives Med, no year on the page", () => {
    const FILE = "000_cb0b866dcdfbf5b4.txt";

    it("reads the headline after the page's banner and slider buttons", () => {
      // Line 7; lines 1-5 are "#Libération_Palestine", "Logo Perspectives med", "Previous slide", "Next slide".
      assert.equal(extract(FILE).record.title, "A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités");
    });

    it("states no date, and says why, quoting the day and month the text gives", () => {
      // The page names "les 13 et 14 juin" and "jeudi", never a year: no publication date can be read.
      const { record, diagnostics } = extract(FILE);
      assert.equal(record.date, null);
      const missing = diagnostics.find((d) => d.rule === "date-missing");
      assert.equal(missing?.severity, "warning");
      assert.match(missing?.message ?? "", /les 13 et 14 juin/);
      // The editor's reasoning (content/articles/2022/…): the visit was on 13-14 June 2022.
      assert.ok(record.dateCandidates.some((c) => c.value === "2022-06-13" && c.precision === "day" && c.evidence === "les 13 et 14 juin"), JSON.stringify(record.dateCandidates));
      assert.ok(record.dateCandidates.every((c) => c.value.endsWith("-06-13")));
    });

    it("offers as candidate years only those when Haines, Burns and Wray were all in office", () => {
      // content/actors/people: Haines 2021-01-21 → 2025-01-20, Burns 2021-03-19 → 2025-01-20, Wray 2017-08-02 → 2025-01.
      assert.deepEqual(extract(FILE).record.dateCandidates.map((c) => c.value), ["2024-06-13", "2023-06-13", "2022-06-13", "2021-06-13"]);
    });

    it("names the outlet from its logo line", () => {
      // "Logo Perspectives med" (line 3) is the only trace of the outlet.
      assert.equal(extract(FILE).record.outlet?.id, "perspectives-med");
    });

    it("finds the four people, Avril Haines under her misspelt name", () => {
      const { people } = extract(FILE).record;
      // "Abdellatif Hammouchi, directeur général…", "A. Hammouchi a tenu…", "Avril Hainse, directrice du renseignement national américain",
      // "William Burns, directeur de la CIA", "Christopher Wray, directeur du FBI".
      assert.deepEqual(ids(people), ["abdellatif-hammouchi", "avril-haines", "william-burns", "christopher-wray"]);
      assert.deepEqual([...(people[0]?.mentions ?? [])].sort(), ["A. Hammouchi", "Abdellatif Hammouchi"]);
      assert.deepEqual(people[1]?.mentions, ["Avril Hainse"]);
    });

    it("finds the agencies: his two directorates, the ODNI she heads, the CIA and the FBI", () => {
      // "directeur général de la sûreté nationale et de la surveillance du territoire", "(DGST)",
      // "directrice du renseignement national américain", "directeur de la CIA", "directeur du FBI".
      assert.deepEqual(ids(extract(FILE).record.agencies), ["dgsn", "dgst", "odni", "cia", "fbi"]);
    });

    it("finds the places: the visit's country, Morocco, and the four regions discussed", () => {
      // "Oncle Sam" and "aux États-Unis", "le Maroc", "la région du Sahel, du Sahara, du Moyen-Orient et de l’Europe".
      assert.deepEqual(ids(extract(FILE).record.places), ["etats-unis", "maroc", "sahel", "sahara", "moyen-orient", "europe"]);
    });

    it("finds the topics the knowledge base's keywords reach twice in the text", () => {
      // Coopération sécuritaire: "Coopération sécuritaire" (headline), "partenariat sécuritaire".
      // Terrorisme: "le terrorisme", "la menace terroriste". Criminalité organisée: "criminalité transnationale", "crime organisé".
      // Not Renseignement, which its editor added: "directrice du renseignement national" is its only mention, under min_mentions: 2.
      assert.deepEqual(ids(extract(FILE).record.topics), ["cooperation-securitaire", "terrorisme", "criminalite-organisee"]);
    });

    it("keeps the four paragraphs of the article and nothing of the page around them", () => {
      const text = capture(FILE);
      const { body } = extract(FILE).record;
      assert.equal(body, articleText(text, "Abdellatif Hammouchi, directeur général de la sûreté", "à l’échelle internationale."));
      assert.deepEqual(leftOut(body, ["#Libération_Palestine", "Logo Perspectives med", "Previous slide", "Next slide", "Recommandé pour vous", "Oncle Sam"]), []);
    });
  });

  describe("002: Bladi.net, with a dateline, share lines, tags and fourteen teasers", () => {
    const FILE = "002_15a446a50d08b9f6.txt";
    /** Lines of the page after the article: share buttons, tags, and the headlines of other articles. */
    const FURNITURE = [
      "Suivez bladi.net sur Google News",
      "Suivez bladi.net sur WhatsApp",
      "Sujets associés",
      "Aller plus loin",
      "Abdellatif Hammouchi, une vraie star en Espagne",
      "Les Etats-Unis veulent consolider leurs relations avec le Maroc",
      "Ces articles devraient vous intéresser",
      "Mohammed VI et le pari gagnant",
      "Staffan de Mistura",
      "Maroc : la DGSN fait un cadeau à des policiers",
    ];

    it("reads the headline on the first line", () => {
      assert.equal(extract(FILE).record.title, "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    });

    it("reads the day from the dateline", () => {
      // "26 septembre 2020 - 14h40 - Maroc - Ecrit par : Bladi.net"
      const { date } = extract(FILE).record;
      assert.deepEqual({ value: date?.value, precision: date?.precision, evidence: date?.evidence, via: date?.via }, { value: "2020-09-26", precision: "day", evidence: "26 septembre 2020", via: "text" });
    });

    it("names the outlet from the dateline's byline", () => {
      // "Ecrit par : Bladi.net"
      assert.equal(extract(FILE).record.outlet?.id, "bladi");
    });

    it("finds only the article's actors, none of the teasers'", () => {
      const { people, agencies } = extract(FILE).record;
      // The ambassador is not named; "Abdellatif Hammouchi" is the only person of the article.
      assert.deepEqual(ids(people), ["abdellatif-hammouchi"]);
      // "de la Sûreté nationale", "la DGSN et la DGST", "l’ambassade des États-Unis à Rabat".
      // "précise La Map" cites the news agency as a source: whether it is listed is left open.
      assert.deepEqual(ids(agencies).filter((id) => id !== "map"), ["dgsn", "dgst", "ambassade-etats-unis-maroc"]);
      // Named only in the teasers: the king, the UN envoy, the minister, the BCIJ, the police institute, the UN.
      const everyone = [...ids(people), ...ids(agencies)];
      for (const teaserOnly of ["mohammed-vi", "staffan-de-mistura", "nasser-bourita", "bcij", "institut-royal-de-police", "onu"]) assert.ok(!everyone.includes(teaserOnly), teaserOnly);
    });

    it("finds the places of the article, not those of the teasers", () => {
      // "des États-Unis au Maroc", "à Rabat", "la région de l’Afrique du Nord et du Sahel".
      // Espagne, Israël, France and Sahara appear only in teasers.
      assert.deepEqual(ids(extract(FILE).record.places), ["etats-unis", "maroc", "rabat", "afrique-du-nord", "sahel"]);
    });

    it("finds the topics: the page's own tag, and those the keywords reach twice", () => {
      // Diplomatie: "Sujets associés : … - Diplomatie - …", and "l’ambassadeur", "l’ambassade" in the text.
      // Terrorisme: "danger terroriste", "le terrorisme". Criminalité organisée: "le crime organisé", "la criminalité transnationale".
      assert.deepEqual(ids(extract(FILE).record.topics), ["diplomatie", "terrorisme", "criminalite-organisee"]);
    });

    it("keeps the four paragraphs of the article, without share lines, tags or teasers", () => {
      const text = capture(FILE);
      const { body } = extract(FILE).record;
      assert.equal(body, articleText(text, "Le directeur général de la Sûreté nationale", "précise La Map."));
      assert.deepEqual(leftOut(body, FURNITURE), []);
      assert.ok(!body.includes("26 septembre 2020 - 14h40"), "the dateline is not part of the body");
    });
  });
});
