/**
 * A token count the way every screen, report and feed message shows it (one rule, so a window
 * reads the same everywhere): exact below a thousand, then
 * three significant digits with `k` or `M` (`950`, `1.2k`, `12.3k`, `262k`, `1.05M`).
 */
export function formatTokens(count: number): string {
  const value = Math.max(0, Math.round(count));
  if (value < 1_000) return String(value);
  if (value < 1_000_000) return `${significant(value / 1_000)}k`;
  return `${significant(value / 1_000_000)}M`;
}

/** A whole count with thousands separators, for tables where exact numbers matter. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}

function significant(value: number): string {
  // Truncate rather than round so that 262,144 reads 262k and a window never looks larger than it is.
  if (value >= 100) return String(Math.floor(value));
  if (value >= 10) return trimZero((Math.floor(value * 10) / 10).toFixed(1));
  return trimZero((Math.floor(value * 100) / 100).toFixed(2));
}

function trimZero(text: string): string {
  return text.replace(/\.?0+$/, "");
}
