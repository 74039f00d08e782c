import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isoTimestamp, parseIso8601, parseRfc822, wordpressTimestamp } from "../../../src/archive/written-dates.ts";
import { expandShortcodes, paragraphs, withoutBlockDelimiters } from "../../../src/editor/wordpress-content.ts";

describe("import dates", () => {
  it("reads RSS's RFC 822 dates with their offset, named zones and two-digit years", () => {
    assert.deepEqual(parseRfc822("Tue, 12 Mar 2024 09:15:00 +0100"), { day: "2024-03-12", time: "09:15:00", offset: "+01:00" });
    assert.deepEqual(parseRfc822("13 Mar 2024 17:05 GMT"), { day: "2024-03-13", time: "17:05:00", offset: "Z" });
    assert.deepEqual(parseRfc822("Sat, 07 Sep 02 00:00:01 PDT"), { day: "2002-09-07", time: "00:00:01", offset: "-07:00" });
    assert.equal(parseRfc822("Mon, 30 Nov -0001 00:00:00 +0000"), undefined, "WordPress's date of an unsent draft");
    assert.equal(parseRfc822("Thu, 31 Feb 2024 10:00:00 +0000"), undefined);
  });

  it("reads Atom's dates as written, the offset kept", () => {
    assert.equal(isoTimestamp(parseIso8601("2024-02-19T10:00:00+01:00") ?? { day: "" }), "2024-02-19T10:00:00+01:00");
    assert.equal(isoTimestamp(parseIso8601("2024-02-20T18:45:00.250Z") ?? { day: "" }), "2024-02-20T18:45:00Z");
    assert.deepEqual(parseIso8601("2024-02-20"), { day: "2024-02-20" });
    assert.equal(parseIso8601("20 février 2024"), undefined);
  });

  it("takes WordPress's local date with the offset its UTC twin gives, and either alone when the other is unset", () => {
    assert.equal(isoTimestamp(wordpressTimestamp("2024-01-10 00:30:00", "2024-01-09 23:30:00") ?? { day: "" }), "2024-01-10T00:30:00+01:00");
    assert.equal(isoTimestamp(wordpressTimestamp("2023-07-01 08:00:00", "2023-07-01 12:00:00") ?? { day: "" }), "2023-07-01T08:00:00-04:00");
    assert.equal(isoTimestamp(wordpressTimestamp("2023-09-02 11:20:05", "0000-00-00 00:00:00") ?? { day: "" }), "2023-09-02T11:20:05");
    assert.equal(isoTimestamp(wordpressTimestamp("0000-00-00 00:00:00", "2023-09-02 10:20:05") ?? { day: "" }), "2023-09-02T10:20:05Z");
    assert.equal(wordpressTimestamp("0000-00-00 00:00:00", "0000-00-00 00:00:00"), undefined);
  });
});

describe("WordPress content", () => {
  it("keeps a caption as a figure's legend, from its content or its old attribute", () => {
    assert.equal(
      expandShortcodes('[caption id="attachment_7" align="alignleft" width="300"]<a href="/x.jpg"><img src="/x.jpg" alt="" /></a> Le wali à Tanger.[/caption]'),
      '<figure><figcaption><a href="/x.jpg"><img src="/x.jpg" alt="" /></a> Le wali à Tanger.</figcaption></figure>',
    );
    assert.equal(expandShortcodes('[caption id="a" caption="Le port de Tanger Med"]<img src="/y.jpg" />[/caption]'), '<figure><figcaption>Le port de Tanger Med <img src="/y.jpg" /></figcaption></figure>');
  });

  it("drops media, removes unknown shortcodes but not their words, and keeps bracketed prose and escapes", () => {
    assert.equal(expandShortcodes('Avant [gallery ids="1,2"] après.'), "Avant  après.");
    assert.equal(expandShortcodes("[embed]https://www.youtube.com/watch?v=x[/embed]Suite."), "Suite.");
    assert.equal(expandShortcodes('[video src="a.mp4" /]Fin.'), "Fin.");
    assert.equal(expandShortcodes('[vc_row][vc_column]Un texte.[/vc_column][/vc_row]'), "Un texte.");
    assert.equal(expandShortcodes('Écrivez-nous : [contact-form-7 id="5" title="Contact"]'), "Écrivez-nous : ");
    assert.equal(expandShortcodes("Il a dit [sic] et [...] puis [1]."), "Il a dit [sic] et [...] puis [1].");
    assert.equal(expandShortcodes("Le code [[gallery]] affiche un album."), "Le code [gallery] affiche un album.");
  });

  it("makes paragraphs of blank lines and line breaks of single ones, leaving blocks alone", () => {
    assert.equal(paragraphs("Un.\nDeux.\n\nTrois."), "<p>Un.<br>\nDeux.</p>\n\n<p>Trois.</p>");
    assert.equal(paragraphs("<h2>Titre</h2>\n\n<ul><li>a</li></ul>\n\n<strong>Gras</strong> suite"), "<h2>Titre</h2>\n\n<ul><li>a</li></ul>\n\n<p><strong>Gras</strong> suite</p>");
    assert.equal(withoutBlockDelimiters('<!-- wp:paragraph {"align":"center"} -->\n<p>Texte</p>\n<!-- /wp:paragraph --><!-- wp:core/spacer /-->'), "\n<p>Texte</p>\n");
  });
});
