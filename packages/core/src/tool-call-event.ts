import type { ToolCall, ToolDefinition } from "./chat.js";

/** A call ready to run: a known tool and arguments that passed validation. */
export interface RunnableCall {
  /** The gateway's id for the raw call; a call split in several gets `id`, `id#1`, `id#2`, … */
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * A tool call on its way through `onToolCall`. Taps return a new event: repair turns a
 * `pending` call into `runnable` calls or a `rejected` one with a hint, permission may reject.
 */
export interface ToolCallEvent {
  /** The call as the gateway sent it. Never changed. */
  readonly raw: ToolCall;
  /** The tools offered in this request. */
  readonly tools: readonly ToolDefinition[];
  /** The text of the assistant message the call came with (calls sometimes leak into it). */
  readonly content?: string | null;
  status: "pending" | "runnable" | "rejected";
  calls: RunnableCall[];
  /** Names of the repair rules that fired. */
  repairs: string[];
  /** For `rejected`: the tool result sent back to the model, short and precise. */
  error?: string;
}
