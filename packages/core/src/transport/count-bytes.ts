import type { FetchFunction } from "../trust/fetch-same-origin.js";

/**
 * A request's "bytes arrived" callback, carried through the SDK's `fetchOptions` to the fetch
 * function: the idle timer must see SSE comments and keep-alives, which the SDK never yields.
 */
export const ON_BYTES = Symbol("bridle.onBytes");

/** Wraps a fetch so each body chunk of a successful response calls the request's {@link ON_BYTES} callback. */
export function countBytes(base: FetchFunction): FetchFunction {
  return async (url, init) => {
    const response = await base(url, init);
    const onBytes = (init as Record<symbol, unknown> | undefined)?.[ON_BYTES];
    if (response.status >= 400 || typeof onBytes !== "function" || !response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          (onBytes as () => void)();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
