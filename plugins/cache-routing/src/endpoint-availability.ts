import type { FeedEvent } from "@bridle/core";

/**
 * Which endpoints are unavailable now, learned from the feed: a circuit breaker (the fallback
 * plugin's, or any plugin posting `breaker.open` / `breaker.closed` with `data.gateway` and
 * `data.endpoint`) opening takes an endpoint out, closing brings it back. Without such a plugin
 * every endpoint stays available.
 */
export class EndpointAvailability {
  readonly #unavailable = new Map<string, Set<string>>();

  /** Learns from one feed event; true when it changed something. */
  observe(event: FeedEvent): boolean {
    if (!event.type.startsWith("breaker.")) return false;
    const gateway = event.data?.gateway;
    const endpoint = event.data?.endpoint;
    if (typeof gateway !== "string" || typeof endpoint !== "string") return false;
    const set = this.#unavailable.get(gateway) ?? new Set<string>();
    this.#unavailable.set(gateway, set);
    if (event.type === "breaker.open") {
      if (set.has(endpoint)) return false;
      set.add(endpoint);
      return true;
    }
    if (event.type === "breaker.closed") return set.delete(endpoint);
    return false;
  }

  unavailable(gateway: string): ReadonlySet<string> {
    return this.#unavailable.get(gateway) ?? new Set();
  }
}
