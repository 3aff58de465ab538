import type { ToolCallEvent } from "@bridle/core";
import type { RepairResult } from "./repair/index.js";

/**
 * Applies a repair verdict to a tool-call event: valid or repaired calls become runnable (a raw
 * call split in several gets ids `id`, `id#1`, …), an unrecoverable one is rejected with the
 * hint as the tool result the model reads.
 */
export function settleRepair(event: ToolCallEvent, result: RepairResult): ToolCallEvent {
  if (result.status === "unrecoverable") {
    return { ...event, status: "rejected", repairs: result.repairs, error: result.hint ?? `The call to ${event.raw.name} could not be used.` };
  }
  const calls = result.calls.map((call, index) => ({
    id: index === 0 ? event.raw.id : `${event.raw.id}#${index}`,
    name: call.name,
    arguments: call.arguments,
  }));
  return { ...event, status: "runnable", calls, repairs: result.repairs };
}
