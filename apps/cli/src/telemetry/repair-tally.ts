import type { FeedEvent } from "@bridle/core";

/** Tool-call repairs seen this session: count per rule, canonical model and gateway. */
export type RepairTally = Readonly<Record<string, number>>;

const SEPARATOR = "\u0000";

/**
 * Adds the rules a repair feed event reports (`tool.repaired`, `tool.unrecoverable`, or
 * `tool.extracted` for calls parsed out of the text) to the tally; other events leave it as is.
 */
export function tallyRepairs(tally: RepairTally, event: FeedEvent): RepairTally {
  if (!event.type.startsWith("tool.") || !event.data) return tally;
  const { model, gateway } = event.data;
  if (typeof model !== "string" || typeof gateway !== "string") return tally;
  const rules = Array.isArray(event.data.rules)
    ? event.data.rules
    : Array.isArray(event.data.grammars)
      ? event.data.grammars.map((grammar) => `leaked-${String(grammar)}`)
      : [];
  if (rules.length === 0) return tally;
  const next: Record<string, number> = { ...tally };
  for (const rule of rules) {
    const key = [String(rule), model, gateway].join(SEPARATOR);
    next[key] = (next[key] ?? 0) + 1;
  }
  return next;
}

/** `rule × count (model @ gateway)` lines, most frequent first. */
export function formatRepairTally(tally: RepairTally): string[] {
  return Object.entries(tally)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([key, count]) => {
      const [rule, model, gateway] = key.split(SEPARATOR);
      return `${rule} × ${count} (${model} @ ${gateway})`;
    });
}
