import type { ChatMessage } from "./chat.js";

/**
 * The messages of `current` appended after `basis`, an earlier snapshot of the same conversation:
 * `[]` when nothing was appended (or no basis is given), `undefined` when `current` does not
 * continue `basis` (it was replaced meanwhile). Messages are compared by identity: a conversation
 * only grows by appending, and a compaction makes new arrays.
 */
export function newerMessages(current: readonly ChatMessage[], basis: readonly ChatMessage[] | undefined): ChatMessage[] | undefined {
  if (basis === undefined || basis === current) return [];
  if (current.length < basis.length) return undefined;
  for (let index = 0; index < basis.length; index++) {
    if (current[index] !== basis[index]) return undefined;
  }
  return current.slice(basis.length);
}
