import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { fetchJson, positiveInteger, recordAt } from "./fetch-json.js";

/** Fields servers put a model's window under in `/v1/models` (vLLM, SGLang, routers). */
const WINDOW_FIELDS = ["max_model_len", "context_length", "context_window", "loaded_context_length", "max_context_length"] as const;

/**
 * The models of `GET {baseURL}/models` with the window each entry states (`max_model_len` on
 * vLLM and SGLang, `context_length` on routers), or none when the server states none. Accepts
 * `{data: [...]}` and a bare array. `undefined` when the endpoint is absent.
 */
export async function discoverOpenAIModels(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[] | undefined> {
  const body = await fetchJson(fetch, `${endpoint.baseURL.replace(/\/+$/, "")}/models`, signal);
  const list = Array.isArray(body) ? body : (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(list)) return undefined;
  const models: DiscoveredModel[] = [];
  for (const entry of list) {
    const record = entry as Record<string, unknown> | null;
    if (typeof record?.id !== "string" || record.id === "") continue;
    const window = windowOf(record);
    models.push({ slug: record.id, ...(window === undefined ? {} : { contextWindow: window }) });
  }
  return models;
}

function windowOf(record: Record<string, unknown>): number | undefined {
  for (const field of WINDOW_FIELDS) {
    const value = positiveInteger(record[field]);
    if (value !== undefined) return value;
  }
  return positiveInteger(recordAt(record, "top_provider")?.context_length);
}
