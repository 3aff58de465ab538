/** Exit codes of the `bridle` command, documented in the README. */
export const ExitCode = {
  /** Done. */
  OK: 0,
  /** The task failed: a model, gateway or tool error the harness could not recover from. */
  FAILURE: 1,
  /** Invalid configuration or command-line usage. */
  USAGE: 2,
  /** Interrupted by the user (Ctrl-C). */
  INTERRUPTED: 130,
} as const;
