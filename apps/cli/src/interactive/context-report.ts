import type { LimitSource } from "@bridle/core";
import { formatCount, formatTokens } from "@bridle/core";
import type { ContextMeasure } from "./measure-context.js";
import { formatRepairTally, type RepairTally } from "../telemetry/repair-tally.js";
import type { Report, ReportRow } from "./report.js";

/** Where a window came from, in words. */
const SOURCE_WORDS: Readonly<Record<LimitSource, string>> = {
  registry: "from the model registry",
  gateway: "this gateway's own limit, smaller than the model's",
  learned: "learned from this gateway's overflow error",
  default: "unknown model: a conservative default",
};

/**
 * `/context`: the next request split into system prompt, tools, messages and tool results, the
 * output it reserves and what is left, against the window of the current model on the current
 * gateway (and where that window came from).
 */
export function contextReport(measure: ContextMeasure, reportedTokens?: number, repairs: RepairTally = {}): Report {
  const window = measure.limits.contextWindow;
  const { breakdown } = measure;
  const used = breakdown.total + measure.reservedOutput;
  const free = window - used;
  const share = (tokens: number) => (window > 0 ? `${((tokens / window) * 100).toFixed(1)}%` : "");
  const row = (label: string, tokens: number, tone?: ReportRow["tone"]): ReportRow => ({ cells: [label, formatCount(tokens), share(tokens)], ...(tone ? { tone } : {}) });
  const notes = [
    `window ${formatCount(window)} tokens: ${SOURCE_WORDS[measure.limits.source]}; max output ${formatCount(measure.limits.maxOutputTokens)}`,
    "counted locally with the o200k tokenizer; a model's own tokenizer differs by a few percent",
  ];
  if (reportedTokens !== undefined) notes.push(`the gateway last reported ${formatCount(reportedTokens)} tokens of prompt and answer`);
  if (free < 0) notes.push(overWindowAdvice(measure, -free));
  const repaired = formatRepairTally(repairs);
  if (repaired.length > 0) notes.push(`tool-call repairs this session: ${repaired.join("; ")}`);
  return {
    title: `context · ${measure.model} @ ${measure.gateway} · ${formatTokens(breakdown.total)} of ${formatTokens(window)} used (${share(breakdown.total)})`,
    columns: ["", "tokens", "window"],
    alignRight: [1, 2],
    rows: [
      row("system", breakdown.system),
      row("tools", breakdown.tools),
      row("messages", breakdown.messages),
      row("tool results", breakdown.toolResults),
      row("reserved output", measure.reservedOutput, "dim"),
      row("free", Math.max(0, free), free < 0 ? "error" : free < window * 0.25 ? "warn" : "current"),
    ],
    notes,
  };
}

/**
 * What to do when the next request does not fit: compacting helps only when the conversation
 * holds what is over; when the system prompt, tools and reserved answer alone fill the window,
 * only a larger window does.
 */
function overWindowAdvice(measure: ContextMeasure, over: number): string {
  const { breakdown } = measure;
  const conversation = breakdown.messages + breakdown.toolResults;
  const fixed = breakdown.system + breakdown.tools + measure.reservedOutput;
  const window = measure.limits.contextWindow;
  if (fixed < window && conversation > over) {
    return `over the window by ${formatCount(over)} tokens: /compact summarizes the older turns so the next request fits`;
  }
  return (
    `over the window by ${formatCount(over)} tokens: the system prompt, tools and reserved output alone take ${formatCount(fixed)} of ${formatCount(window)}, ` +
    "so compacting cannot make it fit: switch to a model with a larger window (/model)"
  );
}
