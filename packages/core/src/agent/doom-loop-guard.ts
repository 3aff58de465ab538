import { createHash } from "node:crypto";

/** How many identical calls in a row (failing, or succeeding with the same result) the guard acts on. */
export const DOOM_LOOP_LIMIT = 3;

/**
 * What the guard says about one finished call:
 * - `continue`: nothing to do;
 * - `warn`: the call repeated itself {@link DOOM_LOOP_LIMIT} times in a row with the same result;
 *   the model is told so in this result;
 * - `stop-repeating`: it went on repeating after the warning;
 * - `stop-failing`: the same call failed {@link DOOM_LOOP_LIMIT} times.
 */
export type LoopVerdict = { kind: "continue" } | { kind: "warn" } | { kind: "stop-repeating"; times: number } | { kind: "stop-failing"; times: number };

/**
 * Stops a model that keeps making the same call.
 *
 * Failing calls: failures are counted per call fingerprint (tool name + canonical arguments); a
 * success of that call resets its count.
 *
 * Succeeding calls: a call is *identical* to the one before it when it has the same fingerprint
 * and returned the same result (its own call id left out, so a spilled-output path that names the
 * call does not hide a repeat). Only an unbroken run counts: any other call in between, or a
 * different result, starts over. So a file read again after an edit (another call came between)
 * or after something else changed it (a different result), a `bash` poll whose output moves (a
 * build log, a server coming up), or a search re-run after a write never trips it, while a model
 * re-reading an unchanged file gets nothing new from its 3rd read and is told so, and is stopped
 * at the 4th. opencode asks the user at the 3rd call with `JSON.stringify`-equal input whatever
 * the results were; Codex has no such breaker and polls a running command with identical
 * `write_stdin` calls by design — which is why the result takes part in "identical" here: a
 * repeat that shows something new is progress, not a loop. Arguments compare canonically (key
 * order and JSON spacing do not matter), so a reordered repeat is still a repeat.
 */
export class DoomLoopGuard {
  readonly #failures = new Map<string, number>();
  #run: { fingerprint: string; result: string; count: number } | undefined;

  /** How many identical calls in a row make the guard act. */
  readonly limit = DOOM_LOOP_LIMIT;

  /** Records one finished call, in the order the model made them, and says what to do. */
  observe(fingerprint: string, outcome: { failed: boolean; result: string }): LoopVerdict {
    if (outcome.failed) {
      this.#run = undefined;
      const count = (this.#failures.get(fingerprint) ?? 0) + 1;
      this.#failures.set(fingerprint, count);
      return count >= this.limit ? { kind: "stop-failing", times: count } : { kind: "continue" };
    }
    this.#failures.delete(fingerprint);
    const result = createHash("sha256").update(outcome.result).digest("base64");
    const run = this.#run;
    if (run && run.fingerprint === fingerprint && run.result === result) run.count += 1;
    else this.#run = { fingerprint, result, count: 1 };
    const count = this.#run!.count;
    if (count > this.limit) return { kind: "stop-repeating", times: count };
    return count === this.limit ? { kind: "warn" } : { kind: "continue" };
  }
}

/** Appended to the result of the call that repeated itself {@link DOOM_LOOP_LIMIT} times in a row. */
export function repeatWarning(name: string): string {
  return (
    `[You have now made this exact call to ${name} ${DOOM_LOOP_LIMIT} times in a row and it returned the same result each time. ` +
    "Do not make it again: use the result above, or try something different. Repeating it once more stops the turn.]"
  );
}

/** What the user is told when a run of identical successful calls stopped the turn. */
export function repeatSummary(name: string, args: unknown, times: number): string {
  return `stopped: the model called ${name} with the same arguments ${times} times in a row and got the same result each time (it was warned after ${DOOM_LOOP_LIMIT}). Arguments: ${preview(args)}`;
}

/** What the user is told when the same failing call stopped the turn. */
export function failureSummary(name: string, times: number, lastError: string): string {
  return `stopped: the same call to ${name} failed ${times} times in a row. Last error: ${lastError.slice(0, 300)}`;
}

/** A stable key for a call: the name and the arguments with object keys sorted. */
export function callFingerprint(name: string, args: unknown): string {
  return `${name}\u0000${stableStringify(args)}`;
}

function preview(args: unknown): string {
  const text = stableStringify(args);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
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
