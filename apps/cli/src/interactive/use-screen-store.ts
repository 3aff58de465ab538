import { useCallback, useReducer, useRef } from "react";
import { type ScreenAction, screenReducer } from "./screen-reducer.js";
import type { ScreenState } from "./screen-state.js";

/**
 * The screen's reducer, kept in a ref so that key handlers read the state after every action
 * already dispatched: Ink can deliver several keys (typed text, then Enter) before React
 * re-renders, and a handler closed over the last render would see a stale prompt line.
 */
export function useScreenStore(initial: () => ScreenState): { state: ScreenState; read: () => ScreenState; dispatch: (action: ScreenAction) => void } {
  const stateRef = useRef<ScreenState | undefined>(undefined);
  if (stateRef.current === undefined) stateRef.current = initial();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const dispatch = useCallback((action: ScreenAction) => {
    const next = screenReducer(stateRef.current!, action);
    if (next === stateRef.current) return;
    stateRef.current = next;
    rerender();
  }, []);
  const read = useCallback(() => stateRef.current!, []);
  return { state: stateRef.current, read, dispatch };
}
