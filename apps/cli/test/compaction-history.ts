import type { ChatMessage } from "@bridle/core";

const VOCABULARY = ["parser", "token", "window", "session", "gateway", "model", "buffer", "stream", "handler", "config", "kernel", "agent", "file", "index", "value", "return"];

/** Deterministic filler of about `count` tokens (each vocabulary word is one token). */
export function fillerText(count: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    parts.push(VOCABULARY[state % VOCABULARY.length]!);
    if (index % 16 === 15) parts.push("\n");
  }
  return parts.join(" ");
}

/**
 * An earlier session's conversation: `turns` turns of a question, a `read` call, a tool output of
 * `toolTokens` tokens and an answer. Reproducible, so every gateway resumes the same history.
 */
export function readingHistory(turns: number, toolTokens: number): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let turn = 1; turn <= turns; turn++) {
    const id = `history_${turn}`;
    messages.push(
      { role: "user", content: `Step ${turn}: look at module ${turn} and note what it exports.` },
      { role: "assistant", content: null, toolCalls: [{ id, name: "read", arguments: JSON.stringify({ path: `src/module-${turn}.ts` }) }] },
      { role: "tool", toolCallId: id, name: "read", content: fillerText(toolTokens, turn) },
      { role: "assistant", content: `Module ${turn} exports ${fillerText(40, turn + 7)}.` },
    );
  }
  return messages;
}
