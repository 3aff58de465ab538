import type { AssistantMessage } from "@bridle/core";
import { extractToolCalls } from "./extract-tool-calls.js";
import { toChatToolCalls } from "./to-chat-tool-calls.js";
import type { ExtractOptions, OfferedTool } from "./types.js";

/**
 * The `afterResponse` step as a pure function: moves tool calls leaked into an assistant message's
 * text into its `toolCalls` (after any the gateway already parsed), leaves the text minus their
 * markup (`null` when nothing is left), and keeps Harmony `analysis` text as reasoning when the
 * message has none. Returns the same message object when no call was found.
 */
export function extractIntoMessage(message: AssistantMessage, tools?: readonly OfferedTool[], options?: ExtractOptions): AssistantMessage {
  if (typeof message.content !== "string" || message.content === "") return message;
  const result = extractToolCalls(message.content, tools, options);
  if (result.calls.length === 0) return message;
  const existing = message.toolCalls ?? [];
  const next: AssistantMessage = {
    ...message,
    content: result.content === "" ? null : result.content,
    toolCalls: [...existing, ...toChatToolCalls(result.calls, message.content)],
  };
  if (result.reasoning !== undefined && message.reasoning === undefined) next.reasoning = result.reasoning;
  return next;
}
