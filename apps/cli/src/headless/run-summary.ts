import type { AgentEvent, ModelRegistry } from "@bridle/core";
import { usageCost } from "../interactive/cost-report.js";
import { addUsage, type UsageTotals } from "../interactive/usage-totals.js";

/** The totals `--output json` reports for a run. */
export interface RunTotals {
  usage: { input: number; cached: number; output: number };
  /** US dollars, when every model used has prices in the registry. */
  cost?: number;
  durationMs: number;
  /** Model requests made. */
  turns: number;
  toolCalls: number;
}

/** Events that are pieces of a stream; `--output json` leaves them out (stream-json has them). */
const CHUNKS = new Set<AgentEvent["type"]>(["text", "reasoning"]);

/** Whether `--output json` keeps this event in `events`. */
export function keepsInSummary(event: AgentEvent): boolean {
  return !CHUNKS.has(event.type);
}

/** Adds up a run's events: tokens in, cached and out, cost when prices are known, requests and tool calls. */
export function summarizeRun(events: readonly AgentEvent[], models: Pick<ModelRegistry, "get">, durationMs: number): RunTotals {
  let totals: UsageTotals = {};
  let toolCalls = 0;
  for (const event of events) {
    if (event.type === "usage") totals = addUsage(totals, event.model, event.gateway, event.usage);
    if (event.type === "tool_call") toolCalls += 1;
  }
  const entries = Object.values(totals);
  const costs = entries.map((total) => usageCost(total, models));
  const priced = entries.length > 0 && costs.every((cost) => cost !== undefined);
  return {
    usage: {
      input: entries.reduce((sum, total) => sum + total.inputTokens, 0),
      cached: entries.reduce((sum, total) => sum + total.cachedInputTokens, 0),
      output: entries.reduce((sum, total) => sum + total.outputTokens, 0),
    },
    ...(priced ? { cost: Number(costs.reduce((sum: number, cost) => sum + cost!, 0).toFixed(6)) } : {}),
    durationMs,
    turns: entries.reduce((sum, total) => sum + total.requests, 0),
    toolCalls,
  };
}
