/** One model as a gateway's `/models` lists it. */
export interface CatalogEntry {
  /** The gateway's slug. */
  slug: string;
  contextWindow?: number;
  maxOutputTokens?: number;
}

/**
 * Reads a gateway's `GET /models` answer: OpenAI-style `{ data: [...] }` or a bare array
 * (Together), with the window under whichever name the gateway uses (`context_length`,
 * `top_provider.context_length`, `context_window`, vLLM's `max_model_len`). Entries without an
 * id are dropped; an answer of another shape throws, naming what was found.
 */
export function parseModelList(body: unknown): CatalogEntry[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.data) ? body.data : undefined;
  if (!list) throw new TypeError(`expected a model list ({ data: [...] } or [...]), got ${describe(body)}`);
  const entries: CatalogEntry[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.id !== "string" || item.id === "") continue;
    const provider = isRecord(item.top_provider) ? item.top_provider : {};
    const contextWindow = firstPositive(item.context_length, provider.context_length, item.context_window, item.max_model_len);
    const maxOutputTokens = firstPositive(provider.max_completion_tokens, item.max_output_tokens, item.max_completion_tokens);
    entries.push({ slug: item.id, ...(contextWindow ? { contextWindow } : {}), ...(maxOutputTokens ? { maxOutputTokens } : {}) });
  }
  return entries;
}

function firstPositive(...values: unknown[]): number | undefined {
  for (const value of values) if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.floor(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (isRecord(value)) return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
  return typeof value;
}
