import { z } from "zod";

/** Options of `plugins.cache-routing`. */
export const cacheRoutingOptionsSchema = z
  .object({
    affinity: z.boolean().default(true).describe("Send each session's affinity key where its gateway honours one (prompt_cache_key, x-session-affinity, session_id)."),
    secret: z
      .string()
      .min(8)
      .default("bridle-cache-routing-v1")
      .describe("Key of the HMAC that turns a session id into its affinity value; set your own to make values unlinkable to other installs."),
    loadSlack: z
      .number()
      .min(0)
      .max(10)
      .default(0.25)
      .describe("How many more sessions (as a share of the even split) one endpoint may take before a new session goes to its next choice."),
    releaseAfterIdleMs: z
      .number()
      .int()
      .positive()
      .default(600_000)
      .describe("How long a session may send nothing before it stops counting toward its endpoint's load (its cache there has expired by then)."),
    stableTools: z.boolean().default(true).describe("Send tools in one fixed order (by name) with their schema keys sorted."),
    warnOnPrefixChange: z.boolean().default(true).describe("Warn when the system prompt or the tool list changes mid-session (every later request re-reads the whole history)."),
  })
  .strict();

export type CacheRoutingOptions = z.output<typeof cacheRoutingOptionsSchema>;
