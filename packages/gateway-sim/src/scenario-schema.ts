import { z } from "zod";

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * Conditions a request must meet for a step to answer it. Every condition given must hold; a
 * step without `when` matches any request.
 */
export const stepConditionSchema = z
  .object({
    /** The request offers tools (`true`) or none (`false`). */
    hasTools: z.boolean().optional(),
    /** Role of the last message (`"tool"` after a tool result). */
    lastRole: z.enum(["system", "developer", "user", "assistant", "tool"]).optional(),
    /** The text of the last user message contains this string. */
    lastUserContains: z.string().min(1).optional(),
    /** The text of any message contains this string. */
    anyMessageContains: z.string().min(1).optional(),
    /** The system (or developer) messages contain this string. */
    systemContains: z.string().min(1).optional(),
    /** The request reached this gateway profile (or one of these). */
    profile: oneOrMany.optional(),
    /** The request asked for this model slug (or one of these). */
    model: oneOrMany.optional(),
    /** The request streams (`true`) or not (`false`). */
    stream: z.boolean().optional(),
    /** The conversation has at least this many messages. */
    minMessages: z.number().int().min(0).optional(),
    /** The conversation has at most this many messages. */
    maxMessages: z.number().int().min(0).optional(),
  })
  .strict();

const toolCallSchema = z
  .object({
    /** Tool-call id; generated in the gateway's format when omitted. */
    id: z.string().optional(),
    /** The function name exactly as sent. */
    name: z.string(),
    /**
     * The arguments exactly as sent: a string is passed byte for byte (malformed JSON included);
     * an object, array, number or `null` is sent as that JSON value instead of a string.
     * Defaults to `"{}"`.
     */
    arguments: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown()), z.number(), z.boolean(), z.null()]).optional(),
    /** Exact streaming pieces of a string `arguments` (they must join to it). */
    argumentsChunks: z.array(z.string()).min(1).optional(),
    /** Leave `function.arguments` out of the call entirely. */
    omitArguments: z.boolean().optional(),
  })
  .strict();

const streamBehaviourSchema = z
  .object({
    /** Milliseconds before any byte of the response (status line included) is sent. */
    firstByteDelayMs: z.number().min(0).optional(),
    /** Milliseconds between stream events. */
    chunkDelayMs: z.number().min(0).optional(),
    /** Code points per content/reasoning chunk when no explicit chunks are given (default 16). */
    chunkChars: z.number().int().min(1).optional(),
    /** Override the gateway's tool-argument streaming for this step. */
    toolArguments: z.enum(["whole", "deltas"]).optional(),
    /** Destroy the connection after this many `data:` events, without ending the response. */
    disconnectAfterChunks: z.number().int().min(0).optional(),
    /** End the stream without the final `data: [DONE]`. */
    omitDone: z.boolean().optional(),
    /**
     * End the response cleanly after this many `data:` events: no finish chunk, no `[DONE]`, the
     * body complete as far as HTTP goes (a proxy that closes the stream early).
     */
    endAfterChunks: z.number().int().min(0).optional(),
    /** Raw text written verbatim into the stream after the given number of events. */
    insertRaw: z
      .array(z.object({ afterChunk: z.number().int().min(0), text: z.string() }).strict())
      .min(1)
      .optional(),
    /**
     * Pause for `ms` after this many events; with `keepAliveEveryMs`, send an SSE comment line
     * (`: keep-alive`, OpenRouter's `: OPENROUTER PROCESSING` style) that often while paused.
     */
    stallAfterChunks: z
      .object({ after: z.number().int().min(0), ms: z.number().min(0), keepAliveEveryMs: z.number().min(1).optional(), comment: z.string().default("keep-alive") })
      .strict()
      .optional(),
    /** Send the gateway's in-stream error event after this many events, then end the stream. */
    errorAfterChunks: z.object({ after: z.number().int().min(0), message: z.string().default("Upstream error"), status: z.number().int().default(502) }).strict().optional(),
  })
  .strict();

const errorSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("rate_limit"),
      retryAfterSeconds: z.number().min(0).optional(),
      retryAfterMs: z.number().min(0).optional(),
      message: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal("overflow"), promptTokens: z.number().int().positive().optional() }).strict(),
  z.object({ kind: z.literal("server_error"), status: z.number().int().min(500).max(599).default(500), message: z.string().optional() }).strict(),
  z.object({ kind: z.literal("html"), status: z.number().int().min(400).max(599).default(502), server: z.string().default("cloudflare") }).strict(),
  z.object({ kind: z.literal("unauthorized") }).strict(),
  z
    .object({
      kind: z.literal("http"),
      status: z.number().int().min(100).max(599),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
    })
    .strict(),
]);

/**
 * One scripted answer. A step either replies (content, reasoning, tool calls, with optional
 * stream faults) or fails the request with `error`.
 */
export const scenarioStepSchema = z
  .object({
    /** A label recorded with each request this step answered. */
    id: z.string().optional(),
    when: stepConditionSchema.optional(),
    /** How often the step may answer: once by default, `true` for always, or a count. */
    repeat: z.union([z.boolean(), z.number().int().min(1)]).optional(),
    content: z.string().optional(),
    /** Exact content pieces for streaming; they join to `content` (which they imply when absent). */
    contentChunks: z.array(z.string()).min(1).optional(),
    reasoning: z.string().optional(),
    reasoningChunks: z.array(z.string()).min(1).optional(),
    toolCalls: z.array(toolCallSchema).optional(),
    /** Defaults to `tool_calls` when there are tool calls, otherwise `stop`. */
    finishReason: z.string().optional(),
    /** Replace the token numbers the simulator computed. */
    usage: z
      .object({ promptTokens: z.number().int().min(0).optional(), completionTokens: z.number().int().min(0).optional(), cachedTokens: z.number().int().min(0).optional() })
      .strict()
      .optional(),
    stream: streamBehaviourSchema.optional(),
    error: errorSchema.optional(),
  })
  .strict()
  .superRefine((step, context) => {
    const joined = (chunks: string[] | undefined, whole: string | undefined, field: string): void => {
      if (chunks !== undefined && whole !== undefined && chunks.join("") !== whole) {
        context.addIssue({ code: "custom", path: [`${field}Chunks`], message: `${field}Chunks must join to ${field}` });
      }
    };
    joined(step.contentChunks, step.content, "content");
    joined(step.reasoningChunks, step.reasoning, "reasoning");
    step.toolCalls?.forEach((call, index) => {
      if (call.argumentsChunks === undefined) return;
      if (typeof call.arguments !== "string" && call.arguments !== undefined) {
        context.addIssue({ code: "custom", path: ["toolCalls", index, "argumentsChunks"], message: "argumentsChunks needs string arguments" });
      } else if (call.arguments !== undefined && call.argumentsChunks.join("") !== call.arguments) {
        context.addIssue({ code: "custom", path: ["toolCalls", index, "argumentsChunks"], message: "argumentsChunks must join to arguments" });
      }
    });
    if (step.error !== undefined && (step.content !== undefined || step.contentChunks !== undefined || step.reasoning !== undefined || step.toolCalls !== undefined)) {
      context.addIssue({ code: "custom", path: ["error"], message: "a step with error cannot also reply with content, reasoning or toolCalls" });
    }
  });

/** A scenario: steps in order, and what answers when no step applies. */
export const scenarioSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    steps: z.array(scenarioStepSchema).default([]),
    /** `digest` (the default): answer with a deterministic digest of the conversation. */
    fallback: z.union([z.literal("digest"), scenarioStepSchema]).default("digest"),
  })
  .strict();

/** One scripted answer, as written in a scenario file. */
export type ScenarioStepInput = z.input<typeof scenarioStepSchema>;
/** One scripted answer after validation. */
export type ScenarioStep = z.output<typeof scenarioStepSchema>;
/** A scenario as written (an array of steps is accepted too). */
export type ScenarioInput = z.input<typeof scenarioSchema> | ScenarioStepInput[];
/** A validated scenario. */
export type Scenario = z.output<typeof scenarioSchema>;
/** Conditions of a step. */
export type StepCondition = z.output<typeof stepConditionSchema>;
/** A scripted tool call. */
export type ScenarioToolCall = z.output<typeof toolCallSchema>;
