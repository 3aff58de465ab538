import type { ToolCallEvent } from "../tool-call-event.js";

/**
 * What happens to a tool call no plugin handled: strict parse and a known name, or a short
 * rejection. Tool-repair replaces this with schema-aware repair; without it the agent still works.
 */
export function settleToolCall(event: ToolCallEvent): ToolCallEvent {
  if (event.status !== "pending") return event;
  const { raw, tools } = event;
  if (!tools.some((tool) => tool.name === raw.name)) {
    return { ...event, status: "rejected", error: `Unknown tool "${raw.name}". Available tools: ${tools.map((tool) => tool.name).join(", ")}.` };
  }
  const text = raw.arguments.trim() === "" ? "{}" : raw.arguments;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    return { ...event, status: "runnable", calls: [{ id: raw.id, name: raw.name, arguments: parsed as Record<string, unknown> }] };
  } catch {
    return { ...event, status: "rejected", error: `The arguments of ${raw.name} are not a JSON object. Send the arguments as one JSON object matching the tool's schema.` };
  }
}
