import { formatTokens } from "@bridle/core";

/** How full the context is: below half, below three quarters, or beyond. */
export type GaugeLevel = "low" | "medium" | "high";

/** The always-visible context gauge. */
export interface ContextGauge {
  /** `ctx 12.3k/262k 5% ▰▱▱▱▱▱▱▱▱▱` */
  text: string;
  percent: number;
  level: GaugeLevel;
}

const FILLED = "▰";
const EMPTY = "▱";

/**
 * The gauge for `tokens` used of a `window`. A non-empty context always fills at least one cell,
 * so the bar never claims an empty window once anything is in it.
 */
export function contextGauge(tokens: number, window: number, cells = 10): ContextGauge {
  const ratio = window > 0 ? Math.max(0, tokens) / window : 0;
  const percent = Math.round(ratio * 100);
  const filled = Math.min(cells, tokens > 0 ? Math.max(1, Math.round(ratio * cells)) : 0);
  const level: GaugeLevel = ratio >= 0.75 ? "high" : ratio >= 0.5 ? "medium" : "low";
  return {
    text: `ctx ${formatTokens(tokens)}/${formatTokens(window)} ${percent}% ${FILLED.repeat(filled)}${EMPTY.repeat(cells - filled)}`,
    percent,
    level,
  };
}
