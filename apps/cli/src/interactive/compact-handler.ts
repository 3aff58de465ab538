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
 * The compactor `/compact` uses for a runtime when the caller passes none: the kernel's
 * `compact` hook, through the agent. Without a plugin tapping it there is none.
 */
export function compactHandlerFor(runtime: Pick<Runtime, "kernel" | "agent">): CompactHandler | undefined {
  if (!runtime.kernel.hooks.compact.isUsed()) return undefined;
  return async (request) => {
    const result = await runtime.agent.compact({ ...(request.focus ? { focus: request.focus } : {}), signal: request.signal });
    if (!result) throw new Error(COMPACTION_UNAVAILABLE);
    return result;
  };
}
