import type { CacheTurn } from "./cache-turn.js";
import type { PrefixFingerprint } from "./prefix-fingerprint.js";

/** What the plugin remembers about one session (in the session's state). */
export interface SessionRouting {
  /** Endpoint id the session lives on, per gateway. */
  homes: Map<string, string>;
  /** Fingerprint of the last turn request's system prompt and tools. */
  prefix?: PrefixFingerprint;
  /** The last turn's cache share. */
  lastTurn?: CacheTurn;
  /** Every turn's cache share, oldest first. */
  turns: CacheTurn[];
}

export const STATE_KEY = "cache-routing";

export function sessionRouting(state: Map<string, unknown>): SessionRouting {
  let routing = state.get(STATE_KEY) as SessionRouting | undefined;
  if (!routing) {
    routing = { homes: new Map(), turns: [] };
    state.set(STATE_KEY, routing);
  }
  return routing;
}
