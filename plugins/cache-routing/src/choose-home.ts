import { rendezvousOrder } from "./rendezvous-order.js";

/** What `chooseHome` needs to place one session. */
export interface HomeChoiceInput {
  /** The session's routing key (its affinity value). */
  key: string;
  /** Endpoint ids to choose from. */
  endpoints: readonly string[];
  /** The endpoint the session lives on now, if any. */
  home?: string;
  /** Other sessions living on each endpoint (this one excluded); missing means none. */
  load?: Readonly<Record<string, number>>;
  /** Endpoints that must not be used now (an open breaker). */
  unavailable?: ReadonlySet<string>;
  /** Load slack: an endpoint takes a new session while it holds fewer than ⌈(1+ε)·(total+1)/n⌉. */
  epsilon?: number;
}

/** Where the session goes, and why. */
export interface HomeChoice {
  endpoint: string;
  /** `home`: it stays; `placed`: first placement; `re-homed`: its home was unavailable. */
  reason: "home" | "placed" | "re-homed";
}

/**
 * Bridle's routing policy: a session stays on its home for as long as the home is available, so
 * its prefix cache keeps growing there. A session without a usable home is placed by rendezvous
 * hashing of its key with a load bound (the first endpoint of its own order holding fewer than
 * ⌈(1+ε)·(total+1)/n⌉ sessions), and then sticks to the new home: unlike consistent hashing with
 * bounded loads it never drifts back, because drifting back lands on a cache that went cold.
 * When every endpoint is unavailable it uses its first choice anyway (the request fails or
 * succeeds on its own; routing never invents an error).
 */
export function chooseHome(input: HomeChoiceInput): HomeChoice {
  const { key, endpoints, home, load = {}, unavailable, epsilon = 0.25 } = input;
  if (endpoints.length === 0) throw new TypeError("chooseHome: no endpoints to choose from");
  if (home !== undefined && endpoints.includes(home) && !unavailable?.has(home)) return { endpoint: home, reason: "home" };
  const reason = home !== undefined && endpoints.includes(home) ? "re-homed" : "placed";
  const usable = endpoints.filter((endpoint) => !unavailable?.has(endpoint));
  const candidates = usable.length > 0 ? usable : [...endpoints];
  const order = rendezvousOrder(key, candidates);
  const total = candidates.reduce((sum, endpoint) => sum + (load[endpoint] ?? 0), 0);
  const bound = Math.ceil(((1 + epsilon) * (total + 1)) / candidates.length);
  const endpoint = order.find((candidate) => (load[candidate] ?? 0) < bound) ?? (order[0] as string);
  return { endpoint, reason };
}
