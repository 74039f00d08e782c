import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linkFirstMentions } from "../../../src/site/link-mentions.ts";
import { networkSvg } from "../../../src/site/network.ts";
import { layoutNetwork } from "../../../src/site/network-layout.ts";
import { csv } from "../../../src/site/open-data.ts";
import { contentSecurityPolicy } from "../../../src/site/security.ts";
import { coverageSeries, timelineSvg } from "../../../src/site/timeline.ts";
import { formatDate } from "../../../src/site/format.ts";
import { urls } from "../../../src/model/urls.ts";

describe("linkFirstMentions", () => {
  const links = [{ mentions: ["Abdellatif Hammouchi", "A. Hammouchi"], url: "/personnes/abdellatif-hammouchi/", title: "Abdellatif Hammouchi" }];

  it("links only the first mention, longest form first", () => {
    const html = linkFirstMentions("<p>A. Hammouchi puis Abdellatif Hammouchi.</p>", links);
    assert.equal(html, '<p><a class="mention" href="/personnes/abdellatif-hammouchi/" title="Abdellatif Hammouchi">A. Hammouchi</a> puis Abdellatif Hammouchi.</p>');
  });

  it("never links inside a link, a heading or an attribute", () => {
    const html = '<h2>Abdellatif Hammouchi</h2><p><a href="/x">Abdellatif Hammouchi</a> <span title="Abdellatif Hammouchi">x</span> et Abdellatif Hammouchi.</p>';
    assert.equal(
      linkFirstMentions(html, links),
      '<h2>Abdellatif Hammouchi</h2><p><a href="/x">Abdellatif Hammouchi</a> <span title="Abdellatif Hammouchi">x</span> et <a class="mention" href="/personnes/abdellatif-hammouchi/" title="Abdellatif Hammouchi">Abdellatif Hammouchi</a>.</p>',
    );
  });

  it("matches whole words only, and text escaped as HTML", () => {
    assert.equal(linkFirstMentions("<p>DGSTX et DGST &amp; co</p>", [{ mentions: ["DGST"], url: "/i/dgst/", title: "DGST" }]), '<p>DGSTX et <a class="mention" href="/i/dgst/" title="DGST">DGST</a> &amp; co</p>');
    assert.equal(linkFirstMentions("<p>Procter &amp; Gamble</p>", [{ mentions: ["Procter & Gamble"], url: "/p/", title: "P&G" }]), '<p><a class="mention" href="/p/" title="P&amp;G">Procter &amp; Gamble</a></p>');
  });

  it("prefers the longest of two actors' overlapping mentions, and a linked actor's later mention hides the shorter one", () => {
    const agencies = [
      { mentions: ["Sûreté nationale"], url: "/i/sn/", title: "Sûreté nationale" },
      { mentions: ["Direction générale de la Sûreté nationale"], url: "/i/dgsn/", title: "DGSN" },
    ];
    assert.equal(
      linkFirstMentions("<p>La Direction générale de la Sûreté nationale, puis la Direction générale de la Sûreté nationale et la Sûreté nationale.</p>", agencies),
      '<p>La <a class="mention" href="/i/dgsn/" title="DGSN">Direction générale de la Sûreté nationale</a>, puis la Direction générale de la Sûreté nationale et la <a class="mention" href="/i/sn/" title="Sûreté nationale">Sûreté nationale</a>.</p>',
    );
  });
});

describe("coverage timeline", () => {
  it("counts by year over long spans and by month over short ones", () => {
    assert.deepEqual(coverageSeries(["2010-05-01", "2014-01", "2014"], (k) => k).map((p) => [p.key, p.count]), [["2010", 1], ["2011", 0], ["2012", 0], ["2013", 0], ["2014", 2]]);
    assert.deepEqual(coverageSeries(["2020-09-26", "2020-11-02", "2020-11-30"], (k) => k).map((p) => [p.key, p.count]), [["2020-09", 1], ["2020-10", 0], ["2020-11", 2]]);
  });

  it("draws an accessible SVG: a title, a text alternative, one bar per period", () => {
    const svg = timelineSvg(coverageSeries(["2020-09-26", "2022-06-16"], (k) => `mois ${k}`), "Articles mentionnant X", (n) => `${n} articles`);
    assert.match(svg, /^<svg class="timeline" viewBox="0 0 640 120" role="img" aria-labelledby="timeline-title timeline-desc"/);
    assert.match(svg, /<desc id="timeline-desc">2 articles — mois 2020-09 \(1\), mois 2022-06 \(1\)<\/desc>/);
    assert.equal((svg.match(/<rect /g) ?? []).length, 22);
  });
});

describe("actors' network", () => {
  const nodes = ["a", "b", "c", "d"].map((id, i) => ({ id, name: id.toUpperCase(), label: id.toUpperCase(), url: `/p/${id}/`, count: 4 - i, kind: "person" as const }));
  const edges = [{ source: "a", target: "b", weight: 3 }, { source: "a", target: "c", weight: 1 }];

  it("lays nodes out the same way every time, inside the drawing", () => {
    const one = layoutNetwork(nodes, edges);
    assert.deepEqual(layoutNetwork(nodes, edges), one);
    for (const { x, y } of one.nodes) assert.ok(x >= 0 && x <= one.width && y >= 0 && y <= one.height);
  });

  it("makes every node a link", () => {
    const svg = networkSvg(layoutNetwork(nodes, edges), { id: "network-title", title: "Réseau", className: "network-wide", describe: (n) => n.name });
    assert.equal((svg.match(/<a href="\/p\/[a-d]\/"/g) ?? []).length, 4);
    assert.equal((svg.match(/<line /g) ?? []).length, 2);
  });
});

describe("csv", () => {
  it("quotes fields with commas, quotes or line breaks (RFC 4180)", () => {
    assert.equal(csv(["a", "b"], [["x, y", 'dit "oui"'], ["ligne\nsuivante", "z"]]), 'a,b\r\n"x, y","dit ""oui"""\r\n"ligne\nsuivante",z\r\n');
  });
});

describe("site helpers", () => {
  it("formats dates in French as precisely as they are known", () => {
    assert.equal(formatDate({ value: "2020-09-26", precision: "day" }), "26 septembre 2020");
    assert.equal(formatDate({ value: "2017-10", precision: "month" }), "octobre 2017");
    assert.equal(formatDate({ value: "2017", precision: "year" }), "2017");
    assert.equal(formatDate({ value: "2020-09-26", precision: "day" }, "en"), "September 26, 2020");
  });

  it("builds every URL in one place", () => {
    assert.equal(urls.article({ id: "x", address: { slug: "x", year: "2020" } }), "/articles/2020/x/");
    assert.equal(urls.article({ id: "x-2020-09-26", address: { slug: "x", year: "2020", day: "2020-09-26" } }), "/articles/2020/x-2020-09-26/", "the archive's id, made distinct");
    assert.equal(urls.article({ id: "x", address: { slug: "x" } }), "/articles/x/", "no year in the file's name or folder: none in the path, whatever the front matter's date");
    assert.equal(urls.article({ id: "x", address: { slug: "x", year: "2020", path: "/2019/05/titre/" } }), "/2019/05/titre/");
    assert.equal(urls.term("person", "abdellatif-hammouchi", 2), "/personnes/abdellatif-hammouchi/page/2/");
    assert.equal(urls.month("2020-09"), "/archives/2020/09/");
  });

  it("allows no inline script or style in the policy", () => {
    const policy = contentSecurityPolicy();
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.match(contentSecurityPolicy(true), /frame-ancestors 'none'/);
  });
});
