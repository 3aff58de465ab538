import { ConfigError, formatIssue } from "@bridle/core";
import { ExitCode } from "./exit-codes.js";
import { NoModelError } from "./runtime/select-target.js";

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
  else process.stdout.write(`${JSON.stringify({ type: "error", message })}\n`);
  return code;
}
