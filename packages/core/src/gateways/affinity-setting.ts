import type { AffinityMechanism, GatewayEndpoint } from "./gateway-definition.js";

/** The names a config file may give `gateways.<id>.affinity` instead of a mechanism object. */
export const AFFINITY_NAMES = ["prompt_cache_key", "x-session-affinity", "session_id", "none"] as const;

export type AffinityName = (typeof AFFINITY_NAMES)[number];

/** The mechanism a config value names; `none` is `null`, which takes a definition's mechanism away. */
export function affinityFromSetting(setting: AffinityMechanism | AffinityName): AffinityMechanism | null {
  if (typeof setting !== "string") return setting;
  if (setting === "none") return null;
  return setting === "x-session-affinity" ? { header: setting } : { bodyField: setting };
}

/** Endpoints from config: a bare URL gets the id `endpoint-<n>` (1-based, in list order). */
export function endpointsFromSetting(endpoints: ReadonlyArray<string | GatewayEndpoint>): GatewayEndpoint[] {
  return endpoints.map((endpoint, index) => (typeof endpoint === "string" ? { id: `endpoint-${index + 1}`, baseURL: endpoint } : endpoint));
}
