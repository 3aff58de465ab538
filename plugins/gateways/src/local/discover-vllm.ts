import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { discoverOpenAIModels } from "./discover-openai-models.js";

/** vLLM: `/v1/models` lists the served names with `max_model_len`, the window the engine runs with. */
export async function discoverVllm(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[]> {
  return (await discoverOpenAIModels(endpoint, fetch, signal)) ?? [];
}
