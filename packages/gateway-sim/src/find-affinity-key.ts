import type { IncomingHttpHeaders } from "node:http";
import type { AffinitySource } from "./gateway-profile.js";

/** An affinity key found in a request, and the field it came from (`body:session_id`). */
export interface AffinityKey {
  readonly source: string;
  readonly value: string;
}

/**
 * The first affinity key the gateway honours that the request carries, checking the sources in
 * the gateway's priority order. Empty values do not count.
 */
export function findAffinityKey(sources: readonly AffinitySource[], body: Readonly<Record<string, unknown>>, headers: IncomingHttpHeaders): AffinityKey | undefined {
  for (const source of sources) {
    const raw = source.in === "body" ? body[source.name] : headers[source.name.toLowerCase()];
    const value = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : Array.isArray(raw) ? raw[0] : undefined;
    if (value !== undefined && value !== "") return { source: `${source.in}:${source.name}`, value };
  }
  return undefined;
}
