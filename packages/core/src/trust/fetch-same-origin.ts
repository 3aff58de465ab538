/** The `fetch` shape the `openai` SDK and the CLI's probes use. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Redirects followed within one origin before giving up. */
const MAX_REDIRECTS = 5;

/** A redirect to another origin: refused, so the key (and the conversation) stay where they were sent. */
export class CrossOriginRedirectError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly status: number,
  ) {
    super(`${new URL(from).origin} answered ${status} redirecting to ${new URL(to).origin}; a redirect to another origin is not followed (the key goes only to its own gateway's host)`);
    this.name = "CrossOriginRedirectError";
  }
}

/**
 * Wraps `fetch` so that redirects are followed only within the origin of the first request.
 * Fetch itself would follow a 307 to any host with the request's headers and body; here every
 * redirect is handled by hand (`redirect: "manual"`) and one that leaves the origin throws
 * {@link CrossOriginRedirectError} before anything is sent there.
 */
export function fetchSameOrigin(base: FetchFunction = globalThis.fetch): FetchFunction {
  return async (input, init = {}) => {
    let url = input instanceof Request ? input.url : String(input);
    const origin = new URL(url).origin;
    let request: RequestInit = { ...init, redirect: "manual" };
    for (let hop = 0; ; hop++) {
      const response = await base(hop === 0 && input instanceof Request ? input : url, request);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || location === null) return response;
      const next = new URL(location, url).href;
      await response.body?.cancel().catch(() => {});
      if (new URL(next).origin !== origin) throw new CrossOriginRedirectError(url, next, response.status);
      if (hop + 1 >= MAX_REDIRECTS) throw new Error(`${origin} redirected more than ${MAX_REDIRECTS} times`);
      // 307/308 repeat the request as it was; the others turn it into a GET without a body.
      if (response.status !== 307 && response.status !== 308) request = { ...request, method: "GET", body: null };
      url = next;
    }
  };
}
