import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { brokenLinks } from "../../src/pipeline/site-checks.ts";
import { buildSite } from "../helpers/site.ts";

/** The bundled archive: the two seed articles, built as a reader gets them. */
describe("the bundled archive's site", () => {
  let output: string;
  const page = (path: string) => readFileSync(join(output, path, "index.html"), "utf8");
  const h1 = (html: string) => /<h1(?: dir="auto")?>([^<]*)<\/h1>/.exec(html)?.[1];

  before(async () => {
    ({ output } = await buildSite());
  });

  it("has an article page per seed, its <h1> the article's title", () => {
    assert.equal(h1(page("articles/2020/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis")), "Abdellatif Hammouchi reçoit l’ambassadeur des États-Unis");
    assert.equal(h1(page("articles/2022/a-hammouchi-chez-l-oncle-sam-cooperation-securitaire-et-plus-si-affinites")), "A. Hammouchi chez l’Oncle Sam : Coopération sécuritaire et plus si affinités");
  });

  it("has Abdellatif Hammouchi's page linking both articles", () => {
    const html = page("personnes/abdellatif-hammouchi");
    assert.equal(h1(html), "Abdellatif Hammouchi");
    assert.match(html, /href="\/articles\/2020\/abdellatif-hammouchi-recoit-l-ambassadeur-des-etats-unis\/"/);
    assert.match(html, /href="\/articles\/2022\/a-hammouchi-chez-l-oncle-sam-cooperation-securitaire-et-plus-si-affinites\/"/);
  });

  it("has a page per agency and topic the articles name", () => {
    for (const path of ["institutions/dgst", "institutions/dgsn", "institutions/cia", "institutions/fbi", "sujets/diplomatie", "sujets/terrorisme"]) {
      assert.ok(h1(page(path)), path);
    }
  });

  it("has no page for names only the related-article teasers carry", () => {
    for (const path of ["personnes/nasser-bourita", "personnes/staffan-de-mistura", "personnes/mohammed-vi", "institutions/bcij", "institutions/institut-royal-de-police"]) {
      assert.throws(() => page(path), /ENOENT/, path);
    }
  });

  it("has no broken internal link", () => {
    assert.deepEqual(brokenLinks(output), []);
  });
});
