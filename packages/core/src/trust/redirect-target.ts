import { CrossOriginRedirectError } from "./cross-origin-redirect-error.js";

/** Redirects followed within one origin before giving up. */
export const MAX_REDIRECTS = 5;

/** The next hop of a redirect that may be followed: where, and whether it becomes a GET without a body. */
export interface RedirectHop {
  url: string;
  /** 307/308 repeat the request as it was; the others turn it into a GET without a body. */
  asGet: boolean;
}

/**
 * Decides one answer of a request first sent to `origin`: `undefined` when it is not a redirect
 * (not 3xx, or no `location`), the next hop when it stays on the origin; throws
 * {@link CrossOriginRedirectError} when it leaves it (nothing is sent there) and an error after
 * {@link MAX_REDIRECTS} hops.
 */
export function redirectTarget(origin: string, url: string, status: number, location: string | null | undefined, hop: number): RedirectHop | undefined {
  if (status < 300 || status > 399 || location === null || location === undefined) return undefined;
  const next = new URL(location, url).href;
  if (new URL(next).origin !== origin) throw new CrossOriginRedirectError(url, next, status);
  if (hop + 1 >= MAX_REDIRECTS) throw new Error(`${origin} redirected more than ${MAX_REDIRECTS} times`);
  return { url: next, asGet: status !== 307 && status !== 308 };
}
