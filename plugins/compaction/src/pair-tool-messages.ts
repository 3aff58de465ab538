import type { AssistantMessage, ChatMessage, ToolMessage } from "@bridle/core";

/** The result written for a call whose result was lost (an interrupted run, an old session). */
export const MISSING_TOOL_RESULT = "No result: this call's result is not in the conversation any more (interrupted or removed). Run the call again if you need it.";

/** What {@link pairToolMessages} did. */
export interface PairingOutcome {
  /** The repaired conversation; the input array itself when nothing needed repair. */
  messages: ChatMessage[];
  /** Tool results dropped because no call before them has their id. */
  droppedResults: number;
  /** Results written for calls that had none. */
  addedResults: number;
}

/**
 * Makes every tool result follow the assistant message that called it, and gives every call a
 * result: results without their call are dropped, calls without a result get a short error
 * result saying so. Gateways reject conversations with either orphan, and a compaction that cut
 * badly would otherwise break the session.
 *
 * Deterministic and idempotent; a well-formed conversation comes back as the same array, so the
 * bytes sent (and the prompt cache) do not change.
 */
export function pairToolMessages(messages: readonly ChatMessage[]): PairingOutcome {
  let output: ChatMessage[] | undefined;
  let droppedResults = 0;
  let addedResults = 0;
  let index = 0;
  while (index < messages.length) {
    const message = messages[index]!;
    if (message.role === "tool") {
      // A result with no assistant message right before its block: its call is gone.
      output ??= messages.slice(0, index);
      droppedResults += 1;
      index += 1;
      continue;
    }
    if (message.role !== "assistant" || !message.toolCalls || message.toolCalls.length === 0) {
      output?.push(message);
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < messages.length && messages[end]!.role === "tool") end += 1;
    const block = messages.slice(index + 1, end) as ToolMessage[];
    const repaired = pairBlock(message, block);
    if (repaired === undefined) {
      if (output) output.push(message, ...block);
    } else {
      output ??= messages.slice(0, index);
      output.push(message, ...repaired.results);
      droppedResults += repaired.dropped;
      addedResults += repaired.added;
    }
    index = end;
  }
  return { messages: output ?? (messages as ChatMessage[]), droppedResults, addedResults };
}

/** The block's results in call order with the gaps filled, or `undefined` when it is fine as it is. */
function pairBlock(assistant: AssistantMessage, block: readonly ToolMessage[]): { results: ToolMessage[]; dropped: number; added: number } | undefined {
  const calls = assistant.toolCalls ?? [];
  const callIds = new Set(calls.map((call) => call.id));
  const seen = new Set<string>();
  let intact = block.length === calls.length;
  for (const result of block) {
    if (!callIds.has(result.toolCallId) || seen.has(result.toolCallId)) intact = false;
    seen.add(result.toolCallId);
  }
  if (intact) return undefined;
  const byId = new Map<string, ToolMessage>();
  for (const result of block) if (callIds.has(result.toolCallId) && !byId.has(result.toolCallId)) byId.set(result.toolCallId, result);
  const results: ToolMessage[] = [];
  let added = 0;
  for (const call of calls) {
    const found = byId.get(call.id);
    if (found) results.push(found);
    else {
      results.push({ role: "tool", toolCallId: call.id, name: call.name, content: MISSING_TOOL_RESULT, isError: true });
      added += 1;
    }
  }
  return { results, dropped: block.length - byId.size, added };
}
