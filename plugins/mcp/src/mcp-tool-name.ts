import { createHash } from "node:crypto";

/** The strictest tool-name rule among the gateways Bridle serves (OpenAI, Anthropic-style routers, Gemini). */
export const TOOL_NAME_RULE = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_LENGTH = 64;

/**
 * The name the model sees for a server's tool: `<server>__<tool>`, with characters outside
 * `[a-zA-Z0-9_-]` replaced by `_`. A name that would be too long, or that another tool already
 * took after replacement, keeps a prefix and gets 8 characters of a hash of the original name,
 * so the same server always yields the same names.
 */
export function mcpToolName(server: string, tool: string, taken: ReadonlySet<string>): string {
  const plain = `${server}__${tool.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  if (plain.length <= MAX_LENGTH && !taken.has(plain) && tool !== "") return plain;
  const hash = createHash("sha256").update(`${server}\u0000${tool}`).digest("hex").slice(0, 8);
  return `${plain.slice(0, MAX_LENGTH - hash.length - 1)}_${hash}`;
}
