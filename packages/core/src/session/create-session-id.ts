import { randomBytes } from "node:crypto";

/**
 * A new session id: UTC creation time to the millisecond, then 8 random hex digits, e.g.
 * `20260519T143012345Z-4f9a1c2e`. Ids sort by creation time as plain strings and are safe file names.
 */
export function createSessionId(now: Date = new Date()): string {
  const time = now.toISOString().replace(/[-:.]/g, "");
  return `${time}-${randomBytes(4).toString("hex")}`;
}
