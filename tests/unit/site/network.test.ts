import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleRecord, EntityRef } from "../../../src/model/article.ts";
import { actorGraph, companionsSvg, networkPageParts, networkSvg } from "../../../src/site/network.ts";
import { COMPANIONS, labelWidth, layoutNetwork, overlaps, PHONE, WIDE, type Box, type LayoutOptions, type NetworkEdge, type NetworkLayout, type NetworkNode } from "../../../src/site/network-layout.ts";
import { STRINGS } from "../../../src/site/strings.ts";
import { termIndex } from "../../../src/site/term-index.ts";

/** A seeded generator (no Math.random): the same graphs on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ["ma", "ra", "li", "de", "sou", "ham", "mou", "chi", "ben", "el", "fa", "ssi", "ya", "ne", "kar", "tou"];

/**
 * `n` actors in communities (a third of them institutions with acronyms, the rest people with
 * names of 2 to 4 words), cited as often as a long-tailed archive cites them, and their
 * co-mentions: mostly within a community, a few across.
 */
function generatedGraph(n: number, seed = 7): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const next = random(seed);
  const word = () => {
    const length = 2 + Math.floor(next() * 3);
    const text = Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join("");
    return text[0]?.toUpperCase() + text.slice(1);
  };
  const nodes: NetworkNode[] = Array.from({ length: n }, (_unused, i) => {
    const agency = i % 3 === 0;
    const name = Array.from({ length: 2 + Math.floor(next() * 3) }, word).join(" ");
    const label = agency ? name.split(" ").map((w) => w[0]).join("").toUpperCase() + (next() < 0.3 ? "M" : "") : name;
    return { id: `actor-${i}`, name, label, url: `/acteurs/${i}/`, count: 1 + Math.floor(400 / (1 + i * next())), kind: agency ? "agency" : "person" };
  });
  const communities = Math.max(2, Math.round(n / 12));
  const edges = new Map<string, NetworkEdge>();
  for (let k = 0; k < n * 4; k++) {
    const a = Math.floor(next() * n);
    const b = next() < 0.85 ? (a + communities * (1 + Math.floor(next() * 3))) % n : Math.floor(next() * n);
    if (a === b) continue;
    const [source, target] = [`actor-${Math.min(a, b)}`, `actor-${Math.max(a, b)}`];
    const edge = edges.get(`${source}|${target}`) ?? { source, target, weight: 0 };
    edge.weight += 1 + Math.floor(next() * 4);
    edges.set(`${source}|${target}`, edge);
  }
  return { nodes, edges: [...edges.values()] };
}

function labels(layout: NetworkLayout): Box[] {
  return layout.nodes.flatMap((p) => (p.label ? [p.label] : []));
}

function overlappingLabels(layout: NetworkLayout): string[] {
  const found: string[] = [];
  const placed = layout.nodes.filter((p) => p.label);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if (overlaps(placed[i]?.label as Box, placed[j]?.label as Box, 0)) found.push(`${placed[i]?.node.label} / ${placed[j]?.node.label}`);
    }
  }
  return found;
}

describe("the actors' network layout", () => {
  for (const n of [10, 50, 1000]) {
    for (const [name, options] of [["wide", WIDE], ["phone", PHONE]] as [string, LayoutOptions][]) {
      it(`at ${n} actors (${name}): no two labels overlap, no label covers a node, everything is inside the viewBox`, () => {
        const { nodes, edges } = generatedGraph(n);
        const layout = layoutNetwork(nodes, edges, options);
        assert.deepEqual(overlappingLabels(layout), []);
        for (const p of layout.nodes) {
          for (const box of labels(layout)) {
            const disc = { x: p.x - p.r, y: p.y - p.r, width: 2 * p.r, height: 2 * p.r };
            assert.ok(!overlaps(box, disc, 0), `a label covers ${p.node.label}`);
          }
          assert.ok(p.x - p.r >= 0 && p.x + p.r <= layout.width && p.y - p.r >= 0 && p.y + p.r <= layout.height, `${p.node.label} at ${p.x},${p.y} is outside 0 0 ${layout.width} ${layout.height}`);
          if (p.label) assert.ok(p.label.x >= 0 && p.label.x + p.label.width <= layout.width && p.label.y >= 0 && p.label.y + p.label.height <= layout.height, `${p.node.label}'s label is outside the viewBox`);
        }
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = i + 1; j < layout.nodes.length; j++) {
            const [a, b] = [layout.nodes[i], layout.nodes[j]] as [NetworkLayout["nodes"][number], NetworkLayout["nodes"][number]];
            assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r, `${a.node.label} and ${b.node.label} overlap`);
          }
        }
      });
    }
  }

  it("labels every actor of a small network, and the most cited first when room runs out", () => {
    const { nodes, edges } = generatedGraph(10);
    assert.equal(labels(layoutNetwork(nodes, edges, WIDE)).length, 10);
    assert.equal(labels(layoutNetwork(nodes, edges, PHONE)).length, 10);
    const large = layoutNetwork(...Object.values(generatedGraph(1000)) as [NetworkNode[], NetworkEdge[]], PHONE);
    const labelled = large.nodes.filter((p) => p.label).length;
    assert.ok(labelled >= PHONE.maxLabels * 0.75, `only ${labelled} labels`);
  });

  it("draws at most the most cited actors, and labels at most the most cited of them", () => {
    const { nodes, edges } = generatedGraph(1000);
    for (const options of [WIDE, PHONE]) {
      const layout = layoutNetwork(nodes, edges, options);
      assert.equal(layout.nodes.length, options.maxNodes);
      const least = Math.min(...layout.nodes.map((p) => p.node.count));
      assert.ok(nodes.filter((node) => node.count > least).length <= options.maxNodes, "a more cited actor was left out");
      const sorted = [...layout.nodes].sort((a, b) => b.node.count - a.node.count);
      assert.ok(layout.nodes.filter((p) => p.label).every((p) => sorted.indexOf(p) < options.maxLabels), "a label went to an actor beyond the label budget");
      assert.ok(layout.edges.length <= 3 * options.maxNodes);
    }
  });

  it("gives the same drawing, byte for byte, every time, whatever order the graph comes in", () => {
    const { nodes, edges } = generatedGraph(50);
    const svg = (ns: NetworkNode[], es: NetworkEdge[]) => networkSvg(layoutNetwork(ns, es, WIDE), { id: "t", title: "Réseau", className: "network-wide", describe: (node) => node.name });
    const once = svg(nodes, edges);
    assert.equal(svg(nodes, edges), once);
    assert.equal(svg([...nodes].reverse(), [...edges].reverse()), once);
    assert.deepEqual(layoutNetwork(nodes, edges, PHONE), layoutNetwork(nodes, edges, PHONE));
  });

  it("packs unconnected groups together instead of sending them to the corners", () => {
    // Two groups of five and three loners, no line between them.
    const nodes: NetworkNode[] = Array.from({ length: 13 }, (_unused, i) => ({ id: `n${i}`, name: `Acteur ${i}`, label: `Acteur ${i}`, url: `/a/${i}/`, count: 10 - (i % 5), kind: "person" }));
    const edges: NetworkEdge[] = [];
    for (const group of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push({ source: `n${group + i}`, target: `n${group + j}`, weight: 2 });
    for (const options of [WIDE, PHONE]) {
      const layout = layoutNetwork(nodes, edges, options);
      const at = (i: number) => layout.nodes.find((p) => p.node.id === `n${i}`) as NetworkLayout["nodes"][number];
      let nearest = Infinity;
      for (let i = 0; i < 5; i++) for (let j = 5; j < 10; j++) nearest = Math.min(nearest, Math.hypot(at(i).x - at(j).x, at(i).y - at(j).y));
      assert.ok(nearest < 10 * options.fontSize, `the two groups are ${Math.round(nearest)} units apart`);
      assert.ok(layout.height < 1.5 * options.width, `a drawing of 13 actors is ${layout.height} units tall`);
    }
  });

  it("reserves at least the width a system font takes for a label", () => {
    // 0.5 em a character is about the average of system sans-serifs; capitals take more.
    assert.ok(labelWidth("Abdellatif Hammouchi", 16) >= 20 * 0.5 * 16);
    assert.ok(labelWidth("DGSN", 16) >= 4 * 0.65 * 16);
    assert.ok(labelWidth("Mohammed Mwamba", 13) > labelWidth("Illi jill", 13));
  });
});

describe("the actors' network drawing", () => {
  const { nodes, edges } = generatedGraph(12);
  const svg = networkSvg(layoutNetwork(nodes, edges, WIDE), { id: "network-title", title: "Réseau <des> acteurs", className: "network-wide", describe: (node) => `${node.name} — ${node.count} articles` });

  it("is an SVG with a title, scaled by its viewBox, styled by classes alone", () => {
    assert.match(svg, /^<svg class="network network-wide" viewBox="0 0 960 \d+" role="group" aria-labelledby="network-title"/);
    assert.match(svg, /<title id="network-title">Réseau &lt;des&gt; acteurs<\/title>/);
    assert.doesNotMatch(svg, /style=|<script|stroke-width=|font-size=/);
  });

  it("makes every actor a link with its name and count as a tooltip, people as circles, institutions as squares", () => {
    assert.equal((svg.match(/<a href="\/acteurs\/\d+\/" class="node (person|agency)[^"]*"><title>[^<]+ — \d+ articles<\/title>/g) ?? []).length, 12);
    assert.equal((svg.match(/<circle /g) ?? []).length, nodes.filter((n) => n.kind === "person").length);
    assert.equal((svg.match(/<rect /g) ?? []).length, nodes.filter((n) => n.kind === "agency").length);
    assert.match(svg, /<line class="w[1-4]" /);
  });
});

const ref = (id: string, name = id): EntityRef => ({ id, name, via: "text", mentions: [name] });
function record(id: string, people: string[], agencies: string[] = []): ArticleRecord {
  return { id, body: "", people: people.map((p) => ref(p, `Personne ${p}`)), agencies: agencies.map((a) => ({ ...ref(a, `Institution ${a}`), acronym: a.toUpperCase() })), topics: [], places: [], outlet: null } as unknown as ArticleRecord;
}

describe("the actors' network from the archive", () => {
  const records = [record("1", ["ana", "ben"], ["dgsn"]), record("2", ["ana", "ben", "ben"]), record("3", ["ana", "cyr"], ["dgsn"]), record("4", ["dan"])];
  const index = termIndex(records);

  it("counts the articles that name each pair, an actor named twice counted once", () => {
    const { nodes, edges, total } = actorGraph(index, 10);
    assert.equal(total, 5);
    // Most cited first, then by name.
    assert.deepEqual(nodes.map((n) => [n.id, n.count, n.label]), [["person:ana", 3, "Personne ana"], ["agency:dgsn", 2, "DGSN"], ["person:ben", 2, "Personne ben"], ["person:cyr", 1, "Personne cyr"], ["person:dan", 1, "Personne dan"]]);
    const weight = (a: string, b: string) => edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))?.weight;
    assert.equal(weight("person:ana", "person:ben"), 2);
    assert.equal(weight("person:ana", "agency:dgsn"), 2);
    assert.equal(weight("person:ben", "agency:dgsn"), 1);
    assert.equal(weight("person:ben", "person:ben"), undefined);
    assert.equal(edges.length, 5);
  });

  it("keeps the most cited actors when the archive has more than the drawing shows", () => {
    const { nodes, edges } = actorGraph(index, 2);
    assert.deepEqual(nodes.map((n) => n.id), ["person:ana", "agency:dgsn"]);
    assert.deepEqual(edges, [{ source: "person:ana", target: "agency:dgsn", weight: 2 }]);
  });

  it("gives the page its two drawings, its key, its pairs, and a note once there are more actors than a phone shows", () => {
    const parts = networkPageParts(index, STRINGS.fr, 20);
    assert.match(parts.wide, /class="network network-wide"/);
    assert.match(parts.phone, /class="network network-phone"/);
    assert.equal(parts.legend?.edges, STRINGS.fr.networkEdges(2));
    assert.deepEqual(parts.pairs[0], { a: { name: "Personne ana", url: "/personnes/ana/" }, b: { name: "Institution dgsn", url: "/institutions/dgsn/" }, label: STRINGS.fr.togetherIn(2) });
    assert.equal(parts.capped, null);
    const many = termIndex(Array.from({ length: 60 }, (_unused, i) => record(String(i), [`p${i}`, `p${(i + 1) % 60}`])));
    const capped = networkPageParts(many, STRINGS.fr, 20).capped;
    assert.equal(capped?.text, STRINGS.fr.networkCapped(60, PHONE.maxNodes, 60));
    assert.equal(capped?.people.url, "/personnes/");
  });

  it("draws an actor's companions around it, the actor itself not a link to its own page", () => {
    const svg = companionsSvg(index, "person", index.terms.get("person")?.get("ana") as never, STRINGS.fr);
    assert.match(svg, /^<svg class="network network-companions" viewBox="0 0 340 \d+"/);
    assert.match(svg, /<title id="companions-title">Personne ana et les acteurs cités avec lui ou elle<\/title>/);
    // The actor in the middle of the drawing's width, its companions around it.
    assert.match(svg, /<g class="node person self"><title>Personne ana — 3 articles<\/title><circle cx="170" /);
    assert.deepEqual([...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]).sort(), ["/institutions/dgsn/", "/personnes/ben/", "/personnes/cyr/"]);
    assert.match(svg, /<title>Personne ben — ensemble dans 2 articles<\/title>/);
    assert.equal(companionsSvg(index, "person", index.terms.get("person")?.get("dan") as never, STRINGS.fr), "");
  });

  it("draws at most its node budget for an actor with many companions, the actor itself included", () => {
    const crowd = termIndex(Array.from({ length: 30 }, (_unused, i) => record(String(i), ["eve", `c${i}`])));
    const svg = companionsSvg(crowd, "person", crowd.terms.get("person")?.get("eve") as never, STRINGS.fr);
    // The actor is a group of its own; each companion, a link to its page.
    const nodes = [...svg.matchAll(/<(?:g|a href="[^"]*") class="node /g)].length;
    assert.equal(nodes, COMPANIONS.maxNodes);
    assert.match(svg, /<g class="node person self"><title>Personne eve/);
  });

  it("keeps the companions most often named with the actor, then the first by name among those tied", () => {
    // « zed » is named with « eve » three times, each « c… » once: zed, then nine of the c… in
    // the collator's order (« c1 » < « c10 » < « c2 »).
    const crowd = termIndex([...Array.from({ length: 30 }, (_unused, i) => record(String(i), ["eve", `c${i}`])), ...["x", "y", "z"].map((id) => record(id, ["zed", "eve"]))]);
    const svg = companionsSvg(crowd, "person", crowd.terms.get("person")?.get("eve") as never, STRINGS.fr);
    const linked = [...svg.matchAll(/<a href="\/personnes\/([^/]+)\/"/g)].map((m) => m[1]).sort();
    assert.deepEqual(linked, ["c0", "c1", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "zed"]);
    assert.match(svg, /<title>Personne zed — ensemble dans 3 articles<\/title>/);
  });

  it("computes the network of 10,000 articles and 1,200 actors, keeping the 20 strongest pairs", () => {
    const next = random(3);
    const people = Array.from({ length: 840 }, (_unused, i) => `p${i}`);
    const agencies = Array.from({ length: 360 }, (_unused, i) => `a${i}`);
    // A long tail: a few actors in many articles, most in a handful.
    const pick = (list: string[]) => list[Math.floor(list.length * next() ** 2.5)] as string;
    const archive = Array.from({ length: 10_000 }, (_unused, i) => record(String(i), Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(people)), Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(agencies))));
    const parts = networkPageParts(termIndex(archive), STRINGS.fr, 20);
    assert.ok(parts.wide.length > 0 && parts.pairs.length === 20);
  });
});
