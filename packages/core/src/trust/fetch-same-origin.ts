import { type RedirectHop, redirectTarget } from "./redirect-target.js";

export { CrossOriginRedirectError } from "./cross-origin-redirect-error.js";

/** The `fetch` shape the CLI's probes use. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

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
      const next = await hopOf(response, () => redirectTarget(origin, url, response.status, response.headers.get("location"), hop));
      if (!next) return response;
      if (next.asGet) request = { ...request, method: "GET", body: null };
      url = next.url;
    }
  };
}

/** Decides the hop; a redirect's body is never read, whether it is followed or refused. */
async function hopOf(response: Response, decide: () => RedirectHop | undefined): Promise<RedirectHop | undefined> {
  let next: RedirectHop | undefined;
  try {
    next = decide();
  } catch (error) {
    await response.body?.cancel().catch(() => {});
    throw error;
  }
  if (next) await response.body?.cancel().catch(() => {});
  return next;
}
