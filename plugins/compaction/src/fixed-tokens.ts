import type { ChatMessage, ToolDefinition } from "@bridle/core";
import type { MessageCounter } from "./message-counter.js";
import type { CompactionSessionState } from "./session-state.js";

/** How many system messages lead the request (the part compaction never touches). */
export function leadingSystemCount(messages: readonly ChatMessage[]): number {
  let count = 0;
  while (count < messages.length && messages[count]!.role === "system") count += 1;
  return count;
}

/**
 * Local tokens of the leading system messages and the tools. The agent rebuilds the system
 * message for every request, so its count is remembered by text rather than by object; the tools
 * array is stable and the counter caches it.
 */
export function fixedTokens(
  messages: readonly ChatMessage[],
  systemCount: number,
  tools: readonly ToolDefinition[],
  state: CompactionSessionState,
  counter: MessageCounter & { countTools(tools: readonly ToolDefinition[]): number },
): number {
  let text = "";
  for (let index = 0; index < systemCount; index++) text += `${(messages[index] as { content: string }).content}\u0000`;
  if (state.system?.text !== text) {
    let tokens = 0;
    for (let index = 0; index < systemCount; index++) tokens += counter.countMessage(messages[index]!);
    state.system = { text, tokens };
  }
  return state.system.tokens + counter.countTools(tools);
}
