import type { ModelTarget } from "./model-switch.js";

/**
 * What `onError` decided. The first tap that returns one wins; when none does, the request fails
 * with the error's own message.
 */
export type Recovery =
  | { action: "retry"; delayMs: number; reason: string }
  | { action: "fallback"; to: ModelTarget; reason: string }
  | { action: "compact-and-retry"; reason: string }
  | { action: "fail"; message: string };
