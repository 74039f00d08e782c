/**
 * The actors' network: who appears with whom. Laid out at build time with a deterministic
 * force-directed layout (Fruchterman–Reingold from a circle, fixed iterations), drawn as an
 * SVG in which every node is a link to the actor's page.
 */
export interface NetworkNode {
  id: string;
  name: string;
  /** What the drawing writes under the node: an agency's acronym, a person's name. */
  label: string;
  url: string;
  count: number;
  kind: "person" | "agency";
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
}

const SIZE = 800;
const MARGIN = 70;
const ITERATIONS = 300;

export function layoutNetwork(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  // Positions and shifts by node number, in arrays: the loops below run n² × 300 times.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  nodes.forEach((_node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    x[i] = Math.cos(angle) * 0.4;
    y[i] = Math.sin(angle) * 0.4;
  });
  const positions = () => new Map(nodes.map((node, i) => [node.id, { x: x[i] as number, y: y[i] as number }]));
  if (n < 2) return scale(positions());
  const k = Math.sqrt(1 / n);
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const numbers = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.flatMap((edge) => {
    const a = numbers.get(edge.source);
    const b = numbers.get(edge.target);
    return a === undefined || b === undefined ? [] : [{ a, b, pull: 0.5 + edge.weight / maxWeight / 2 }];
  });
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const temperature = 0.1 * (1 - iteration / ITERATIONS);
    sx.fill(0);
    sy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = (x[i] as number) - (x[j] as number) || 1e-6;
        const dy = (y[i] as number) - (y[j] as number) || 1e-6;
        const distance = Math.max(1e-3, Math.hypot(dx, dy));
        const force = (k * k) / distance;
        sx[i] = (sx[i] as number) + (dx / distance) * force;
        sy[i] = (sy[i] as number) + (dy / distance) * force;
        sx[j] = (sx[j] as number) - (dx / distance) * force;
        sy[j] = (sy[j] as number) - (dy / distance) * force;
      }
    }
    for (const { a, b, pull } of links) {
      const dx = (x[a] as number) - (x[b] as number);
      const dy = (y[a] as number) - (y[b] as number);
      const distance = Math.max(1e-3, Math.hypot(dx, dy));
      const force = ((distance * distance) / k) * pull;
      sx[a] = (sx[a] as number) - (dx / distance) * force;
      sy[a] = (sy[a] as number) - (dy / distance) * force;
      sx[b] = (sx[b] as number) + (dx / distance) * force;
      sy[b] = (sy[b] as number) + (dy / distance) * force;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps unconnected nodes on the page.
      const shiftX = (sx[i] as number) - (x[i] as number) * 0.05;
      const shiftY = (sy[i] as number) - (y[i] as number) * 0.05;
      const length = Math.max(1e-9, Math.hypot(shiftX, shiftY));
      x[i] = (x[i] as number) + (shiftX / length) * Math.min(length, temperature);
      y[i] = (y[i] as number) + (shiftY / length) * Math.min(length, temperature);
    }
  }
  return scale(positions());
}

function scale(positions: Map<string, { x: number; y: number }>): Map<string, { x: number; y: number }> {
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, p] of positions) {
    out.set(id, {
      x: Math.round(MARGIN + ((p.x - minX) / span) * (SIZE - 2 * MARGIN)),
      y: Math.round(MARGIN + ((p.y - minY) / span) * (SIZE - 2 * MARGIN)),
    });
  }
  return out;
}

export function networkSvg(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[], title: string, describe: (node: NetworkNode) => string): string {
  if (nodes.length === 0) return "";
  const positions = layoutNetwork(nodes, edges);
  const maxCount = Math.max(1, ...nodes.map((n) => n.count));
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const lines = edges
    .map((edge) => {
      const a = positions.get(edge.source);
      const b = positions.get(edge.target);
      if (!a || !b) return "";
      return `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke-width="${(1 + (3 * edge.weight) / maxWeight).toFixed(1)}"/>`;
    })
    .join("");
  const circles = nodes
    .map((node) => {
      const p = positions.get(node.id) as { x: number; y: number };
      const r = (6 + 14 * Math.sqrt(node.count / maxCount)).toFixed(1);
      return `<a href="${escape(node.url)}" class="node ${node.kind}"><title>${escape(describe(node))}</title><circle cx="${p.x}" cy="${p.y}" r="${r}"/><text x="${p.x}" y="${(p.y + Number(r) + 14).toFixed(0)}">${escape(node.label)}</text></a>`;
    })
    .join("");
  return `<svg class="network" viewBox="0 0 ${SIZE} ${SIZE}" role="group" aria-labelledby="network-title" xmlns="http://www.w3.org/2000/svg"><title id="network-title">${escape(title)}</title><g class="edges">${lines}</g><g class="nodes">${circles}</g></svg>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
