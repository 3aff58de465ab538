import type { ChatMessage } from "@bridle/core";
import { contentText } from "./message-content.js";
import type { MessageCounter } from "./message-counter.js";
import { clip } from "./transcript-items.js";

/** What a clipped output says about itself. */
export const CLIPPED_OUTPUT_NOTE = "[output clipped to fit the context window; run the call again with a narrower range to see the rest]";

/**
 * Clips tool outputs larger than `maxTokens` (head and tail kept, with a note), for the rare case
 * where the newest step alone does not fit the window. Deterministic; other messages are returned
 * as they are.
 */
export function clipOversizedOutputs(messages: readonly ChatMessage[], maxTokens: number, counter: MessageCounter): { messages: ChatMessage[]; clipped: number } {
  let clipped = 0;
  const output = messages.map((message) => {
    if (message.role !== "tool") return message;
    const tokens = counter.countMessage(message);
    if (tokens <= maxTokens) return message;
    const text = contentText(message.content);
    const characters = Math.max(200, Math.floor((text.length * maxTokens * 0.85) / tokens));
    clipped += 1;
    return { ...message, content: `${clip(text, characters)}\n${CLIPPED_OUTPUT_NOTE}` };
  });
  return { messages: clipped > 0 ? output : (messages as ChatMessage[]), clipped };
}
