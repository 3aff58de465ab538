/** Rule name recorded when several tool names glued into one are split. */
export const SPLIT_CONCATENATED_NAMES = "split-concatenated-names";

/**
 * Splits a name made of two or more offered tool names glued together
 * (`web_fetchweb_searchweb_fetch` → `web_fetch`, `web_search`, `web_fetch`), as happens when a
 * gateway merges the deltas of parallel calls. Case-insensitive; returns `null` unless the whole
 * name splits into offered names.
 */
export function splitConcatenatedNames(name: string, offered: readonly string[]): string[] | null {
  const lower = name.toLowerCase();
  const candidates = offered.filter((tool) => tool.length > 0).map((tool) => [tool.toLowerCase(), tool] as const);
  // Longest parts first, so `read_file` wins over `read` + `_file`.
  candidates.sort((left, right) => right[0].length - left[0].length);
  const memo = new Map<number, string[] | null>();
  const splitFrom = (start: number): string[] | null => {
    if (start === lower.length) return [];
    const known = memo.get(start);
    if (known !== undefined) return known;
    let result: string[] | null = null;
    for (const [key, tool] of candidates) {
      if (!lower.startsWith(key, start)) continue;
      const rest = splitFrom(start + key.length);
      if (rest !== null) {
        result = [tool, ...rest];
        break;
      }
    }
    memo.set(start, result);
    return result;
  };
  const parts = splitFrom(0);
  return parts !== null && parts.length >= 2 ? parts : null;
}
