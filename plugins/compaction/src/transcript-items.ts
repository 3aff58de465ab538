import type { ChatMessage, ContentPart } from "@bridle/core";
import { contentText, messageLength } from "./message-content.js";
import type { MessageCounter } from "./message-counter.js";

/** One message of the history as the summarizer reads it, with its estimated size. */
export interface TranscriptItem {
  text: string;
  /** Estimated tokens of `text`. */
  tokens: number;
}

/** How history is rendered for the summarizer. */
export interface TranscriptOptions {
  /** Tool outputs longer than this many characters are clipped (head and tail kept). */
  clipChars: number;
}

/** Characters of tool-call arguments shown to the summarizer. */
const ARGUMENT_CHARS = 600;
/** Tokens of the role header and separators an item adds. */
const ITEM_OVERHEAD = 6;

/**
 * Turns history into plain-text items for the summarizer: roles as headers, tool calls with
 * their (clipped) arguments, tool outputs clipped to `clipChars`, images replaced by a note, and
 * reasoning left out. Sizes are estimated from the session's cached per-message counts (scaled
 * by how much text an item keeps), so nothing is tokenized again: compacting a 1M-token session
 * costs string work, not a second pass of the tokenizer.
 */
export function transcriptItems(messages: readonly ChatMessage[], options: TranscriptOptions, counter: MessageCounter): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  for (const message of messages) {
    const text = renderItem(message, options.clipChars);
    const perCharacter = counter.countMessage(message) / Math.max(1, messageLength(message));
    items.push({ text, tokens: Math.ceil(text.length * perCharacter) + ITEM_OVERHEAD });
  }
  return items;
}

function renderItem(message: ChatMessage, clipChars: number): string {
  switch (message.role) {
    case "system":
      return `[system]\n${message.content}`;
    case "user":
      return `[user]\n${contentText(message.content)}${imageNotes(message.content)}`;
    case "assistant": {
      let text = `[assistant]`;
      if (message.content) text += `\n${message.content}`;
      for (const call of message.toolCalls ?? []) text += `\n[call ${call.name} ${clip(call.arguments.replace(/\s+/g, " "), ARGUMENT_CHARS)}]`;
      return text;
    }
    case "tool":
      return `[result of ${message.name ?? "tool"}${message.isError ? ", an error" : ""}]\n${clip(contentText(message.content), clipChars)}${imageNotes(message.content)}`;
  }
}

function imageNotes(content: string | ContentPart[]): string {
  if (typeof content === "string") return "";
  let notes = "";
  for (const part of content) {
    if (part.type === "image") notes += `\n[an image${part.mediaType ? ` (${part.mediaType})` : ""} was attached here; it is not preserved after compaction]`;
  }
  return notes;
}

/** The head and tail of a long text with a note of what was left out between them. */
export function clip(text: string, characters: number): string {
  if (text.length <= characters) return text;
  const head = Math.ceil(characters * 0.7);
  const tail = Math.max(0, characters - head);
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n[… ${omitted.toLocaleString("en-US")} characters omitted …]\n${tail > 0 ? text.slice(text.length - tail) : ""}`;
}
