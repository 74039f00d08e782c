import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractOutlet, resolveOutlet } from "../../../src/extract/outlet.ts";
import { loadKnowledgeBase } from "../../../src/knowledge/load.ts";
import { fixtureContent } from "../../helpers/content.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const content = fixtureContent();
mkdirSync(join(content, "outlets"), { recursive: true });
writeFileSync(join(content, "outlets/aggregateur.yml"), 'name: Aggrégateur\ndomains: [aggregateur.example]\naggregator:\n  path: "^/fr/([^/]+)/"\n  sources:\n    bladifr: bladi\n');
const { kb } = loadKnowledgeBase(content);
const outlet = (evidence: Parameters<typeof extractOutlet>[0]) => extractOutlet(evidence, kb)?.name ?? null;

describe("extractOutlet", () => {
  it("reads the URL's domain, sub-domains and www included", () => {
    assert.equal(outlet({ url: "https://www.bladi.net/a.html", cues: [] }), "Bladi.net");
    assert.equal(outlet({ url: "https://fr.perspectivesmed.com/x", cues: [] }), "Perspectives Med");
  });

  it("maps an aggregator's page to the original publisher its URL names", () => {
    assert.equal(outlet({ url: "https://www.aggregateur.example/fr/bladifr/459813", cues: [] }), "Bladi.net");
    assert.equal(outlet({ url: "https://www.aggregateur.example/fr/inconnu/1", cues: [] }), "Aggrégateur");
  });

  it("reads what the text says of itself: a byline, a logo line, a credit", () => {
    assert.equal(outlet({ cues: ["Bladi.net"] }), "Bladi.net");
    assert.equal(outlet({ cues: ["Logo Perspectives med"] }), "Perspectives Med");
    assert.equal(outlet({ cues: ["Jean Dupont", "© Copyright : Said X / Bladi"] }), "Bladi.net");
  });

  it("keeps a site name or a domain the base does not know", () => {
    assert.equal(outlet({ siteName: "La Gazette du Littoral", cues: [] }), "La Gazette du Littoral");
    assert.equal(outlet({ url: "https://www.inconnu.example/article", cues: [] }), "inconnu.example");
    assert.equal(outlet({ cues: ["rien de connu"] }), null);
  });

  it("resolves what an editor writes: an id, a name, a domain", () => {
    assert.equal(resolveOutlet("bladi", kb).name, "Bladi.net");
    assert.equal(resolveOutlet("Perspectives med", kb).id, "perspectives-med");
    assert.equal(resolveOutlet("www.bladi.net", kb).id, "bladi");
    assert.equal(resolveOutlet("Le Nouveau Journal", kb).id, "le-nouveau-journal");
  });
});
