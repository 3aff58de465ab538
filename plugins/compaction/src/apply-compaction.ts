import type { ChatMessage, CompactionInfo, FeedEvent, SessionContext } from "@bridle/core";
import { saveState } from "./saved-state.js";
import { type CompactionSessionState, STATE_KEY } from "./session-state.js";

/**
 * Swaps the session's conversation for its compacted form of `basis` (the snapshot it was computed
 * from; messages appended since are kept after it): the agent appends a compaction record (earlier
 * records stay in the log), the session's compaction count goes up by exactly one and is saved to
 * the log, and the feed says what happened. False, with nothing done, when another compaction
 * replaced the conversation meanwhile.
 */
export function applyCompaction(
  context: SessionContext,
  state: CompactionSessionState,
  messages: ChatMessage[],
  basis: readonly ChatMessage[],
  info: CompactionInfo,
  event: Omit<FeedEvent, "type" | "level"> & Partial<Pick<FeedEvent, "type" | "level">>,
): boolean {
  if (!context.conversation.replace(messages, info, basis)) return false;
  state.compactions += 1;
  state.ledger.reset();
  saveState(context, STATE_KEY, state.engine, state.compactions);
  context.emit({
    type: "compaction.done",
    level: "info",
    ...event,
    data: { ...info, ...event.data, model: context.model.id, gateway: context.gateway, compactions: state.compactions },
  });
  return true;
}
