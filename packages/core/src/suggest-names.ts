/**
 * The candidates a mistyped name most likely meant, closest first: those it is a prefix of, else
 * those within a small edit distance (a third of the name's length, at least 1, at most 3).
 * Case-insensitive. Used for "did you mean" in config checks, commands and slash commands.
 */
export function suggestNames(typed: string, candidates: Iterable<string>): string[] {
  const wanted = typed.toLowerCase();
  if (wanted === "") return [];
  const names = [...new Set(candidates)];
  const prefixed = names.filter((name) => name.toLowerCase().startsWith(wanted));
  if (prefixed.length > 0) return prefixed.sort();
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  return names
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .map((entry) => entry.name);
}

/** `did you mean "a" or "b"?`, or an empty string when nothing is close. */
export function didYouMean(typed: string, candidates: Iterable<string>, quote: (name: string) => string = (name) => JSON.stringify(name)): string {
  const close = suggestNames(typed, candidates).slice(0, 3);
  if (close.length === 0) return "";
  return `did you mean ${close.length === 1 ? quote(close[0]!) : `${close.slice(0, -1).map(quote).join(", ")} or ${quote(close.at(-1)!)}`}?`;
}

/** Levenshtein distance with transpositions counted as one edit ("modle" → "model"). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
