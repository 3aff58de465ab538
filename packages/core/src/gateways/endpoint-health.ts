/**
 * How one endpoint of a gateway is doing, as a plugin that watches failures sees it (a circuit
 * breaker): `closed` is in use, `open` is skipped until `retryAt`, `half-open` lets one probe through.
 */
export interface EndpointHealth {
  /** Endpoint id within the gateway. */
  endpoint: string;
  state: "closed" | "open" | "half-open";
  /** Consecutive failures counted. */
  failures: number;
  /** Epoch milliseconds when an open endpoint lets a probe through. */
  retryAt?: number;
  /** The last failure, in words. */
  reason?: string;
}

/** Reads the health of a gateway's endpoints, now; only endpoints with something to say are listed. */
export type EndpointHealthSource = (gateway: string) => readonly EndpointHealth[];
