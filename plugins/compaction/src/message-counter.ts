import type { TokenCounter } from "@bridle/core";

/**
 * What the pure functions need from the session's token counter: per-message counts (cached by
 * message identity) and text counts for the few new texts compaction writes.
 */
export type MessageCounter = Pick<TokenCounter, "countMessage" | "countMessages" | "countText">;
