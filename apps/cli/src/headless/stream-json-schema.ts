import { z } from "zod";

const usage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative().optional(),
  reasoningTokens: z.number().int().nonnegative().optional(),
});
const target = z.object({ model: z.string(), gateway: z.string() });
const feedEvent = z.object({
  type: z.string(),
  level: z.enum(["info", "warn", "error"]),
  message: z.string(),
  source: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const toolCall = z.object({ id: z.string(), name: z.string(), arguments: z.string() });
const assistantMessage = z.object({
  role: z.literal("assistant"),
  content: z.string().nullable(),
  reasoning: z.string().optional(),
  reasoningField: z.string().optional(),
  toolCalls: z.array(toolCall).optional(),
});

/**
 * The events `bridle run --output stream-json` prints, one JSON object per line. The first line
 * is always `session`; the last is `done` (or `error` when the run could not start).
 */
export const streamJsonEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("session"), id: z.string(), file: z.string(), resumed: z.boolean(), model: z.string(), gateway: z.string() }).describe("The session the run writes to."),
  z.object({ type: z.literal("turn_start"), turn: z.number().int().positive(), model: z.string(), gateway: z.string() }).describe("A user turn began."),
  z.object({ type: z.literal("text"), text: z.string() }).describe("A piece of the answer, as it streams."),
  z.object({ type: z.literal("reasoning"), text: z.string() }).describe("A piece of the model's reasoning, as it streams."),
  z.object({ type: z.literal("assistant"), message: assistantMessage }).describe("A complete assistant message, tool calls repaired."),
  z
    .object({ type: z.literal("tool_call"), id: z.string(), name: z.string(), arguments: z.record(z.string(), z.unknown()), repairs: z.array(z.string()) })
    .describe("A tool call about to run, with the repair rules that fired."),
  z
    .object({
      type: z.literal("tool_result"),
      id: z.string(),
      name: z.string(),
      content: z.string(),
      isError: z.boolean(),
      summary: z.string().optional(),
      diff: z.string().optional(),
    })
    .describe("What a tool returned to the model."),
  z
    .object({ type: z.literal("usage"), model: z.string(), gateway: z.string(), usage, contextTokens: z.number(), contextWindow: z.number() })
    .describe("Token usage of one model response and the context it now fills."),
  z.object({ type: z.literal("feed"), event: feedEvent }).describe("What the harness did: repairs, retries, fallbacks, warnings."),
  z.object({ type: z.literal("compaction"), reason: z.string(), tokensBefore: z.number(), tokensAfter: z.number() }).describe("The context was compacted."),
  z.object({ type: z.literal("model_switch"), from: target, to: target, reason: z.string() }).describe("The model or gateway changed."),
  z
    .object({ type: z.literal("interrupted_answer"), text: z.string(), reason: z.string(), gateway: z.string() })
    .describe("Answer text whose request then failed; not part of the conversation, and a retry or fallback may follow."),
  z
    .object({ type: z.literal("error"), message: z.string(), gateway: z.string().optional(), status: z.number().optional(), requestId: z.string().optional() })
    .describe("A failure that ended the turn, or that kept the run from starting."),
  z
    .object({
      type: z.literal("done"),
      reason: z.enum(["stop", "length", "error", "aborted", "doom-loop", "max-steps"]),
      turn: z.number().int(),
      message: z.string().optional(),
    })
    .describe("The turn ended, and why."),
]);

export type StreamJsonEvent = z.infer<typeof streamJsonEventSchema>;
