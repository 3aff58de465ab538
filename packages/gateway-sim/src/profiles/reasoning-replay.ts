/**
 * Index of the first assistant message that called tools without sending its reasoning back,
 * or -1. DeepSeek thinking mode and Kimi with thinking on refuse such conversations.
 */
export function assistantToolTurnWithoutReasoning(messages: unknown): number {
  if (!Array.isArray(messages)) return -1;
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index] as Record<string, unknown> | null;
    if (typeof message !== "object" || message === null || message.role !== "assistant") continue;
    if (!Array.isArray(message.tool_calls) || message.tool_calls.length === 0) continue;
    if (typeof message.reasoning_content !== "string") return index;
  }
  return -1;
}

/** Whether a request forces a tool (`tool_choice` of `required` or a named function). */
export function forcesToolChoice(toolChoice: unknown): boolean {
  return toolChoice === "required" || (typeof toolChoice === "object" && toolChoice !== null);
}
