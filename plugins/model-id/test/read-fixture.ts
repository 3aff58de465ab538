import { readFileSync } from "node:fs";

/** Reads a TSV fixture beside the sources into objects keyed by its header row. */
export function readTsvFixture(name: string): Array<Record<string, string>> {
  const text = readFileSync(new URL(`../src/__fixtures__/${name}`, import.meta.url), "utf8");
  const [header, ...lines] = text.trimEnd().split("\n");
  const columns = (header ?? "").split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(columns.map((column, position) => [column, cells[position] ?? ""]));
  });
}
