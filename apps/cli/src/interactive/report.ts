/** How a report row is emphasised. */
export type RowTone = "normal" | "dim" | "current" | "warn" | "error";

/** One row of a report table. */
export interface ReportRow {
  cells: string[];
  tone?: RowTone;
}

/**
 * What a slash command prints: a title, an optional table, and notes. Commands build these as
 * plain data so that tests read them without a terminal; `ReportView` draws them.
 */
export interface Report {
  title: string;
  /** Column headers; a table without them is drawn headerless. */
  columns?: string[];
  rows: ReportRow[];
  /** Indexes of columns whose cells are right-aligned (numbers). */
  alignRight?: number[];
  notes?: string[];
}

/**
 * The table part of a report as padded plain-text lines (header first when there is one), each
 * with its row's tone. Columns are as wide as their widest cell; the last column is not padded.
 */
export function formatReportTable(report: Report): Array<{ text: string; tone: RowTone | "header" }> {
  const all = [...(report.columns ? [report.columns] : []), ...report.rows.map((row) => row.cells)];
  if (all.length === 0) return [];
  const count = Math.max(...all.map((cells) => cells.length));
  const widths = Array.from({ length: count }, (_, column) => Math.max(...all.map((cells) => [...(cells[column] ?? "")].length)));
  const right = new Set(report.alignRight ?? []);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const pad = " ".repeat(Math.max(0, widths[column]! - [...cell].length));
        if (right.has(column)) return pad + cell;
        return column === cells.length - 1 ? cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [
    ...(report.columns ? [{ text: line(report.columns), tone: "header" as const }] : []),
    ...report.rows.map((row) => ({ text: line(row.cells), tone: row.tone ?? ("normal" as const) })),
  ];
}
