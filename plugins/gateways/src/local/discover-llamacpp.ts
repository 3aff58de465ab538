import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { fetchJson, positiveInteger, recordAt } from "./fetch-json.js";
import { serverRoot } from "./server-root.js";

/**
 * llama.cpp `llama-server`: one model, whatever name is sent. `/props` gives the window each
 * slot runs with (`default_generation_settings.n_ctx`); `/v1/models` names the model and its
 * trained window (`meta.n_ctx_train`).
 */
export async function discoverLlamacpp(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[]> {
  const props = await fetchJson(fetch, `${serverRoot(endpoint.baseURL)}/props`, signal);
  const running = positiveInteger(recordAt(props, "default_generation_settings")?.n_ctx) ?? positiveInteger((props as { n_ctx?: unknown } | undefined)?.n_ctx);
  const listed = (await fetchJson(fetch, `${endpoint.baseURL.replace(/\/+$/, "")}/models`, signal)) as { data?: Array<{ id?: unknown; meta?: { n_ctx_train?: unknown } }> } | undefined;
  const first = listed?.data?.[0];
  const trained = positiveInteger(first?.meta?.n_ctx_train);
  const slug = typeof first?.id === "string" && first.id !== "" ? first.id : modelName(props);
  if (slug === undefined) return [];
  const window = running ?? trained;
  return [{ slug, ...(window === undefined ? {} : { contextWindow: window }), ...(trained !== undefined && trained !== window ? { maxContextWindow: trained } : {}) }];
}

/** The file name of the loaded model, without directories and `.gguf`. */
function modelName(props: unknown): string | undefined {
  const path = (props as { model_path?: unknown } | undefined)?.model_path;
  if (typeof path !== "string" || path === "") return undefined;
  return path.split(/[\\/]/).pop()?.replace(/\.gguf$/i, "");
}
