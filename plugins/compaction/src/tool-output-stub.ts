import type { ToolCall, ToolMessage } from "@bridle/core";
import { contentText, countImages } from "./message-content.js";

/** How every pruned tool output starts, so pruning can tell its own stubs apart. */
export const PRUNED_OUTPUT_MARKER = "[output pruned]";

/** Characters of a call's arguments quoted in its stub. */
const ARGUMENT_PREVIEW_CHARS = 160;

/**
 * The stub that replaces an old tool output: what was removed (tool, arguments, size) and how to
 * get it back (run the call again). It depends only on the message, its call and its token count,
 * so pruning the same history twice writes the same bytes and the prompt prefix stays stable.
 */
export function toolOutputStub(message: ToolMessage, call: ToolCall | undefined, tokens: number): ToolMessage {
  const name = call?.name ?? message.name ?? "the tool";
  const text = contentText(message.content);
  const images = countImages(message.content);
  const size = `${tokens.toLocaleString("en-US")} tokens, ${text.length.toLocaleString("en-US")} characters${images > 0 ? `, ${images} image${images === 1 ? "" : "s"}` : ""}`;
  const argumentsText = call ? previewArguments(call.arguments) : "";
  const outcome = message.isError ? "an error" : "its output";
  const content =
    `${PRUNED_OUTPUT_MARKER} ${name}${argumentsText ? ` ${argumentsText}` : ""} returned ${outcome} (${size}); it was removed from the ` +
    `conversation to save context. Call ${name} again with the same arguments if you need it.`;
  return {
    role: "tool",
    toolCallId: message.toolCallId,
    ...(message.name !== undefined ? { name: message.name } : {}),
    content,
    ...(message.isError ? { isError: true } : {}),
  };
}

/** True for a tool message that already is a stub. */
export function isPrunedStub(message: ToolMessage): boolean {
  return typeof message.content === "string" && message.content.startsWith(PRUNED_OUTPUT_MARKER);
}

/** Arguments on one line, cut to a preview. */
function previewArguments(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "" || flat === "{}") return "";
  return flat.length > ARGUMENT_PREVIEW_CHARS ? `${flat.slice(0, ARGUMENT_PREVIEW_CHARS)}…` : flat;
}
