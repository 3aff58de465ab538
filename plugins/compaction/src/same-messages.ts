import type { ChatMessage } from "@bridle/core";

/** True when two conversations hold the same message objects in the same order. */
export function sameMessages(first: readonly ChatMessage[], second: readonly ChatMessage[]): boolean {
  return first.length === second.length && first.every((message, index) => message === second[index]);
}
