import type { ModelChoice } from "./model-choices.js";

/** The `/model` picker: every choice, the typed filter, and the highlighted entry. */
export interface ModelPickerState {
  choices: readonly ModelChoice[];
  filter: string;
  /** Index into the filtered choices. */
  index: number;
}

/** Opens the picker on the current choice. */
export function openModelPicker(choices: readonly ModelChoice[]): ModelPickerState {
  return { choices, filter: "", index: Math.max(0, choices.findIndex((choice) => choice.current)) };
}

/**
 * The choices that match the filter: every space-separated word must occur in `model @ gateway`
 * (case-insensitive), so `kimi fire` finds Kimi on Fireworks.
 */
export function filteredChoices(state: ModelPickerState): readonly ModelChoice[] {
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return state.choices;
  return state.choices.filter((choice) => {
    const haystack = `${choice.model} @ ${choice.gateway}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Moves the highlight by `step`, staying within the filtered list. */
export function movePicker(state: ModelPickerState, step: number): ModelPickerState {
  const count = filteredChoices(state).length;
  if (count === 0) return state;
  return { ...state, index: Math.min(count - 1, Math.max(0, state.index + step)) };
}

/** Replaces the filter and highlights the first match. */
export function filterPicker(state: ModelPickerState, filter: string): ModelPickerState {
  return { ...state, filter, index: 0 };
}

/** The highlighted choice, if any matches. */
export function selectedChoice(state: ModelPickerState): ModelChoice | undefined {
  return filteredChoices(state)[state.index];
}

/** The slice of the filtered list to draw, `height` rows that keep the highlight in view. */
export function visibleChoices(state: ModelPickerState, height: number): { start: number; choices: readonly ModelChoice[]; total: number } {
  const all = filteredChoices(state);
  const start = Math.max(0, Math.min(state.index - Math.floor(height / 2), all.length - height));
  return { start, choices: all.slice(start, start + height), total: all.length };
}
