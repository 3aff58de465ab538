import { readFileSync } from "node:fs";

/** Rows of a JSONL fixture in `src/__fixtures__`. */
export function readFixture<Row>(name: string): Row[] {
  const text = readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Row);
}
