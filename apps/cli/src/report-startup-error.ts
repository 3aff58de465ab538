import { ConfigError, formatIssue } from "@bridle/core";
import { ExitCode } from "./exit-codes.js";
import { NoModelError } from "./runtime/select-target.js";

/** The `--output json` object of a run that could not start: no answer, no usage, the error. */
function notStartedSummary(message: string) {
  return {
    result: "",
    reason: "error",
    message,
    session: null,
    model: null,
    gateway: null,
    usage: { input: 0, cached: 0, output: 0 },
    durationMs: 0,
    turns: 0,
    toolCalls: 0,
    events: [{ type: "error", message }],
  };
}

/** Prints why a run could not start and returns the exit code: 2 for config or usage, else 1. */
export function reportStartupError(error: unknown, output: "text" | "json" | "stream-json" = "text"): number {
  const code = error instanceof ConfigError || error instanceof NoModelError ? ExitCode.USAGE : ExitCode.FAILURE;
  const message =
    error instanceof ConfigError
      ? `invalid configuration:\n${error.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`
      : error instanceof Error
        ? error.message
        : String(error);
  if (output === "text") process.stderr.write(`bridle: ${message}\n`);
  else if (output === "stream-json") process.stdout.write(`${JSON.stringify({ type: "error", message })}\n`);
  // `--output json` prints its documented object even when the run never started.
  else process.stdout.write(`${JSON.stringify(notStartedSummary(message), null, 2)}\n`);
  return code;
}
