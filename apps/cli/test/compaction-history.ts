import type { ChatMessage } from "@bridle/core";
import { words } from "../../../plugins/compaction/test/synthetic-conversation.js";

/** Deterministic filler of about `count` tokens: the compaction plugin's own test filler, one token a word. */
export function fillerText(count: number, seed: number): string {
  return words(count, seed);
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
