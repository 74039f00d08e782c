import type { Strings } from "./strings.ts";
import { compareNames, type TermEntry, type TermIndex } from "./term-index.ts";
import { topItems } from "./top.ts";
import { urls, type TermKind } from "../model/urls.ts";
import { COMPANIONS, labelText, layoutNetwork, mostCitedFirst, PHONE, strongestFirst, WIDE, type NetworkEdge, type NetworkLayout, type NetworkNode } from "./network-layout.ts";

/**
 * The actors' network: who appears with whom. The graph is read from the term index (each
 * article's actors), laid out at build time (./network-layout.ts) and drawn as inline SVG in
 * which every node is a link to the actor's page. Nothing runs in the reader's browser.
 */
/** The drawing as inline SVG: classes only (the CSP allows no style attribute), a title, every node a link with its tooltip. */
export function networkSvg(layout: NetworkLayout, options: { id: string; title: string; className: string; describe: (node: NetworkNode) => string; self?: string }): string {
  const maxWeight = Math.max(1, ...layout.edges.map((edge) => edge.weight));
  const lines = layout.edges
    .map(({ a, b, weight }) => `<line class="w${weightClass(weight, maxWeight)}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>`)
    .join("");
  const marks = layout.nodes
    .map((p) => {
      const shape =
        p.node.kind === "agency"
          ? `<rect x="${round1(p.x - p.r * 0.88)}" y="${round1(p.y - p.r * 0.88)}" width="${round1(p.r * 1.76)}" height="${round1(p.r * 1.76)}" rx="2"/>`
          : `<circle cx="${p.x}" cy="${p.y}" r="${p.r}"/>`;
      // The baseline sits where a system font's ascent ends inside the label's box.
      const label = p.label ? `<text x="${p.label.x + 1}" y="${round1(p.label.y + layout.fontSize * 0.98)}">${escape(labelText(p.node.label))}</text>` : "";
      const inner = `<title>${escape(options.describe(p.node))}</title>${shape}${label}`;
      return p.node.id === options.self ? `<g class="node ${p.node.kind} self">${inner}</g>` : `<a href="${escape(p.node.url)}" class="node ${p.node.kind}${p.label ? "" : " unlabelled"}">${inner}</a>`;
    })
    .join("");
  return `<svg class="network ${options.className}" viewBox="0 0 ${layout.width} ${layout.height}" role="group" aria-labelledby="${options.id}" xmlns="http://www.w3.org/2000/svg"><title id="${options.id}">${escape(options.title)}</title><g class="edges">${lines}</g><g class="nodes">${marks}</g></svg>`;
}

/** Four line widths, from one shared article to the most shared. */
function weightClass(weight: number, maxWeight: number): number {
  return Math.max(1, Math.min(4, Math.ceil((4 * weight) / maxWeight)));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Actor = { kind: "person" | "agency"; id: string; name: string };

function actorNode(index: TermIndex, actor: Actor): NetworkNode {
  const entry = index.terms.get(actor.kind)?.get(actor.id) as TermEntry;
  return { id: `${actor.kind}:${actor.id}`, name: entry.name, label: entry.acronym ?? entry.name, url: urls.term(actor.kind, actor.id), count: entry.positions.length, kind: actor.kind };
}

/** Each article's actors, once each (an article may name an actor under two names). */
function actorsOnce(list: readonly number[]): number[] {
  return list.length < 2 ? [...list] : [...new Set(list)];
}

/** The actors (at most `limit`, the most cited) and how many articles name each pair of them. */
export function actorGraph(index: TermIndex, limit: number): { nodes: NetworkNode[]; edges: NetworkEdge[]; total: number } {
  const all = index.actors.map((actor, number) => ({ number, node: actorNode(index, actor) }));
  all.sort((a, b) => mostCitedFirst(a.node, b.node));
  const chosen = all.slice(0, limit);
  const slot = new Int32Array(index.actors.length).fill(-1);
  chosen.forEach(({ number }, i) => (slot[number] = i));
  const weights = new Map<number, number>();
  const size = chosen.length;
  for (const list of index.actorsAt) {
    const present = actorsOnce(list).map((number) => slot[number] as number).filter((i) => i >= 0);
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const [a, b] = (present[i] as number) < (present[j] as number) ? [present[i] as number, present[j] as number] : [present[j] as number, present[i] as number];
        weights.set(a * size + b, (weights.get(a * size + b) ?? 0) + 1);
      }
    }
  }
  const nodes = chosen.map(({ node }) => node);
  const edges = [...weights].map(([pair, weight]) => ({ source: (nodes[Math.floor(pair / size)] as NetworkNode).id, target: (nodes[pair % size] as NetworkNode).id, weight })).sort(strongestFirst);
  return { nodes, edges, total: index.actors.length };
}

export interface NetworkPageParts {
  /** The drawing for wide screens and the one for phones (CSS shows one); empty without actors. */
  wide: string;
  phone: string;
  /** The key: what the shapes and lines mean. */
  legend: { person: string; agency: string; edges: string; unlabelled: string } | null;
  /** When the archive has more actors than the drawing shows: how many it shows, and where the others are. */
  capped: { text: string; people: { name: string; url: string }; agencies: { name: string; url: string } } | null;
  /** The text alternative: the pairs most often named together. */
  pairs: { a: { name: string; url: string }; b: { name: string; url: string }; label: string }[];
}

/** The network page's drawings, key and pairs, from the term index. */
export function networkPageParts(index: TermIndex, strings: Strings, pairsShown: number): NetworkPageParts {
  const { nodes, edges, total } = actorGraph(index, WIDE.maxNodes);
  const describe = (node: NetworkNode) => `${node.name} — ${strings.articlesCount(node.count)}`;
  const wide = layoutNetwork(nodes, edges, WIDE);
  const phone = layoutNetwork(nodes, edges, PHONE);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const maxWeight = Math.max(0, ...edges.map((edge) => edge.weight));
  return {
    wide: nodes.length ? networkSvg(wide, { id: "network-wide-title", title: strings.network, className: "network-wide", describe }) : "",
    phone: nodes.length ? networkSvg(phone, { id: "network-phone-title", title: strings.network, className: "network-phone", describe }) : "",
    legend: nodes.length ? { person: strings.person, agency: strings.agency, edges: strings.networkEdges(maxWeight), unlabelled: strings.networkUnlabelled } : null,
    capped:
      total > PHONE.maxNodes
        ? {
            text: strings.networkCapped(Math.min(total, WIDE.maxNodes), PHONE.maxNodes, total),
            people: { name: strings.people, url: urls.termIndex("person") },
            agencies: { name: strings.agencies, url: urls.termIndex("agency") },
          }
        : null,
    pairs: edges.slice(0, pairsShown).map((edge) => {
      const a = byId.get(edge.source) as NetworkNode;
      const b = byId.get(edge.target) as NetworkNode;
      return { a: { name: a.name, url: a.url }, b: { name: b.name, url: b.url }, label: strings.togetherIn(edge.weight) };
    }),
  };
}

/**
 * An actor and the actors most often named with it, as a small drawing: lines from the actor
 * to each (its articles that name both) and between them (its articles that name both of
 * them). Empty when the actor has no companion.
 */
export function companionsSvg(index: TermIndex, kind: TermKind, term: TermEntry, strings: Strings): string {
  if (kind !== "person" && kind !== "agency") return "";
  const self = index.actorNumbers.get(`${kind}:${term.id}`);
  if (self === undefined) return "";
  const counts = new Map<number, number>();
  for (const position of term.positions) {
    for (const actor of actorsOnce(index.actorsAt[position] ?? [])) if (actor !== self) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  }
  if (counts.size === 0) return "";
  const nodeOf = (number: number) => actorNode(index, index.actors[number] as Actor);
  // The most often named with it, then by name, then by number: an actor named in many
  // articles has hundreds of companions, of which only the drawing's few are made nodes.
  const countOf = (number: number) => counts.get(number) as number;
  const nameOf = (number: number) => (index.actors[number] as Actor).name;
  const better = (a: number, b: number) => countOf(a) > countOf(b) || (countOf(a) === countOf(b) && (compareNames(nameOf(a), nameOf(b)) || a - b) < 0);
  const companions = topItems(counts.keys(), COMPANIONS.maxNodes - 1, better).map((number) => ({ number, count: countOf(number), node: nodeOf(number) }));
  const slot = new Map(companions.map(({ number }, i) => [number, i]));
  const between = new Map<number, number>();
  for (const position of term.positions) {
    const present = actorsOnce(index.actorsAt[position] ?? []).map((number) => slot.get(number)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
    for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) {
      const pair = (present[i] as number) * companions.length + (present[j] as number);
      between.set(pair, (between.get(pair) ?? 0) + 1);
    }
  }
  const center = nodeOf(self);
  // The actor is drawn largest and first-placed; the companions' sizes say how often they are named with it.
  const nodes = [{ ...center, count: Math.max(center.count, ...companions.map((c) => c.count)) + 1 }, ...companions.map(({ node, count }) => ({ ...node, count }))];
  const edges: NetworkEdge[] = [
    ...companions.map(({ node, count }) => ({ source: center.id, target: node.id, weight: count })),
    ...[...between].map(([pair, weight]) => ({ source: (companions[Math.floor(pair / companions.length)] as (typeof companions)[number]).node.id, target: (companions[pair % companions.length] as (typeof companions)[number]).node.id, weight })),
  ];
  const layout = layoutNetwork(nodes, edges, COMPANIONS);
  return networkSvg(layout, {
    id: "companions-title",
    title: strings.companionsNetwork(term.name),
    className: "network-companions",
    describe: (node) => (node.id === center.id ? `${node.name} — ${strings.articlesCount(center.count)}` : `${node.name} — ${strings.togetherIn(node.count)}`),
    self: center.id,
  });
}
