/** A plain left-aligned text table; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  if (rows.length === 0) return `${header.join("  ")}\n(none)\n`;
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ");
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}
