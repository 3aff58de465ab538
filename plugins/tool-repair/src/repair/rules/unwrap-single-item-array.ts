/** Rule name recorded when a one-item array is unwrapped to the single value the schema wants. */
export const UNWRAP_SINGLE_ITEM_ARRAY = "unwrap-single-item-array";

/** The item of a one-item array where the schema wants a single value (`"path": ["a.py"]`). */
export function unwrapSingleItemArray(value: unknown): { item: unknown } | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  return { item: value[0] };
}
