import type { ChatMessage, ContentPart } from "@bridle/core";

/** The text of a message's content: a string, or its text parts joined by newlines. */
export function contentText(content: string | ContentPart[] | null): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  let text = "";
  for (const part of content) {
    if (part.type !== "text") continue;
    text += text.length > 0 ? `\n${part.text}` : part.text;
  }
  return text;
}

/** How many images a message's content carries. */
export function countImages(content: string | ContentPart[] | null): number {
  if (content === null || typeof content === "string") return 0;
  let images = 0;
  for (const part of content) if (part.type === "image") images += 1;
  return images;
}

/** Characters of everything a message says (content, reasoning, tool-call names and arguments). */
export function messageLength(message: ChatMessage): number {
  if (message.role === "assistant") {
    let length = (message.content ?? "").length + (message.reasoning ?? "").length;
    for (const call of message.toolCalls ?? []) length += call.name.length + call.arguments.length;
    return length;
  }
  return contentText(message.content).length;
}
