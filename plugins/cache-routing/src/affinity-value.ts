import { createHmac } from "node:crypto";

/** Prefix of every affinity value, so a value in a gateway's logs is recognisable as Bridle's. */
export const AFFINITY_PREFIX = "brdl-";

/**
 * The affinity value a session sends to one gateway: an HMAC-SHA256 of the session id and the
 * gateway id, keyed by `secret`, cut to 32 base64url characters. It depends on nothing a
 * compaction, a resume or a model switch changes, so the session keeps its cache home across
 * them; it reveals neither the session id nor anything else in clear, and two gateways see
 * unrelated values for the same session.
 */
export function affinityValue(sessionId: string, gateway: string, secret: string): string {
  const digest = createHmac("sha256", secret).update(`${gateway}\u0000${sessionId}`).digest("base64url");
  return `${AFFINITY_PREFIX}${digest.slice(0, 32)}`;
}
