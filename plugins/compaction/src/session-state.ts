import type { ModelSwitch, SessionContext } from "@bridle/core";
import type { CountedRequest } from "./request-estimate.js";
import { type CompactionEngine, createCompactionEngine } from "./compaction-engine.js";
import { TokenLedger } from "./token-ledger.js";

/** The key of the plugin's entry in `context.state`. */
export const STATE_KEY = "compaction";

/** A model switch being reconciled, and the newest switch seen while it runs. */
export interface ReconcileLock {
  /** Settles when the reconcile (and any follow-up for a newer switch) is done. */
  readonly done: Promise<void>;
  latest: { change: ModelSwitch; context: SessionContext };
}

/** What the plugin remembers about one session. */
export interface CompactionSessionState {
  readonly engine: CompactionEngine;
  readonly ledger: TokenLedger;
  /** Local tokens of the system prompt and tools, from the last request (0 before the first). */
  fixedTokens: number;
  /** The system prompt last counted, so a rebuilt but equal prompt is not tokenized again. */
  system: { text: string; tokens: number } | undefined;
  /**
   * The request in flight, to calibrate against its reported usage and to learn from its overflow.
   * `estimated` is missing when an upper bound showed the request far from every tier: the exact
   * count is then made from `request` only when needed.
   */
  pending: { turn: number; attempt: number; model: string; estimated: number | undefined; request: CountedRequest; window: number; maxOutputTokens: number } | undefined;
  /** Usage reported while the tokenizer was not loaded, folded in once exact counts are made. */
  deferredUsage: { model: string; request: CountedRequest; reported: number; window: number }[];
  /** Compactions done in this session; each `conversation.replace` counts once. */
  compactions: number;
  /** The turn whose overflow already got its one compact-and-retry. */
  overflowTurn: number | undefined;
  /** The turn whose forced compaction already ran. */
  forcedTurn: number | undefined;
  /** Set while a model switch is being reconciled: the one in-flight lock. */
  reconcile: ReconcileLock | undefined;
  /** The calibration ratio last announced in the feed, per model. */
  announcedRatio: Map<string, number>;
}

/**
 * The plugin's state for the session `context` belongs to, created on first use. A session first
 * seen by `compactNow` (before any hook ran) gets an engine with default options unless one is given.
 */
export function sessionState(context: Pick<SessionContext, "state">, engine?: CompactionEngine): CompactionSessionState {
  const existing = context.state.get(STATE_KEY) as CompactionSessionState | undefined;
  if (existing) return existing;
  const state: CompactionSessionState = {
    engine: engine ?? createCompactionEngine(),
    ledger: new TokenLedger(),
    fixedTokens: 0,
    system: undefined,
    pending: undefined,
    deferredUsage: [],
    compactions: 0,
    overflowTurn: undefined,
    forcedTurn: undefined,
    reconcile: undefined,
    announcedRatio: new Map(),
  };
  context.state.set(STATE_KEY, state);
  return state;
}

/** Compactions so far in the session `context` belongs to. */
export function compactionCount(context: Pick<SessionContext, "state">): number {
  return (context.state.get(STATE_KEY) as CompactionSessionState | undefined)?.compactions ?? 0;
}
