import type { Strings } from "./strings.ts";
import { compareNames, type TermEntry, type TermIndex } from "./term-index.ts";
import { urls, type TermKind } from "../model/urls.ts";

/**
 * The actors' network: who appears with whom. The graph is read from the term index (each
 * article's actors), laid out at build time and drawn as inline SVG in which every node is a
 * link to the actor's page. Nothing runs in the reader's browser.
 *
 * The layout is a force simulation (links pull, nodes repel, a pull to the centre keeps the
 * components of the graph together instead of sending them to the corners) in which every
 * node takes the room of its circle and of its label, so labels push each other apart. A last
 * pass places each label, most cited actors first, where it overlaps no other label and no
 * node; a label that finds no room is left out (the node keeps its tooltip and its link).
 * Everything is deterministic: the same graph gives the same drawing, byte for byte.
 */
export interface NetworkNode {
  id: string;
  name: string;
  /** What the drawing writes beside the node: an agency's acronym, a person's name. */
  label: string;
  url: string;
  count: number;
  kind: "person" | "agency";
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** How many articles name both. */
  weight: number;
}

/** A box in the drawing's units: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  node: NetworkNode;
  x: number;
  y: number;
  r: number;
  /** Where its label is written; none when the drawing has no room (or no label budget) for it. */
  label: Box | null;
}

export interface NetworkLayout {
  width: number;
  height: number;
  fontSize: number;
  nodes: PlacedNode[];
  edges: { a: PlacedNode; b: PlacedNode; weight: number }[];
}

export interface LayoutOptions {
  /** The drawing's width in user units; its height follows from the graph. */
  width: number;
  /** The labels' font size in user units (CSS sets the same size on them). */
  fontSize: number;
  /** At most this many nodes, the most cited, are drawn. */
  maxNodes: number;
  /** At most this many nodes, the most cited, are labelled. */
  maxLabels: number;
  minRadius: number;
  maxRadius: number;
  /** How much harder the pull to the centre is vertically than sideways: 2 makes a drawing about twice as wide as tall. */
  flatten: number;
  /** Keeps the most cited node at the centre (an actor among its companions). */
  centred?: boolean;
}

/**
 * The drawings the site makes. A wide one for screens of 48rem and more, shown at least
 * 45rem wide (16 units × 720/960 = 12 CSS px labels at the narrowest); a phone one drawn at
 * one unit per CSS pixel (13 px labels), with fewer nodes and labels; an actor's companions,
 * small enough for a column.
 */
export const WIDE: LayoutOptions = { width: 960, fontSize: 16, maxNodes: 150, maxLabels: 60, minRadius: 5, maxRadius: 16, flatten: 2 };
export const PHONE: LayoutOptions = { width: 340, fontSize: 13, maxNodes: 30, maxLabels: 20, minRadius: 4, maxRadius: 12, flatten: 1 };
export const COMPANIONS: LayoutOptions = { width: 340, fontSize: 13, maxNodes: 11, maxLabels: 11, minRadius: 5, maxRadius: 13, flatten: 1, centred: true };

const MARGIN = 8;
const ITERATIONS = 300;
/** Link length and repulsion, in font sizes: a drawing's spacing follows its labels. */
const LINK_DISTANCE = 4;
const CHARGE = -40;
/** Beyond this distance (in font sizes) nodes no longer repel: the pull to the centre keeps a large graph compact. */
const CHARGE_RANGE = 10;
const GRAVITY = 0.06;
const VELOCITY_DECAY = 0.4;
/** Room kept between a node and whatever is next to it. */
const GAP = 3;
/** The longest label drawn, in characters; the full name is in the node's tooltip. */
const LABEL_CHARACTERS = 26;
/** Edges drawn: each node's strongest few, and the strongest overall, up to a multiple of the node count. */
const EDGES_PER_NODE = 2;
const EDGES_CAP_PER_NODE = 3;

/** A label's text: short names as they are, long ones cut at a word with an ellipsis. */
export function labelText(label: string): string {
  if (label.length <= LABEL_CHARACTERS) return label;
  const cut = label.slice(0, LABEL_CHARACTERS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_CHARACTERS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A generous estimate of a label's width in a system sans-serif: the layout cannot measure
 * text, so it reserves more than the widest common fonts take (capitals, m and w are wide).
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) {
    if (/[ilj.,:;'’!|()\[\]\-]/.test(character) || character === "f" || character === "t" || character === "r") em += 0.36;
    else if (character === " ") em += 0.3;
    else if (/[mwMW]/.test(character)) em += 0.9;
    else if (/[A-ZÀ-ÖØ-Þ]/.test(character)) em += 0.72;
    else em += 0.6;
  }
  return Math.ceil(em * fontSize) + 2;
}

function labelHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3);
}

/**
 * Lays the most cited nodes out (they come most cited first) with their strongest edges.
 * Pure and deterministic; every circle and label ends inside `0 0 width height`.
 */
export function layoutNetwork(allNodes: readonly NetworkNode[], allEdges: readonly NetworkEdge[], options: LayoutOptions = WIDE): NetworkLayout {
  const { width, fontSize } = options;
  const nodes = [...allNodes].sort(byCount).slice(0, options.maxNodes);
  const n = nodes.length;
  const numbers = new Map(nodes.map((node, i) => [node.id, i]));
  const edges = strongestEdges(allEdges, numbers);
  const maxCount = Math.max(1, ...nodes.map((node) => node.count));
  const r = nodes.map((node) => options.minRadius + (options.maxRadius - options.minRadius) * Math.sqrt(node.count / maxCount));
  const labelled = nodes.map((_node, i) => i < options.maxLabels);
  const text = nodes.map((node) => labelText(node.label));
  const lw = text.map((t) => labelWidth(t, fontSize));
  const lh = labelHeight(fontSize);
  // The room each node takes, around its centre: its circle, and its label below it.
  const half = nodes.map((_node, i) => Math.min(width / 2 - MARGIN, labelled[i] ? Math.max(r[i] as number, (lw[i] as number) / 2) + GAP : (r[i] as number) + GAP));
  const above = r.map((radius) => radius + GAP);
  const below = nodes.map((_node, i) => (r[i] as number) + GAP + (labelled[i] ? lh + 2 : 0));

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  // A sunflower spiral from the centre, most cited first: no randomness, and no two nodes start together.
  const step = 8 + fontSize * 1.5;
  for (let i = 0; i < n; i++) {
    const radius = step * Math.sqrt(i + 0.5);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    x[i] = width / 2 + radius * Math.cos(angle);
    y[i] = radius * Math.sin(angle);
  }
  const degree = new Float64Array(n);
  for (const { a, b } of edges) {
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const clamp = (i: number) => {
    const h = half[i] as number;
    x[i] = Math.min(width - MARGIN - h, Math.max(MARGIN + h, x[i] as number));
  };

  const range2 = (CHARGE_RANGE * fontSize) ** 2;
  const alphaDecay = 1 - Math.pow(0.001, 1 / ITERATIONS);
  let alpha = 1;
  for (let tick = 0; tick < ITERATIONS; tick++) {
    alpha -= alpha * alphaDecay;
    for (const { a, b } of edges) {
      const dx = (x[b] as number) + (vx[b] as number) - (x[a] as number) - (vx[a] as number) || 1e-6;
      const dy = (y[b] as number) + (vy[b] as number) - (y[a] as number) - (vy[a] as number) || 1e-6;
      const distance = Math.hypot(dx, dy);
      const wanted = (r[a] as number) + (r[b] as number) + LINK_DISTANCE * fontSize;
      const strength = 1 / Math.min(degree[a] as number, degree[b] as number);
      const pull = ((distance - wanted) / distance) * alpha * strength;
      const bias = (degree[a] as number) / ((degree[a] as number) + (degree[b] as number));
      vx[b] = (vx[b] as number) - dx * pull * bias;
      vy[b] = (vy[b] as number) - dy * pull * bias;
      vx[a] = (vx[a] as number) + dx * pull * (1 - bias);
      vy[a] = (vy[a] as number) + dy * pull * (1 - bias);
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = (x[j] as number) - (x[i] as number);
        const dy = (y[j] as number) - (y[i] as number);
        const d2 = Math.max(dx * dx + dy * dy, 25);
        if (d2 > range2) continue;
        const push = (CHARGE * fontSize * alpha) / d2;
        vx[i] = (vx[i] as number) + dx * push;
        vy[i] = (vy[i] as number) + dy * push;
        vx[j] = (vx[j] as number) - dx * push;
        vy[j] = (vy[j] as number) - dy * push;
      }
    }
    for (let i = 0; i < n; i++) {
      vx[i] = ((vx[i] as number) + (width / 2 - (x[i] as number)) * GRAVITY * alpha) * (1 - VELOCITY_DECAY);
      vy[i] = ((vy[i] as number) - (y[i] as number) * GRAVITY * options.flatten * alpha) * (1 - VELOCITY_DECAY);
      x[i] = (x[i] as number) + (vx[i] as number);
      y[i] = (y[i] as number) + (vy[i] as number);
      clamp(i);
    }
    if (options.centred && n > 0) pin();
    separate(0.7);
  }
  // The forces have settled: push apart whatever still overlaps, until nothing does.
  for (let pass = 0; pass < 100 && separate(1); pass++);

  function pin() {
    x[0] = width / 2;
    y[0] = 0;
    vx[0] = 0;
    vy[0] = 0;
  }

  /** Pushes overlapping footprints apart along their smaller overlap; true if any overlapped. */
  function separate(strength: number): boolean {
    let any = false;
    // The last passes push a little further than the overlap, so a stack of nodes comes apart in a few passes.
    const slack = strength === 1 ? 1 : 0.01;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ox = (half[i] as number) + (half[j] as number) - Math.abs((x[j] as number) - (x[i] as number));
        if (ox <= 0) continue;
        const jBelow = (y[j] as number) >= (y[i] as number);
        const oy = jBelow ? (below[i] as number) + (above[j] as number) - ((y[j] as number) - (y[i] as number)) : (below[j] as number) + (above[i] as number) - ((y[i] as number) - (y[j] as number));
        if (oy <= 0) continue;
        any = true;
        // Sideways when that is the shorter way, up and down when it is not or when a wall is in the way.
        if (ox < oy) {
          const shift = ((ox + slack) / 2) * strength;
          const [wi, wj] = moves(i, j);
          const sign = (x[j] as number) > (x[i] as number) || ((x[j] as number) === (x[i] as number) && j > i) ? 1 : -1;
          x[i] = (x[i] as number) - shift * sign * wi;
          x[j] = (x[j] as number) + shift * sign * wj;
          clamp(i);
          clamp(j);
          if ((half[i] as number) + (half[j] as number) - Math.abs((x[j] as number) - (x[i] as number)) <= ox * (1 - strength) + 0.02) continue;
        }
        const shift = ((oy + slack) / 2) * strength;
        const [wi, wj] = moves(i, j);
        const sign = jBelow ? 1 : -1;
        y[i] = (y[i] as number) - shift * sign * wi;
        y[j] = (y[j] as number) + shift * sign * wj;
      }
    }
    return any;
  }

  /** How much of a shift each of two nodes takes: half each, or all of it beside a pinned node. */
  function moves(i: number, j: number): [number, number] {
    return options.centred && i === 0 ? [0, 2] : [1, 1];
  }

  // Labels, most cited first, where they collide with nothing.
  const placed: PlacedNode[] = nodes.map((node, i) => ({ node, x: x[i] as number, y: y[i] as number, r: r[i] as number, label: null }));
  const taken: Box[] = [];
  const discs = placed.map((p) => ({ x: p.x - p.r - 1, y: p.y - p.r - 1, width: 2 * p.r + 2, height: 2 * p.r + 2 }));
  for (let i = 0; i < n; i++) {
    if (!labelled[i]) continue;
    const p = placed[i] as PlacedNode;
    const w = lw[i] as number;
    const d = p.r + 2;
    const candidates: [number, number][] = [
      [p.x - w / 2, p.y + d],
      [p.x - w / 2, p.y - d - lh],
      [p.x + d + 1, p.y - lh / 2],
      [p.x - d - 1 - w, p.y - lh / 2],
      [p.x + d * 0.7, p.y + d * 0.7],
      [p.x - d * 0.7 - w, p.y + d * 0.7],
      [p.x + d * 0.7, p.y - d * 0.7 - lh],
      [p.x - d * 0.7 - w, p.y - d * 0.7 - lh],
    ];
    for (const [left, top] of candidates) {
      const box = { x: left, y: top, width: w, height: lh };
      if (left < MARGIN / 2 || left + w > width - MARGIN / 2) continue;
      if (taken.some((other) => overlaps(box, other, 1)) || discs.some((disc) => overlaps(box, disc, 0))) continue;
      p.label = box;
      taken.push(box);
      break;
    }
  }

  // The drawing starts at its top margin, whatever the simulation's origin.
  const top = Math.min(0, ...placed.map((p) => Math.min(p.y - p.r, p.label?.y ?? Infinity)));
  const bottom = Math.max(0, ...placed.map((p) => Math.max(p.y + p.r, p.label ? p.label.y + p.label.height : -Infinity)));
  const shift = MARGIN - top;
  const round = (value: number) => Math.round(value * 10) / 10;
  for (const p of placed) {
    p.x = round(p.x);
    p.y = round(p.y + shift);
    p.r = round(p.r);
    if (p.label) p.label = { x: round(p.label.x), y: round(p.label.y + shift), width: p.label.width, height: p.label.height };
  }
  return {
    width,
    height: Math.ceil(bottom - top + 2 * MARGIN),
    fontSize,
    nodes: placed,
    edges: edges.map(({ a, b, weight }) => ({ a: placed[a] as PlacedNode, b: placed[b] as PlacedNode, weight })),
  };
}

export function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

function byCount(a: NetworkNode, b: NetworkNode): number {
  return b.count - a.count || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byWeight(a: NetworkEdge, b: NetworkEdge): number {
  return b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
}

/** The edges between drawn nodes worth drawing: each node's strongest few, then the strongest overall. */
function strongestEdges(edges: readonly NetworkEdge[], numbers: ReadonlyMap<string, number>): { a: number; b: number; weight: number }[] {
  const inside = edges.filter((edge) => numbers.has(edge.source) && numbers.has(edge.target) && edge.source !== edge.target).sort(byWeight);
  const cap = EDGES_CAP_PER_NODE * numbers.size;
  if (inside.length <= cap) return inside.map(numbered);
  const perNode = new Map<string, number>();
  const kept = new Set<NetworkEdge>();
  for (const edge of inside) {
    const a = perNode.get(edge.source) ?? 0;
    const b = perNode.get(edge.target) ?? 0;
    if (a < EDGES_PER_NODE || b < EDGES_PER_NODE) {
      kept.add(edge);
      perNode.set(edge.source, a + 1);
      perNode.set(edge.target, b + 1);
    }
  }
  for (const edge of inside) {
    if (kept.size >= cap) break;
    kept.add(edge);
  }
  return inside.filter((edge) => kept.has(edge)).slice(0, cap).map(numbered);

  function numbered(edge: NetworkEdge) {
    return { a: numbers.get(edge.source) as number, b: numbers.get(edge.target) as number, weight: edge.weight };
  }
}

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
  all.sort((a, b) => byCount(a.node, b.node));
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
  const edges = [...weights].map(([pair, weight]) => ({ source: (nodes[Math.floor(pair / size)] as NetworkNode).id, target: (nodes[pair % size] as NetworkNode).id, weight })).sort(byWeight);
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
  const companions = [...counts.keys()]
    .map((number) => ({ number, count: counts.get(number) as number, node: nodeOf(number) }))
    .sort((a, b) => b.count - a.count || compareNames(a.node.name, b.node.name) || a.number - b.number)
    .slice(0, COMPANIONS.maxNodes - 1);
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
