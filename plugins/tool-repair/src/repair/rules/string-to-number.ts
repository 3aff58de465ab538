/** Rule name recorded when a numeric string becomes the number the schema wants. */
export const STRING_TO_NUMBER = "string-to-number";

const NUMERIC = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The number a string spells (`"2490"`, `" 1.5 "`, `"-3"`), or `undefined`; with `integer`, only
 * whole numbers. Only called where the schema wants a number, so `"7"` for a string stays `"7"`.
 */
export function stringToNumber(value: string, integer: boolean): number | undefined {
  const text = value.trim();
  if (!NUMERIC.test(text)) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  if (integer && !Number.isInteger(number)) return undefined;
  return number;
}
