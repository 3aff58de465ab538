/** A model id that ends in a release date, split into the name and that date. */
export interface DatedSnapshot {
  /** The id without its date (`qwen3-coder-plus`). */
  base: string;
  /** The date as written (`2025-09-23`, `2507`). */
  date: string;
  /** The date as a number that grows with time within one naming scheme (`20250923`, `202507`). */
  order: number;
}

const MONTH = "(?:0[1-9]|1[0-2])";
const DAY = "(?:0[1-9]|[12]\\d|3[01])";

/**
 * Date endings labs and gateways put on checkpoints, longest first: `-2025-09-23` (DashScope,
 * OpenAI), `-20250923`, `-250923`, `-25-07` and `-2507` (Mistral's year and month), `-09-23` and
 * `-0923` (month and day, DeepSeek and Kimi). Each yields a sortable value with the year first
 * where there is one.
 */
const DATE_FORMS: ReadonlyArray<{ pattern: RegExp; order: (match: RegExpExecArray) => number }> = [
  { pattern: new RegExp(`-(20\\d{2})-(${MONTH})-(${DAY})$`), order: (m) => Number(`${m[1]}${m[2]}${m[3]}`) },
  { pattern: new RegExp(`-(20\\d{2})(${MONTH})(${DAY})$`), order: (m) => Number(`${m[1]}${m[2]}${m[3]}`) },
  { pattern: new RegExp(`-(2\\d)(${MONTH})(${DAY})$`), order: (m) => Number(`20${m[1]}${m[2]}${m[3]}`) },
  { pattern: new RegExp(`-(2\\d)-(${MONTH})$`), order: (m) => Number(`20${m[1]}${m[2]}00`) },
  { pattern: new RegExp(`-(2[3-9])(${MONTH})$`), order: (m) => Number(`20${m[1]}${m[2]}00`) },
  { pattern: new RegExp(`-(${MONTH})-?(${DAY})$`), order: (m) => Number(`${m[1]}${m[2]}`) },
];

/** Splits a trailing release date off a canonical id; `null` when the id ends in no date or is only a date. */
export function splitDatedSnapshot(id: string): DatedSnapshot | null {
  for (const form of DATE_FORMS) {
    const match = form.pattern.exec(id);
    if (match === null || !/[a-z]/i.test(id.slice(0, match.index))) continue;
    return { base: id.slice(0, match.index), date: match[0].slice(1), order: form.order(match) };
  }
  return null;
}
