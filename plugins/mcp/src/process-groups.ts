/** Process groups of the stdio servers still running in this process. */
const live = new Set<number>();
let installed = false;

const SIGNALS = ["SIGTERM", "SIGHUP", "SIGINT"] as const;

/** Ends every recorded group at once; used when Bridle itself is going away. */
function killAll(): void {
  for (const group of live) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // When nothing else handles the signal, do what Node would have done without this listener.
  if (process.listenerCount(signal) === 1) {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    process.kill(process.pid, signal);
  }
}

/**
 * Records a server's process group so it ends with Bridle: on a normal exit, on `process.exit`,
 * and on SIGTERM, SIGHUP or SIGINT, even when nothing else in the process handles them.
 */
export function trackProcessGroup(group: number): void {
  live.add(group);
  if (installed) return;
  installed = true;
  process.on("exit", killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

export function untrackProcessGroup(group: number): void {
  live.delete(group);
}
