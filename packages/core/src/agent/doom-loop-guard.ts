/** How many identical failing calls in a row stop a turn. */
export const DOOM_LOOP_LIMIT = 3;

/**
 * Stops a model that keeps making the same failing call. Counts failures per call fingerprint
 * (tool name + normalized arguments); a success of that call resets it.
 */
export class DoomLoopGuard {
  readonly #failures = new Map<string, number>();

  /** How many identical failures in a row stop the turn. */
  readonly limit = DOOM_LOOP_LIMIT;

  /** Records a failed call; returns true when it has now failed {@link limit} times. */
  fail(fingerprint: string): boolean {
    const count = (this.#failures.get(fingerprint) ?? 0) + 1;
    this.#failures.set(fingerprint, count);
    return count >= this.limit;
  }

  succeed(fingerprint: string): void {
    this.#failures.delete(fingerprint);
  }
}

/** A stable key for a call: the name and the arguments with object keys sorted. */
export function callFingerprint(name: string, args: unknown): string {
  return `${name}\u0000${stableStringify(args)}`;
}

function stableStringify(value: unknown): string {
  if (typeof value === "string") {
    try {
      return stableStringify(JSON.parse(value));
    } catch {
      return JSON.stringify(value.trim());
    }
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
