import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readHtml } from "../../../src/ingest/html.ts";
import { PROJECT_RULES } from "../../helpers/rules.ts";

/*
 * The HTML reader on excerpts of real saved news pages (tests/fixtures/html/real/README.md
 * names their sources), each kept for a defect that measuring real pages showed.
 */

const read = (name: string) => {
  const raw = readFileSync(new URL(`../../fixtures/html/real/${name}`, import.meta.url), "utf8");
  return readHtml(raw, name, PROJECT_RULES.pageFurniture);
};

describe("HTML reader on real saved pages", () => {
  it("leaves other stories' thumbnails out: a figure whose caption is a link is a teaser, not the story's picture", () => {
    const doc = read("teaser-figures-before-story.html");
    assert.match(doc.text, /Law enforcement sources tell TMZ/);
    assert.match(doc.text, /Sheriff's deputies were at The London/);
    for (const teaser of ["Drake Assaulted in Dubai Nightclub", "Tom Cruise, Katie Holmes", "Karrueche Tran"]) {
      assert.doesNotMatch(doc.text, new RegExp(teaser), `teaser "${teaser}" reached the text`);
    }
  });

  it("reads the date under a headline that has a header of its own, past a logo <h1> in the banner", () => {
    const doc = read("headline-in-own-header-date-below.html");
    assert.equal(doc.meta.title, "Nintendo's first iPhone game will launch in December for $10");
    assert.equal(doc.meta.published, "2016-11-15T07:00:00.000Z");
    assert.equal(doc.meta.evidence["published"], "time[datetime]");
    assert.match(doc.text, /will launch on iPhone and iPad on December 15/);
    assert.doesNotMatch(doc.text, /back to msn home/);
  });
});
