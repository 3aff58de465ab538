import type { SessionContext } from "@bridle/core";

/** What the plugin remembers for one answer (one model request and its retries and fallbacks). */
export interface AnswerState {
  turn: number;
  /** Failed requests to the current target. */
  attempts: number;
  /** The target those attempts went to. */
  target: string;
  /** Targets that failed for this answer. */
  tried: Set<string>;
  /** Output room to ask for after a cut tool call. */
  raisedOutput?: number;
  /** A cut call was asked again once already. */
  cutRetried: boolean;
}

/** The plugin's memory within a session. */
export interface FallbackSessionState {
  /** The model the session was configured with: same-model fallback serves this one first. */
  model?: string;
  answer?: AnswerState;
  /** Endpoint of the last turn request, whose failure or success the breakers count. */
  endpoint?: { gateway: string; endpoint: string };
  /** Output tokens the last turn request asked for. */
  sentMaxOutputTokens?: number;
}

const KEY = "fallback";

export function fallbackState(context: SessionContext): FallbackSessionState {
  let state = context.state.get(KEY) as FallbackSessionState | undefined;
  if (!state) {
    state = {};
    context.state.set(KEY, state);
  }
  return state;
}

/** The state of the answer in progress in `turn`, fresh when a new answer starts. */
export function answerState(state: FallbackSessionState, turn: number, target: string): AnswerState {
  if (!state.answer || state.answer.turn !== turn) state.answer = { turn, attempts: 0, target, tried: new Set(), cutRetried: false };
  if (state.answer.target !== target) {
    state.answer.target = target;
    state.answer.attempts = 0;
  }
  return state.answer;
}
