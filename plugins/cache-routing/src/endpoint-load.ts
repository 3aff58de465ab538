/**
 * The sessions of this process living on each endpoint of a gateway: the load `chooseHome`
 * bounds. A session counts on its home until it has been idle for `releaseAfterMs`: by then the
 * gateway's prefix cache has let its blocks go (providers keep them minutes, not hours), so its
 * slot holds nothing worth protecting, and a session that ended (`/new`, a finished headless run
 * in a long-lived host) stops counting without needing to say so.
 */
export class EndpointLoad {
  readonly #releaseAfterMs: number;
  /** gateway → session → where it lives and when it last sent a request. */
  readonly #sessions = new Map<string, Map<string, { endpoint: string; lastSeen: number }>>();

  constructor(options: { releaseAfterMs: number }) {
    this.#releaseAfterMs = options.releaseAfterMs;
  }

  /** Sessions other than `session` counting on each endpoint of `gateway` at `now`. */
  others(gateway: string, session: string, now: number): Record<string, number> {
    const counts: Record<string, number> = {};
    const sessions = this.#sessions.get(gateway);
    if (!sessions) return counts;
    for (const [id, entry] of sessions) {
      if (now - entry.lastSeen >= this.#releaseAfterMs) {
        sessions.delete(id);
        continue;
      }
      if (id !== session) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
    }
    return counts;
  }

  /** Records that `session` sent a request to `endpoint` of `gateway` at `now`. */
  seen(gateway: string, session: string, endpoint: string, now: number): void {
    let sessions = this.#sessions.get(gateway);
    if (!sessions) {
      sessions = new Map();
      this.#sessions.set(gateway, sessions);
    }
    sessions.set(session, { endpoint, lastSeen: now });
  }
}
