import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugify } from "../../../src/text/slug.ts";

describe("slugify", () => {
  it("folds accents and spaces into a lowercase ASCII segment", () => {
    assert.equal(slugify("Sûreté nationale"), "surete-nationale");
    assert.equal(slugify("Direction générale de la surveillance du territoire (DGST)"), "direction-generale-de-la-surveillance-du-territoire-dgst");
  });

  it("turns apostrophes and ligatures into separate words", () => {
    assert.equal(slugify("L’Œuvre d'État"), "l-oeuvre-d-etat");
  });

  it("never yields a path that leaves its folder", () => {
    for (const hostile of ["../etc/passwd", "/absolute/path", "..", ".", "javascript:alert(1)", "a/../../b"]) {
      const slug = slugify(hostile);
      assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, hostile);
    }
  });

  it("falls back when nothing is left", () => {
    assert.equal(slugify(""), "sans-titre");
    assert.equal(slugify("!!!", "Mon article"), "mon-article");
  });

  it("cuts long titles at a word boundary", () => {
    const slug = slugify("Abdellatif Hammouchi conduit une visite de travail aux Emirats arabes unis et engage des entretiens sur la lutte antiterroriste");
    assert.ok(slug.length <= 80);
    assert.ok(!slug.endsWith("-"));
    assert.ok("abdellatif-hammouchi-conduit-une-visite-de-travail-aux-emirats-arabes-unis-et-engage-des".startsWith(slug));
  });
});
