import type { CanonicalModelId, ModelRegistry } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import type { Report, ReportRow } from "./report.js";
import type { UsageTotal, UsageTotals } from "./usage-totals.js";

/**
 * The cost of one model's usage in US dollars, from the registry's prices per million tokens:
 * cached prompt tokens at the cached price (the input price when none is listed), the rest at
 * the input price, output at the output price. Undefined when the model has no prices.
 */
export function usageCost(total: UsageTotal, models: Pick<ModelRegistry, "get">): number | undefined {
  const pricing = models.get(total.model as CanonicalModelId)?.pricing;
  if (!pricing) return undefined;
  const cached = Math.min(total.cachedInputTokens, total.inputTokens);
  return ((total.inputTokens - cached) * pricing.input + cached * (pricing.cachedInput ?? pricing.input) + total.outputTokens * pricing.output) / 1_000_000;
}

/** `/cost`: tokens in, cached and out per model @ gateway used in this screen, and their cost. */
export function costReport(totals: UsageTotals, models: Pick<ModelRegistry, "get">): Report {
  const entries = Object.values(totals);
  if (entries.length === 0) return { title: "cost · no requests yet", rows: [], notes: ["token counts appear after the first answer"] };
  const sum = { requests: 0, input: 0, cached: 0, output: 0, cost: 0, priced: true, cachedUnknown: 0 };
  const rows: ReportRow[] = entries.map((total) => {
    const cost = usageCost(total, models);
    sum.requests += total.requests;
    sum.input += total.inputTokens;
    sum.cached += total.cachedInputTokens;
    sum.output += total.outputTokens;
    sum.cachedUnknown += total.cachedUnknown;
    if (cost === undefined) sum.priced = false;
    else sum.cost += cost;
    return {
      cells: [`${total.model} @ ${total.gateway}`, String(total.requests), formatTokens(total.inputTokens), cachedCell(total.cachedInputTokens, total.cachedUnknown, total.requests), formatTokens(total.outputTokens), cost === undefined ? "n/a" : dollars(cost)],
    };
  });
  if (entries.length > 1) {
    rows.push({
      cells: ["total", String(sum.requests), formatTokens(sum.input), cachedCell(sum.cached, sum.cachedUnknown, sum.requests), formatTokens(sum.output), sum.priced ? dollars(sum.cost) : sum.cost > 0 ? `≥ ${dollars(sum.cost)}` : "n/a"],
      tone: "current",
    });
  }
  const notes: string[] = entries.filter((total) => (total.recent?.length ?? 0) > 0).map((total) => `cached per request, ${total.model} @ ${total.gateway} (latest last): ${recentCached(total)}`);
  if (!sum.priced) notes.push("n/a: the model registry lists no prices for that model");
  if (sum.cachedUnknown > 0) notes.push("?: the gateway did not report cached tokens for some requests");
  const ratio = sum.input > 0 ? Math.round((sum.cached / sum.input) * 100) : 0;
  return {
    title: `cost · ${formatTokens(sum.input)} in (${ratio}% cached) · ${formatTokens(sum.output)} out${sum.priced ? ` · ${dollars(sum.cost)}` : ""}`,
    columns: ["model @ gateway", "requests", "input", "cached", "output", "cost"],
    alignRight: [1, 2, 3, 4, 5],
    rows,
    notes,
  };
}

/** `0 / 12.3k · 11.9k / 13.1k · ? / 14k`: cached over prompt tokens of each recent request. */
function recentCached(total: UsageTotal): string {
  return (total.recent ?? [])
    .map((request) => `${request.cachedInputTokens === undefined ? "?" : formatTokens(Math.min(request.cachedInputTokens, request.inputTokens))} / ${formatTokens(request.inputTokens)}`)
    .join(" · ");
}

function cachedCell(cached: number, unknown: number, requests: number): string {
  if (unknown === requests) return "?";
  return unknown > 0 ? `${formatTokens(cached)}+?` : formatTokens(cached);
}

function dollars(amount: number): string {
  return amount >= 1 ? `$${amount.toFixed(2)}` : `$${amount.toFixed(4)}`;
}
