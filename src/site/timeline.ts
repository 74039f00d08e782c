/**
 * A coverage timeline as an inline SVG drawn at build time: one bar per year (or per month
 * when the coverage spans less than three years), with a text alternative and a <title>
 * per bar for screen readers and hover.
 */
export interface TimelinePoint {
  /** "2020" or "2020-09". */
  key: string;
  label: string;
  /** Axis label, when this point carries one. */
  tick: string | null;
  count: number;
}

const WIDTH = 640;
const HEIGHT = 120;
const AXIS = 18;
/** Room for the first and last labels, centred under their bars. */
const PAD = 36;

export function coverageSeries(dates: readonly string[], monthLabel: (key: string) => string): TimelinePoint[] {
  const years = dates.map((d) => d.slice(0, 4)).filter((y) => /^\d{4}$/.test(y));
  if (years.length === 0) return [];
  const first = Math.min(...years.map(Number));
  const last = Math.max(...years.map(Number));
  if (last - first >= 3) {
    const counts = countBy(years);
    const every = Math.max(1, Math.ceil((last - first + 1) / 10));
    return range(first, last).map((year, i) => ({ key: String(year), label: String(year), tick: i % every === 0 || year === last ? String(year) : null, count: counts.get(String(year)) ?? 0 }));
  }
  const months = dates.filter((d) => /^\d{4}-\d{2}/.test(d)).map((d) => d.slice(0, 7));
  const counts = countBy(months);
  const points: TimelinePoint[] = [];
  for (let year = first; year <= last; year++) {
    for (let month = 1; month <= 12; month++) {
      const key = `${year}-${String(month).padStart(2, "0")}`;
      points.push({ key, label: monthLabel(key), tick: month === 1 ? String(year) : null, count: counts.get(key) ?? 0 });
    }
  }
  // Trim empty months at both ends, keeping at least one.
  const firstUsed = points.findIndex((p) => p.count > 0);
  const lastUsed = points.length - 1 - [...points].reverse().findIndex((p) => p.count > 0);
  const used = firstUsed === -1 ? points.slice(0, 1) : points.slice(firstUsed, lastUsed + 1);
  // The first month always says where the axis starts.
  return used.map((point, i) => (i === 0 ? { ...point, tick: point.label } : point));
}

export function timelineSvg(points: readonly TimelinePoint[], title: string, summary: (count: number) => string): string {
  if (points.length === 0) return "";
  const max = Math.max(1, ...points.map((p) => p.count));
  const slot = (WIDTH - 2 * PAD) / points.length;
  const barWidth = Math.max(1, Math.min(40, slot * 0.8));
  const bars = points
    .map((point, i) => {
      const height = Math.round(((HEIGHT - AXIS - 4) * point.count) / max);
      const x = (PAD + i * slot + (slot - barWidth) / 2).toFixed(1);
      const y = HEIGHT - AXIS - height;
      return `<rect x="${x}" y="${y}" width="${barWidth.toFixed(1)}" height="${height}"><title>${escape(point.label)} — ${escape(summary(point.count))}</title></rect>`;
    })
    .join("");
  const labels = points
    .map((point, i) => (point.tick ? `<text x="${(PAD + i * slot + slot / 2).toFixed(1)}" y="${HEIGHT - 4}">${escape(point.tick)}</text>` : ""))
    .join("");
  const total = points.reduce((sum, p) => sum + p.count, 0);
  // A dash, not a colon: French sets a colon off with a space, English does not, and this module speaks both.
  const description = `${summary(total)} — ${points.filter((p) => p.count > 0).map((p) => `${p.label} (${p.count})`).join(", ")}`;
  return `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg"><title id="timeline-title">${escape(title)}</title><desc id="timeline-desc">${escape(description)}</desc><g class="bars">${bars}</g><line x1="0" y1="${HEIGHT - AXIS}" x2="${WIDTH}" y2="${HEIGHT - AXIS}"/><g class="labels">${labels}</g></svg>`;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
