import { fetchSameOrigin, type GatewayDefinition } from "@bridle/core";
import { type CatalogEntry, parseModelList } from "./parse-model-list.js";

/**
 * `GET <baseURL>/models` on one gateway with its own key (and no other, never across a redirect), parsed. Throws with the
 * HTTP status, a network error or a shape problem; gives up after `timeoutMs`.
 */
export async function fetchModelList(gateway: Pick<GatewayDefinition, "baseURL">, key: string | undefined, timeoutMs: number): Promise<CatalogEntry[]> {
  // The key goes only to the gateway's own origin: a redirect elsewhere is refused.
  const response = await fetchSameOrigin()(`${gateway.baseURL.replace(/\/$/, "")}/models`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseModelList(await response.json());
}
