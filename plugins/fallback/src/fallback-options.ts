import { z } from "zod";

/** Options of the fallback plugin, under `plugins.fallback` in a config file. */
export const fallbackOptionsSchema = z.object({
  enabled: z.boolean().default(true).describe("Turn retries, breakers and fallback on (true) or off (false)."),
  maxAttempts: z.number().int().min(1).max(20).default(3).describe("Requests to one gateway for one answer, the first included, before falling back to the next target."),
  baseDelayMs: z.number().min(0).default(500).describe("First backoff step when the gateway names no delay; doubles per attempt, with full jitter."),
  maxBackoffMs: z.number().min(0).default(8_000).describe("Largest backoff step when the gateway names no delay."),
  maxDelayMs: z
    .number()
    .min(0)
    .default(60_000)
    .describe("Longest wait a gateway may ask for (retry-after-ms, retry-after, a delay in its body); a longer one is not slept through: fall back, or stop and say when to try again."),
  idleTimeoutMs: z.number().int().min(100).default(90_000).describe("Give up on a stream that sends no byte (keep-alive comments count) for this long, then retry."),
  breakerFailures: z.number().int().min(1).default(3).describe("Consecutive failures of an endpoint that open its circuit breaker."),
  breakerCooldownMs: z.number().int().min(0).default(30_000).describe("How long an open breaker keeps its endpoint out of use before one probe request may try it."),
  breakerFile: z
    .string()
    .default("")
    .describe("Where breaker states are kept between runs, so `bridle gateways` shows them; empty: $XDG_CACHE_HOME/bridle/breakers.json; \"off\": this run only."),
  moreOutputForCutCalls: z.boolean().default(true).describe("When an answer is cut by the output limit inside a tool call, ask again once with more output room if the window allows."),
});

export type FallbackOptions = z.output<typeof fallbackOptionsSchema>;
