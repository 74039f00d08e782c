import { compareNames } from "./term-index.ts";

/**
 * The layout of an actors' network drawing (./network.ts draws it): a force simulation (links
 * pull, nodes repel, a pull to the centre keeps the components of the graph together instead
 * of sending them to the corners) in which every node takes the room of its circle and of its
 * label, so labels push each other apart. A last pass places each label, most cited actors
 * first, where it overlaps no other label and no node; a label that finds no room is left out
 * (the node keeps its tooltip and its link). Everything is deterministic: the same graph gives
 * the same drawing, byte for byte.
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
  /** Steps of the simulation: a dozen nodes settle in far fewer than a hundred and fifty. */
  iterations: number;
}

/**
 * The drawings the site makes. A wide one for screens of 48rem and more, shown at least
 * 45rem wide (16 units × 720/960 = 12 CSS px labels at the narrowest); a phone one drawn at
 * one unit per CSS pixel (13 px labels), with fewer nodes and labels; an actor's companions,
 * small enough for a column.
 */
export const WIDE: LayoutOptions = { width: 960, fontSize: 16, maxNodes: 150, maxLabels: 60, minRadius: 5, maxRadius: 16, flatten: 2, iterations: 300 };
export const PHONE: LayoutOptions = { width: 340, fontSize: 13, maxNodes: 30, maxLabels: 20, minRadius: 4, maxRadius: 12, flatten: 1, iterations: 300 };
export const COMPANIONS: LayoutOptions = { width: 340, fontSize: 13, maxNodes: 11, maxLabels: 11, minRadius: 5, maxRadius: 13, flatten: 1, centred: true, iterations: 60 };

const MARGIN = 8;
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
  const nodes = [...allNodes].sort(mostCitedFirst).slice(0, options.maxNodes);
  const n = nodes.length;
  const numbers = new Map(nodes.map((node, i) => [node.id, i]));
  const edges = strongestEdges(allEdges, numbers);
  const maxCount = Math.max(1, ...nodes.map((node) => node.count));
  const r = Float64Array.from(nodes, (node) => options.minRadius + (options.maxRadius - options.minRadius) * Math.sqrt(node.count / maxCount));
  const labelled = nodes.map((_node, i) => i < options.maxLabels);
  const lw = nodes.map((node) => labelWidth(labelText(node.label), fontSize));
  const lh = labelHeight(fontSize);
  const simulation = new ForceSimulation(options, r, edges, {
    // The room each node takes, around its centre: its circle, and its label below it.
    half: Float64Array.from(nodes, (_node, i) => Math.min(width / 2 - MARGIN, labelled[i] ? Math.max(r[i] as number, (lw[i] as number) / 2) + GAP : (r[i] as number) + GAP)),
    above: Float64Array.from(r, (radius) => radius + GAP),
    below: Float64Array.from(nodes, (_node, i) => (r[i] as number) + GAP + (labelled[i] ? lh + 2 : 0)),
  });
  simulation.run();
  const { x, y } = simulation;

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

/** The room each node takes around its centre: sideways, above and below. */
interface Footprints {
  half: Float64Array;
  above: Float64Array;
  below: Float64Array;
}

/**
 * The simulation's state, in flat arrays and methods without closures: the site lays out a
 * drawing per actor, so most layouts run before the engine has optimised this code.
 */
class ForceSimulation {
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly n: number;
  /** The edges' ends, their wanted lengths, strengths and how the pull is shared between the ends. */
  private readonly ends: Int32Array;
  private readonly wanted: Float64Array;
  private readonly strength: Float64Array;
  private readonly bias: Float64Array;
  private readonly width: number;
  private readonly flatten: number;
  private readonly iterations: number;
  private readonly chargeScale: number;
  private readonly range2: number;
  /** The first node stays at the centre, and takes none of a shift beside another. */
  private readonly centred: boolean;

  constructor(
    options: LayoutOptions,
    r: Float64Array,
    edges: readonly { a: number; b: number }[],
    private readonly room: Footprints,
  ) {
    const n = r.length;
    this.n = n;
    this.width = options.width;
    this.flatten = options.flatten;
    this.iterations = options.iterations;
    this.chargeScale = CHARGE * options.fontSize;
    this.range2 = (CHARGE_RANGE * options.fontSize) ** 2;
    this.centred = options.centred === true;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.vx = new Float64Array(n);
    this.vy = new Float64Array(n);
    // A sunflower spiral from the centre, most cited first: no randomness, and no two nodes start together.
    const step = 8 + options.fontSize * 1.5;
    for (let i = 0; i < n; i++) {
      const radius = step * Math.sqrt(i + 0.5);
      const angle = i * Math.PI * (3 - Math.sqrt(5));
      this.x[i] = options.width / 2 + radius * Math.cos(angle);
      this.y[i] = radius * Math.sin(angle);
    }
    const degree = new Float64Array(n);
    for (const { a, b } of edges) {
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    this.ends = new Int32Array(edges.length * 2);
    this.wanted = new Float64Array(edges.length);
    this.strength = new Float64Array(edges.length);
    this.bias = new Float64Array(edges.length);
    edges.forEach(({ a, b }, e) => {
      this.ends[2 * e] = a;
      this.ends[2 * e + 1] = b;
      this.wanted[e] = (r[a] as number) + (r[b] as number) + LINK_DISTANCE * options.fontSize;
      this.strength[e] = 1 / Math.min(degree[a] as number, degree[b] as number);
      this.bias[e] = (degree[a] as number) / ((degree[a] as number) + (degree[b] as number));
    });
  }

  run(): void {
    const alphaDecay = 1 - Math.pow(0.001, 1 / this.iterations);
    let alpha = 1;
    for (let tick = 0; tick < this.iterations; tick++) {
      alpha -= alpha * alphaDecay;
      this.pull(alpha);
      this.repel(alpha);
      this.move(alpha);
      if (this.centred && this.n > 0) this.pin();
      this.separate(0.7);
    }
    // The forces have settled: push apart whatever still overlaps, until nothing does.
    for (let pass = 0; pass < 100 && this.separate(1); pass++);
  }

  /** Links pull their ends towards their wanted length. */
  private pull(alpha: number): void {
    const { x, y, vx, vy, ends } = this;
    for (let e = 0; e < this.wanted.length; e++) {
      const a = ends[2 * e] as number;
      const b = ends[2 * e + 1] as number;
      const dx = (x[b] as number) + (vx[b] as number) - (x[a] as number) - (vx[a] as number) || 1e-6;
      const dy = (y[b] as number) + (vy[b] as number) - (y[a] as number) - (vy[a] as number) || 1e-6;
      const distance = Math.sqrt(dx * dx + dy * dy);
      const pull = ((distance - (this.wanted[e] as number)) / distance) * alpha * (this.strength[e] as number);
      const bias = this.bias[e] as number;
      vx[b] = (vx[b] as number) - dx * pull * bias;
      vy[b] = (vy[b] as number) - dy * pull * bias;
      vx[a] = (vx[a] as number) + dx * pull * (1 - bias);
      vy[a] = (vy[a] as number) + dy * pull * (1 - bias);
    }
  }

  /** Nodes within range push each other away. */
  private repel(alpha: number): void {
    const { x, y, vx, vy, n } = this;
    const charge = this.chargeScale * alpha;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = (x[j] as number) - (x[i] as number);
        const dy = (y[j] as number) - (y[i] as number);
        const d2 = Math.max(dx * dx + dy * dy, 25);
        if (d2 > this.range2) continue;
        const push = charge / d2;
        vx[i] = (vx[i] as number) + dx * push;
        vy[i] = (vy[i] as number) + dy * push;
        vx[j] = (vx[j] as number) - dx * push;
        vy[j] = (vy[j] as number) - dy * push;
      }
    }
  }

  /** The pull to the centre, then each node moves by its slowed velocity, kept inside the walls. */
  private move(alpha: number): void {
    const { x, y, vx, vy, n } = this;
    const centre = this.width / 2;
    for (let i = 0; i < n; i++) {
      vx[i] = ((vx[i] as number) + (centre - (x[i] as number)) * GRAVITY * alpha) * (1 - VELOCITY_DECAY);
      vy[i] = ((vy[i] as number) - (y[i] as number) * GRAVITY * this.flatten * alpha) * (1 - VELOCITY_DECAY);
      x[i] = (x[i] as number) + (vx[i] as number);
      y[i] = (y[i] as number) + (vy[i] as number);
      this.clamp(i);
    }
  }

  private pin(): void {
    this.x[0] = this.width / 2;
    this.y[0] = 0;
    this.vx[0] = 0;
    this.vy[0] = 0;
  }

  /** Keeps a node's footprint between the side walls. */
  private clamp(i: number): void {
    const h = this.room.half[i] as number;
    this.x[i] = Math.min(this.width - MARGIN - h, Math.max(MARGIN + h, this.x[i] as number));
  }

  /** Pushes overlapping footprints apart along their smaller overlap; true if any overlapped. */
  private separate(strength: number): boolean {
    const { x, y, n } = this;
    const { half, above, below } = this.room;
    let any = false;
    // The last passes push a little further than the overlap, so a stack of nodes comes apart in a few passes.
    const slack = strength === 1 ? 1 : 0.01;
    for (let i = 0; i < n; i++) {
      // How much of a shift each node takes: half each, or all of it beside a pinned node.
      const wi = this.centred && i === 0 ? 0 : 1;
      const wj = this.centred && i === 0 ? 2 : 1;
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
          const sign = (x[j] as number) > (x[i] as number) || ((x[j] as number) === (x[i] as number) && j > i) ? 1 : -1;
          x[i] = (x[i] as number) - shift * sign * wi;
          x[j] = (x[j] as number) + shift * sign * wj;
          this.clamp(i);
          this.clamp(j);
          if ((half[i] as number) + (half[j] as number) - Math.abs((x[j] as number) - (x[i] as number)) <= ox * (1 - strength) + 0.02) continue;
        }
        const shift = ((oy + slack) / 2) * strength;
        const sign = jBelow ? 1 : -1;
        y[i] = (y[i] as number) - shift * sign * wi;
        y[j] = (y[j] as number) + shift * sign * wj;
      }
    }
    return any;
  }
}

export function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Most cited first; then by name, then by id: the same graph always gives the same order. */
export function mostCitedFirst(a: NetworkNode, b: NetworkNode): number {
  return b.count - a.count || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Strongest first; then by the ends' ids. */
export function strongestFirst(a: NetworkEdge, b: NetworkEdge): number {
  return b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
}

/** The edges between drawn nodes worth drawing: each node's strongest few, then the strongest overall. */
function strongestEdges(edges: readonly NetworkEdge[], numbers: ReadonlyMap<string, number>): { a: number; b: number; weight: number }[] {
  const inside = edges.filter((edge) => numbers.has(edge.source) && numbers.has(edge.target) && edge.source !== edge.target).sort(strongestFirst);
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

