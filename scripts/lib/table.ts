/** A table of figures as the benches print it: right-aligned columns under a ruled header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padStart(widths[column] as number)).join("  ");
  return `${line(header)}\n${line(widths.map((width) => "-".repeat(width)))}\n${rows.map(line).join("\n")}\n`;
}
