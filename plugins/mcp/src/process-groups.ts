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
  // Another handler owns this signal: it ends the session its way, and the exit hook (or the
  // session's close) ends the servers. Otherwise Node would die here without an exit event.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  // What Node would have done without this listener.
  process.kill(process.pid, signal);
}

/**
 * Records a server's process group so it ends with Bridle: on a normal exit, on `process.exit`,
 * and on SIGTERM, SIGHUP or SIGINT when nothing else in the process handles them (Node would
 * otherwise die without running exit handlers).
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
