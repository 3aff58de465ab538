import type { ChatResponse } from "@bridle/core";

/** Output room for an answer cut inside a tool call: double, within the model's limit and the window. */
export function moreOutputRoom(response: ChatResponse, sent: number | undefined, limits: { contextWindow: number; maxOutputTokens: number }): number | undefined {
  if (response.finishReason !== "length" || !response.message.toolCalls?.length || sent === undefined) return undefined;
  const prompt = response.usage?.inputTokens ?? 0;
  const margin = Math.max(256, Math.ceil(limits.contextWindow * 0.01));
  const room = Math.min(limits.maxOutputTokens, limits.contextWindow - prompt - margin, sent * 2);
  return room > sent ? room : undefined;
}
