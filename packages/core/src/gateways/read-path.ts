/**
 * Reads a dotted path (`choices.0.usage`, `timings.cache_n`) from parsed JSON; `undefined` when
 * any step is missing. Paths come from gateway definitions, so they are data, not code.
 */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The first path whose value is a finite number. */
export function firstNumber(value: unknown, paths: readonly string[]): number | undefined {
  for (const path of paths) {
    const found = readPath(value, path);
    if (typeof found === "number" && Number.isFinite(found)) return found;
  }
  return undefined;
}
