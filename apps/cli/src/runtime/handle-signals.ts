import { killRunningProcessGroups } from "@bridle/tools";

/** Signals that end a run, and the exit code each ends it with (128 + the signal's number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export type EndingSignal = keyof typeof SIGNAL_EXIT_CODES;

/** Options of {@link handleSignals}. */
export interface SignalHandlingOptions {
  /** Stops the run gracefully: abort the turn (its tools' process groups are ended), then return. */
  stop(signal: EndingSignal): void;
  /** Last things to do before a forced exit (close the session log, releasing its lock). */
  cleanup(): void;
  /** How long a graceful stop may take before the exit is forced. Default 10 s. */
  forceAfterMs?: number;
}

/** What {@link handleSignals} returns. */
export interface SignalHandling {
  /** The first ending signal received, if any. */
  readonly received: EndingSignal | undefined;
  /** The exit code for the signal received, else `fallback`. */
  exitCode(fallback: number): number;
  /** Removes the handlers (once the run has ended). */
  dispose(): void;
}

/**
 * SIGINT, SIGTERM and SIGHUP (what Ctrl-C, `timeout`, CI runners, containers and a closed
 * terminal send) all end a run the same way: the first asks it to stop gracefully, which ends
 * the running tool's process group, appends the `interrupted` record and releases the session
 * lock; a second signal, or a stop that takes longer than `forceAfterMs`, kills every running
 * tool's process group, cleans up and exits at once with 128 + the signal's number.
 */
export function handleSignals(options: SignalHandlingOptions): SignalHandling {
  let received: EndingSignal | undefined;
  let timer: NodeJS.Timeout | undefined;
  const force = (signal: EndingSignal) => {
    killRunningProcessGroups();
    try {
      options.cleanup();
    } finally {
      process.exit(SIGNAL_EXIT_CODES[signal]);
    }
  };
  const handlers = (Object.keys(SIGNAL_EXIT_CODES) as EndingSignal[]).map((signal) => {
    const handler = () => {
      if (received !== undefined) return force(received);
      received = signal;
      timer = setTimeout(() => force(signal), options.forceAfterMs ?? 10_000);
      timer.unref();
      options.stop(signal);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return {
    get received() {
      return received;
    },
    exitCode: (fallback) => (received === undefined ? fallback : SIGNAL_EXIT_CODES[received]),
    dispose() {
      clearTimeout(timer);
      for (const remove of handlers) remove();
    },
  };
}
