import type { ChatMessage } from "@bridle/core";
import type { NewTranscriptEntry } from "./screen-state.js";

const ANSWER_LINES = 6;

/**
 * What a resumed session shows first: the last prompt and the start of the answer to it, so the
 * user sees where the conversation stopped without the whole history scrolling by.
 */
export function resumeRecap(messages: readonly ChatMessage[]): NewTranscriptEntry[] {
  const lastUser = messages.findLastIndex((message) => message.role === "user");
  if (lastUser === -1) return [];
  const prompt = messages[lastUser] as Extract<ChatMessage, { role: "user" }>;
  const text = typeof prompt.content === "string" ? prompt.content : prompt.content.map((part) => (part.type === "text" ? part.text : "[image]")).join(" ");
  const answer = messages
    .slice(lastUser + 1)
    .flatMap((message) => (message.role === "assistant" && message.content ? [message.content.trim()] : []))
    .filter(Boolean)
    .at(-1);
  const entries: NewTranscriptEntry[] = [{ kind: "user", text }];
  if (answer) {
    const lines = answer.split("\n");
    entries.push({ kind: "text", text: lines.slice(0, ANSWER_LINES).join("\n") + (lines.length > ANSWER_LINES ? `\n… ${lines.length - ANSWER_LINES} more lines` : "") });
  }
  return entries;
}
