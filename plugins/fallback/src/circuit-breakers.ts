import type { EndpointHealth } from "@bridle/core";

/** One endpoint's breaker as kept (and written to the breaker file). */
export interface BreakerRecord {
  /** Consecutive failures. */
  failures: number;
  /** When an open breaker lets a probe through (epoch ms); absent while closed. */
  retryAt?: number;
  reason?: string;
}

/** A breaker that changed state, for the feed. */
export interface BreakerChange {
  gateway: string;
  endpoint: string;
  from: EndpointHealth["state"];
  to: EndpointHealth["state"];
  failures: number;
  retryAt?: number;
  reason?: string;
}

/** Where breaker records live between runs. */
export interface BreakerStore {
  load(): Record<string, BreakerRecord>;
  save(key: string, record: BreakerRecord | undefined): void;
}

export interface BreakerSettings {
  /** Consecutive failures that open a breaker. */
  failures: number;
  cooldownMs: number;
}

/** Whether a request may go to an endpoint now. */
export type Admission = { allowed: true; probe: boolean } | { allowed: false; retryAt: number; failures: number; reason?: string };

/**
 * Circuit breakers, one per gateway endpoint: `failures` consecutive failures open a breaker for
 * `cooldownMs`; after that a single request may probe (half-open): its success closes the
 * breaker, its failure opens it again. `now` is injected so tests need no clock.
 */
export class CircuitBreakers {
  readonly #settings: BreakerSettings;
  readonly #now: () => number;
  readonly #store: BreakerStore | undefined;
  #records: Map<string, BreakerRecord> | undefined;
  /** Endpoints whose single probe is in flight, with when it was let through. */
  readonly #probing = new Map<string, number>();

  constructor(settings: BreakerSettings, now: () => number = Date.now, store?: BreakerStore) {
    this.#settings = settings;
    this.#now = now;
    this.#store = store;
  }

  /** The state an endpoint is in now. */
  state(gateway: string, endpoint: string): EndpointHealth["state"] {
    return stateOf(this.#records_().get(keyOf(gateway, endpoint)), this.#now());
  }

  /** May a request go to the endpoint now? The first one after the cooldown is the probe. */
  admit(gateway: string, endpoint: string): Admission {
    const key = keyOf(gateway, endpoint);
    const record = this.#records_().get(key);
    const state = stateOf(record, this.#now());
    if (state === "closed") return { allowed: true, probe: false };
    // A probe whose outcome never came back (cancelled, or answered with an error that says
    // nothing about the endpoint) holds the slot for one cooldown at most, never for good.
    const probeStarted = this.#probing.get(key);
    if (state === "half-open" && (probeStarted === undefined || this.#now() - probeStarted >= this.#settings.cooldownMs)) {
      this.#probing.set(key, this.#now());
      return { allowed: true, probe: true };
    }
    return { allowed: false, retryAt: Math.max(record!.retryAt ?? 0, this.#now()), failures: record!.failures, ...(record!.reason ? { reason: record!.reason } : {}) };
  }

  /** A request to the endpoint succeeded: the breaker closes. */
  success(gateway: string, endpoint: string): BreakerChange | undefined {
    const key = keyOf(gateway, endpoint);
    this.#probing.delete(key);
    const record = this.#records_().get(key);
    if (!record) return undefined;
    const from = stateOf(record, this.#now());
    this.#set(key, undefined);
    return from === "closed" ? undefined : { gateway, endpoint, from, to: "closed", failures: 0 };
  }

  /**
   * A request ended with an error that says nothing about the endpoint's health (a 401, an
   * overflow, a looping model): a probe it was frees its slot, so the next request probes again.
   */
  release(gateway: string, endpoint: string): void {
    this.#probing.delete(keyOf(gateway, endpoint));
  }

  /** A request to the endpoint failed in a way that says the endpoint is unwell. */
  failure(gateway: string, endpoint: string, reason: string): BreakerChange | undefined {
    const key = keyOf(gateway, endpoint);
    const wasProbe = this.#probing.delete(key);
    const now = this.#now();
    const previous = this.#records_().get(key);
    const from = stateOf(previous, now);
    const failures = (previous?.failures ?? 0) + 1;
    const opens = wasProbe || from === "half-open" || failures >= this.#settings.failures;
    const record: BreakerRecord = { failures, reason, ...(opens ? { retryAt: now + this.#settings.cooldownMs } : {}) };
    this.#set(key, record);
    const to = stateOf(record, now);
    return to === from ? undefined : { gateway, endpoint, from, to, failures, ...(record.retryAt ? { retryAt: record.retryAt } : {}), reason };
  }

  /** Health of every endpoint of a gateway that has failures on record. */
  health(gateway: string): EndpointHealth[] {
    const now = this.#now();
    const prefix = `${gateway}\u0000`;
    return [...this.#records_().entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, record]) => ({
        endpoint: key.slice(prefix.length),
        state: stateOf(record, now),
        failures: record.failures,
        ...(record.retryAt !== undefined ? { retryAt: record.retryAt } : {}),
        ...(record.reason ? { reason: record.reason } : {}),
      }));
  }

  #records_(): Map<string, BreakerRecord> {
    this.#records ??= new Map(Object.entries(this.#store?.load() ?? {}));
    return this.#records;
  }

  #set(key: string, record: BreakerRecord | undefined): void {
    if (record) this.#records_().set(key, record);
    else this.#records_().delete(key);
    this.#store?.save(key, record);
  }
}

function keyOf(gateway: string, endpoint: string): string {
  return `${gateway}\u0000${endpoint}`;
}

function stateOf(record: BreakerRecord | undefined, now: number): EndpointHealth["state"] {
  if (!record || record.retryAt === undefined) return "closed";
  return now < record.retryAt ? "open" : "half-open";
}
