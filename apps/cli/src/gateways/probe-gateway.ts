import type { GatewayRegistry } from "@bridle/core";

/** What one probe of a gateway found. */
export interface ProbeResult {
  ok: boolean;
  /** `200 · 14 models · 85 ms`, `401 Invalid API Key`, `unreachable: connect ECONNREFUSED`. */
  summary: string;
}

/**
 * Asks a gateway's own endpoint for its model list (`GET /models`), with its own key only, and
 * says whether it answered. Bounded by `timeoutMs`; never throws.
 */
export async function probeGateway(gateways: GatewayRegistry, id: string, environment: NodeJS.ProcessEnv, timeoutMs = 5_000): Promise<ProbeResult> {
  const endpoint = gateways.endpoint(id, undefined, environment);
  if (!endpoint) return { ok: false, summary: "unknown gateway" };
  const gateway = gateways.get(id)!;
  const key = gateways.apiKey(id, environment);
  if (!key && !gateway.local) return { ok: false, summary: "not probed: no key" };
  const started = performance.now();
  try {
    const response = await fetch(`${endpoint.baseURL.replace(/\/+$/, "")}/models`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    const milliseconds = Math.round(performance.now() - started);
    const text = await response.text();
    if (!response.ok) return { ok: false, summary: `${response.status} ${firstLine(text)}` };
    const count = modelCount(text);
    return { ok: true, summary: `${response.status}${count === undefined ? "" : ` · ${count} models`} · ${milliseconds} ms` };
  } catch (error) {
    return { ok: false, summary: `unreachable: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}` };
  }
}

function modelCount(text: string): number | undefined {
  try {
    const parsed = JSON.parse(text) as { data?: unknown[]; models?: unknown[] };
    return Array.isArray(parsed.data) ? parsed.data.length : Array.isArray(parsed.models) ? parsed.models.length : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === "string") return message.slice(0, 120);
  } catch {
    // Not JSON.
  }
  return text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
}
