import type { AssistantMessage, Usage } from "../chat.js";
import type { FeedEvent } from "../feed-event.js";
import type { ModelTarget } from "../model-switch.js";

/** Why a turn ended. */
export type TurnEnd = "stop" | "length" | "error" | "aborted" | "doom-loop" | "max-steps";

/**
 * What an agent turn reports as it runs, in order. The CLI renders these; `--output stream-json`
 * prints one per line (the schema is documented in the CLI README).
 */
export type AgentEvent =
  | { type: "turn_start"; turn: number; model: string; gateway: string }
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "assistant"; message: AssistantMessage }
  | { type: "tool_call"; id: string; name: string; arguments: Record<string, unknown>; repairs: string[] }
  | { type: "tool_result"; id: string; name: string; content: string; isError: boolean; summary?: string; diff?: string }
  | { type: "usage"; model: string; gateway: string; usage: Usage; contextTokens: number; contextWindow: number }
  | { type: "feed"; event: FeedEvent }
  | { type: "compaction"; reason: string; tokensBefore: number; tokensAfter: number }
  | { type: "model_switch"; from: ModelTarget; to: ModelTarget; reason: string }
  /** Answer text whose request then failed: show it as interrupted; a retry may follow. */
  | { type: "interrupted_answer"; text: string; reason: string; gateway: string }
  | { type: "error"; message: string; gateway?: string; status?: number; requestId?: string }
  | { type: "done"; reason: TurnEnd; turn: number; message?: string };
