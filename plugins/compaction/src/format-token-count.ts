/**
 * A token count the way people read it in the feed: `612k`, `1.2M`, `950`. Rounds to whole
 * thousands above 10k so messages stay short and stable.
 */
export function formatTokenCount(tokens: number): string {
  const value = Math.max(0, Math.round(tokens));
  if (value >= 1_000_000) return `${trimZero((value / 1_000_000).toFixed(value >= 10_000_000 ? 0 : 1))}M`;
  if (value >= 10_000) return `${Math.round(value / 1000)}k`;
  if (value >= 1000) return `${trimZero((value / 1000).toFixed(1))}k`;
  return String(value);
}

function trimZero(text: string): string {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}
