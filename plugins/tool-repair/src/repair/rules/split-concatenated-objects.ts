import { scanJsonText } from "../scan-json-text.js";

/** Rule name recorded when several JSON objects written back to back are split apart. */
export const SPLIT_CONCATENATED_OBJECTS = "split-concatenated-objects";

/**
 * Splits `{"a":1}{"a":2}` (also separated by whitespace, commas or semicolons) into one text per
 * object; this is what a gateway produces when it merges parallel calls of one tool into one
 * arguments string. A trailing object that never closed is kept as the last part. Returns `null`
 * unless there are at least two objects and nothing else between them.
 */
export function splitConcatenatedObjects(text: string): string[] | null {
  const scan = scanJsonText(text);
  // A `;` between objects scans as a bare word; it is a separator, not a value.
  const ranges = scan.complete.filter(([start, end]) => !/^[\s,;]*$/.test(text.slice(start, end)));
  if (scan.openStart >= 0) ranges.push([scan.openStart, text.length] as const);
  if (ranges.length < 2) return null;
  let previousEnd = 0;
  for (const [start, end] of ranges) {
    if (text[start] !== "{") return null;
    if (!/^[\s,;]*$/.test(text.slice(previousEnd, start))) return null;
    previousEnd = end;
  }
  if (!/^[\s,;]*$/.test(text.slice(previousEnd))) return null;
  return ranges.map(([start, end]) => text.slice(start, end));
}
