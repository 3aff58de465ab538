import type { ToolCall } from "@bridle/core";
import type { ExtractedToolCall } from "./types.js";

function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A 9-character alphanumeric id that depends only on the message text and the call's position:
 * replaying the session renders the same bytes (prompt caches keep hitting), and 9 alphanumerics
 * is the one id shape Mistral's API accepts.
 */
function derivedId(messageText: string, index: number): string {
  const seed = `${index}\u0000${messageText}`;
  const high = fnv1a(seed, 0x811c9dc5).toString(36).padStart(7, "0");
  const low = fnv1a(seed, 0x9747b28c).toString(36).padStart(7, "0");
  return `${high}${low}`.slice(-9);
}

/**
 * Turns extracted calls into the chat shape the kernel carries (`arguments` as text). A native id
 * (Kimi's `functions.get_weather:0`) passes through verbatim because the model renders it back into
 * its prompt; other calls get a deterministic id derived from `messageText`.
 */
export function toChatToolCalls(calls: readonly ExtractedToolCall[], messageText: string): ToolCall[] {
  return calls.map((call, index) => ({
    id: call.id ?? derivedId(messageText, index),
    name: call.name,
    arguments: call.rawArguments ?? JSON.stringify(call.arguments),
  }));
}
