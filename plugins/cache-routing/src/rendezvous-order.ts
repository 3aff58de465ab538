import { hashKey } from "./hash-key.js";

/**
 * The endpoints in the order a session prefers them (highest random weight first). Removing an
 * endpoint moves only the sessions that lived on it; every other session keeps its first choice.
 */
export function rendezvousOrder(key: string, endpoints: readonly string[]): string[] {
  return endpoints
    .map((endpoint) => ({ endpoint, weight: hashKey(`${key}\u0000${endpoint}`) }))
    .sort((a, b) => b.weight - a.weight || (a.endpoint < b.endpoint ? -1 : 1))
    .map((entry) => entry.endpoint);
}
