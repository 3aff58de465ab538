import type { Runtime } from "../runtime/create-runtime.js";

/** What the user asked `/compact` for. */
export interface CompactRequest {
  /** Text after `/compact`: what the summary must keep. */
  focus: string | undefined;
  signal: AbortSignal;
}

/** What a compaction did, for the screen. */
export interface CompactOutcome {
  tokensBefore: number;
  tokensAfter: number;
  /** One line about what was kept, when the compactor says. */
  message?: string;
}

/**
 * Compacts the conversation on request. The screen calls whatever the runtime's owner passes
 * as `compact`; without one, `/compact` says that no compactor is loaded.
 */
export type CompactHandler = (request: CompactRequest) => Promise<CompactOutcome>;

/** What `/compact` prints when nothing can compact. */
export const COMPACTION_UNAVAILABLE = "compaction is not available: the compaction plugin is not loaded";

/**
 * The compactor `/compact` uses for a runtime when the caller passes none. No plugin offers
 * compaction on request yet, so there is none; once one does, this is the place that returns a
 * handler calling it.
 */
export function compactHandlerFor(_runtime: Pick<Runtime, "kernel" | "agent">): CompactHandler | undefined {
  return undefined;
}
