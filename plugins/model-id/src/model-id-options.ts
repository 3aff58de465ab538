import { z } from "zod";

const gatewayOverrideSchema = z
  .object({
    slug: z.string().min(1).optional().describe("The slug this gateway knows the model by."),
    contextWindow: z.number().int().positive().optional().describe("The window this gateway serves, when smaller than the model's own."),
    maxOutputTokens: z.number().int().positive().optional().describe("The output limit on this gateway."),
  })
  .strict();

const modelEntrySchema = z
  .object({
    contextWindow: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Context window in tokens. Required for a model the snapshot does not describe."),
    maxOutputTokens: z.number().int().positive().optional().describe("Largest completion in tokens."),
    toolCalls: z.boolean().optional().describe("Whether the model calls tools natively."),
    reasoning: z.enum(["none", "optional", "always"]).optional().describe("Whether the model thinks before answering."),
    reasoningReplay: z
      .enum(["drop", "tool-turns", "all-turns"])
      .optional()
      .describe("How earlier reasoning is sent back: never, on tool-call turns, or on every assistant turn."),
    replayRejectsEmpty: z.boolean().optional().describe("The API rejects an empty replayed reasoning field (Kimi)."),
    family: z.string().min(1).optional().describe("Model family, e.g. qwen, kimi, glm."),
    pricing: z
      .object({
        input: z.number().min(0).describe("US dollars per million input tokens."),
        output: z.number().min(0).describe("US dollars per million output tokens."),
        cachedInput: z.number().min(0).optional().describe("US dollars per million cached input tokens (the input price when absent)."),
      })
      .strict()
      .optional()
      .describe("What the model costs, for /cost and the cost in --output json."),
    gateways: z.record(z.string(), gatewayOverrideSchema).optional().describe("Per-gateway slug and limits."),
  })
  .strict();

/** A user's model entry as written in config. */
export type UserModelEntry = z.output<typeof modelEntrySchema>;

/** Options of the model-id plugin (`plugins["model-id"]` in config). */
export const modelIdOptionsSchema = z.object({
  models: z
    .record(z.string(), modelEntrySchema)
    .default({})
    .describe(
      'Model entries and overrides keyed by model id in any spelling (resolved to the canonical id), e.g. { "my-finetune": { "contextWindow": 65536 } }. They win over the shipped snapshot.',
    ),
  aliases: z
    .record(z.string(), z.string().min(1))
    .default({})
    .describe('Extra names for models, e.g. a vLLM --served-model-name: { "coder": "qwen3-coder-30b-a3b-instruct" }.'),
  warnUnknown: z.boolean().default(true).describe("Warn in the feed when a model is not in the registry and gets the conservative default window."),
  learnFromOverflow: z
    .boolean()
    .default(true)
    .describe("Record the window a gateway states in a context-overflow error for that model and gateway."),
  cacheSize: z.number().int().positive().default(8192).describe("How many model-string resolutions to memoize."),
});

/** Parsed options of the model-id plugin. */
export type ModelIdOptions = z.output<typeof modelIdOptionsSchema>;
