import { createHash } from "node:crypto";
import type { ToolCallIdPolicy } from "./gateway-definition.js";

/**
 * A tool-call id the gateway accepts. Ids that already fit pass through verbatim (Kimi renders
 * them back into its prompt); others become a short hash of the original, the same every time,
 * so a call and its result still pair up.
 */
export function shortenToolCallId(id: string, policy: ToolCallIdPolicy): string {
  const tooLong = policy.maxLength !== undefined && id.length > policy.maxLength;
  const badChars = policy.pattern !== undefined && !policy.pattern.test(id);
  if (!tooLong && !badChars) return id;
  const digest = createHash("sha256").update(id).digest("base64url").replace(/[^A-Za-z0-9]/g, "");
  return digest.slice(0, policy.maxLength ?? 24);
}
