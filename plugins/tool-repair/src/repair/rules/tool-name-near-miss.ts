import { normalizeToolName } from "./tool-name-case.js";

/** Rule name recorded when a misspelled tool name was matched to the one offered tool it is close to. */
export const TOOL_NAME_NEAR_MISS = "tool-name-near-miss";

/** Edit distance with adjacent transpositions (optimal string alignment), stopping past `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, (previousPrevious[column - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}

/**
 * The offered tool a misspelled name most likely meant: one edit away for names of 6+ letters,
 * two for 12+, and strictly closer than any other offered tool. Short names never match
 * (`head` is not a typo of `read`). Only offered tools are candidates; `null` when unsure.
 */
export function matchToolNameNearMiss(name: string, offered: readonly string[]): string | null {
  const wanted = normalizeToolName(name);
  const limit = wanted.length >= 12 ? 2 : wanted.length >= 6 ? 1 : 0;
  if (limit === 0) return null;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of offered) {
    const distance = editDistance(wanted, normalizeToolName(candidate), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && distance <= limit) {
      tie = true;
    }
  }
  return best !== null && !tie && bestDistance <= limit ? best : null;
}
