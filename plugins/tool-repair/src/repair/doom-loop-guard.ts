import { toolCallFingerprint } from "./tool-call-fingerprint.js";
import type { RawToolCall } from "./types.js";

/** What the guard says about a failing call. */
export interface DoomLoopVerdict {
  /** How many times this same failing call has been seen, this one included. */
  repeats: number;
  /** The limit is reached: stop the turn instead of sending the hint again. */
  stop: boolean;
}

/** Counts repeats of the same failing call across one turn (or session), shared with the agent loop. */
export interface DoomLoopGuard {
  /** Records one failing call and says whether to stop. */
  recordFailure(call: Pick<RawToolCall, "name" | "arguments">): DoomLoopVerdict;
  /** Forgets everything (a new user turn). */
  reset(): void;
}

/**
 * A doom-loop guard: the same failing call (same `toolCallFingerprint`) `limit` times stops the
 * turn. A model that only gets its own error back tends to resend the identical call; counting
 * exact repeats stops that without punishing a model that is making progress.
 *
 * @throws RangeError when `limit` is not a positive integer.
 */
export function createDoomLoopGuard(limit = 3): DoomLoopGuard {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createDoomLoopGuard: limit must be a positive integer, got ${String(limit)}`);
  const counts = new Map<string, number>();
  return {
    recordFailure(call) {
      const key = toolCallFingerprint(call);
      const repeats = (counts.get(key) ?? 0) + 1;
      counts.set(key, repeats);
      return { repeats, stop: repeats >= limit };
    },
    reset() {
      counts.clear();
    },
  };
}
