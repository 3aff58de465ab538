import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { discoverOpenAIModels } from "./discover-openai-models.js";
import { fetchJson, positiveInteger } from "./fetch-json.js";
import { serverRoot } from "./server-root.js";

interface RestModel {
  id?: unknown;
  type?: unknown;
  state?: unknown;
  max_context_length?: unknown;
  loaded_context_length?: unknown;
}

/**
 * LM Studio: `/api/v0/models` lists the downloaded models with `max_context_length` and, for a
 * loaded one, the `loaded_context_length` it actually runs with. Embedding models are left out.
 * A model that is not loaded is loaded on first use with LM Studio's default context length,
 * which Bridle cannot know: its window is left open and a warning says so. Older versions
 * without the REST API fall back to `/v1/models`.
 */
export async function discoverLmstudio(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[]> {
  const body = (await fetchJson(fetch, `${serverRoot(endpoint.baseURL)}/api/v0/models`, signal)) as { data?: unknown } | undefined;
  if (!Array.isArray(body?.data)) return (await discoverOpenAIModels(endpoint, fetch, signal)) ?? [];
  const models: DiscoveredModel[] = [];
  for (const entry of body.data as RestModel[]) {
    if (typeof entry?.id !== "string" || entry.type === "embeddings") continue;
    const loaded = positiveInteger(entry.loaded_context_length);
    const max = positiveInteger(entry.max_context_length);
    if (loaded !== undefined) {
      models.push({ slug: entry.id, contextWindow: loaded, ...(max !== undefined && max !== loaded ? { maxContextWindow: max } : {}) });
    } else {
      models.push({
        slug: entry.id,
        ...(max === undefined ? {} : { maxContextWindow: max }),
        warning: `LM Studio has not loaded ${entry.id}; it loads it on first use with its default context length, which may be far below ${max === undefined ? "the model's" : `its ${max.toLocaleString("en-US")}-token`} maximum. Load it with the context length you want (lms load ${entry.id} --context-length N).`,
      });
    }
  }
  return models;
}
