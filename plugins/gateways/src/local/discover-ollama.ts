import type { DiscoveredModel, GatewayEndpoint } from "@bridle/core";
import { fetchJson, positiveInteger, recordAt } from "./fetch-json.js";
import { serverRoot } from "./server-root.js";

/**
 * Ollama's context length when nothing sets it (`OLLAMA_CONTEXT_LENGTH`, a Modelfile `num_ctx`).
 * Newer versions may pick more from the GPU's memory; a model not loaded yet cannot tell.
 */
export const OLLAMA_DEFAULT_CONTEXT = 4096;

interface TagEntry {
  name?: unknown;
  model?: unknown;
  context_length?: unknown;
}

/**
 * Ollama: `/api/tags` lists the pulled models; `/api/ps` gives a loaded model's running
 * `context_length`; `/api/show` gives the trained window (`model_info["<arch>.context_length"]`)
 * and a Modelfile's `num_ctx`. Ollama's `/v1` ignores a request's `num_ctx` and cuts a longer
 * prompt silently, so a model with no known running window gets Ollama's default and a warning.
 */
export async function discoverOllama(endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal): Promise<DiscoveredModel[]> {
  const root = serverRoot(endpoint.baseURL);
  const tags = (await fetchJson(fetch, `${root}/api/tags`, signal)) as { models?: TagEntry[] } | undefined;
  const pulled = (tags?.models ?? []).map(nameOf).filter((name): name is string => name !== undefined);
  const ps = (await fetchJson(fetch, `${root}/api/ps`, signal)) as { models?: TagEntry[] } | undefined;
  const running = new Map<string, number>();
  for (const entry of ps?.models ?? []) {
    const name = nameOf(entry);
    const window = positiveInteger(entry.context_length);
    if (name !== undefined && window !== undefined) running.set(name, window);
  }
  const models: DiscoveredModel[] = [];
  for (const slug of pulled) {
    const shown = await fetchJson(fetch, `${root}/api/show`, signal, { model: slug });
    const trained = trainedWindow(shown);
    const configured = running.get(slug) ?? modelfileContext(shown);
    const contextWindow = configured ?? Math.min(OLLAMA_DEFAULT_CONTEXT, trained ?? OLLAMA_DEFAULT_CONTEXT);
    const model: DiscoveredModel = { slug, contextWindow, ...(trained !== undefined && trained !== contextWindow ? { maxContextWindow: trained } : {}) };
    if (configured === undefined) {
      model.warning = `Ollama does not say which context length it runs ${slug} with; assuming its default of ${contextWindow.toLocaleString("en-US")} tokens${trained === undefined ? "" : ` (the model supports ${trained.toLocaleString("en-US")})`}. Ollama silently cuts longer prompts: set OLLAMA_CONTEXT_LENGTH or a Modelfile num_ctx, or load the model first (ollama run ${slug}).`;
    }
    models.push(model);
  }
  return models;
}

function nameOf(entry: TagEntry | null | undefined): string | undefined {
  const name = entry?.name ?? entry?.model;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/** `model_info["<arch>.context_length"]`, the window the weights were trained for. */
function trainedWindow(shown: unknown): number | undefined {
  const info = recordAt(shown, "model_info");
  if (info === undefined) return undefined;
  const architecture = info["general.architecture"];
  if (typeof architecture === "string") {
    const value = positiveInteger(info[`${architecture}.context_length`]);
    if (value !== undefined) return value;
  }
  for (const [key, value] of Object.entries(info)) if (key.endsWith(".context_length") && positiveInteger(value) !== undefined) return value as number;
  return undefined;
}

/** A `num_ctx` line in the Modelfile parameters (`num_ctx                        32768`). */
function modelfileContext(shown: unknown): number | undefined {
  const parameters = (shown as { parameters?: unknown } | undefined)?.parameters;
  if (typeof parameters !== "string") return undefined;
  const match = /^\s*num_ctx\s+(\d+)\s*$/m.exec(parameters);
  return match ? positiveInteger(Number(match[1])) : undefined;
}
