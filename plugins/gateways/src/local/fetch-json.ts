/**
 * GETs (or POSTs) JSON from a local server. A non-2xx answer or a body that is not JSON gives
 * `undefined` (the endpoint is absent on this version); a connection failure throws an Error
 * naming the URL.
 */
export async function fetchJson(
  fetch: typeof globalThis.fetch,
  url: string,
  signal: AbortSignal,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`cannot reach ${url}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** A positive integer, or `undefined`. */
export function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The object's `field` as a record, or `undefined`. */
export function recordAt(value: unknown, field: string): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[field];
  return typeof inner === "object" && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : undefined;
}
