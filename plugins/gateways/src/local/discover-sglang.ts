import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { discoverOpenAIModels } from "./discover-openai-models.js";
import { fetchJson, positiveInteger } from "./fetch-json.js";
import { serverRoot } from "./server-root.js";

/**
 * SGLang: `/v1/models` (with `max_model_len` on recent versions); when that names no window,
 * `/get_server_info` gives `context_length`, and when `/v1/models` is absent `/get_model_info`
 * names the one served model.
 */
export async function discoverSglang(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[]> {
  const root = serverRoot(endpoint.baseURL);
  let models = await discoverOpenAIModels(endpoint, fetch, signal);
  if (models === undefined || models.length === 0) {
    const info = (await fetchJson(fetch, `${root}/get_model_info`, signal)) as { model_path?: unknown } | undefined;
    models = typeof info?.model_path === "string" ? [{ slug: info.model_path }] : [];
  }
  if (models.every((model) => model.contextWindow !== undefined)) return models;
  const server = (await fetchJson(fetch, `${root}/get_server_info`, signal)) as { context_length?: unknown } | undefined;
  const window = positiveInteger(server?.context_length);
  return window === undefined ? models : models.map((model) => ({ contextWindow: window, ...model }));
}
