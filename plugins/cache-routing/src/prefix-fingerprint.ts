import { createHash } from "node:crypto";
import type { ChatMessage, ToolDefinition } from "@bridle/core";

/** Hashes of the parts of a request that every later request of the session must repeat. */
export interface PrefixFingerprint {
  system: string;
  tools: string;
}

/** JSON with object keys sorted at every depth, so equal values always serialize the same. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** The fingerprint of a request's system messages (the leading ones) and its tool list. */
export function prefixFingerprint(messages: readonly ChatMessage[], tools: readonly ToolDefinition[]): PrefixFingerprint {
  const system: ChatMessage[] = [];
  for (const message of messages) {
    if (message.role !== "system") break;
    system.push(message);
  }
  return { system: digest(stableStringify(system)), tools: digest(stableStringify(tools)) };
}

/** What changed between two fingerprints: `system`, `tools`, both or nothing. */
export function prefixChanges(before: PrefixFingerprint | undefined, after: PrefixFingerprint): Array<"system" | "tools"> {
  if (!before) return [];
  return [...(before.system !== after.system ? (["system"] as const) : []), ...(before.tools !== after.tools ? (["tools"] as const) : [])];
}

/**
 * The tools in one fixed order (by name) with their schemas' keys sorted, so the serialized tool
 * list does not depend on the order tool sources registered or a schema was written in.
 */
export function stableTools(tools: readonly ToolDefinition[]): ToolDefinition[] {
  return [...tools]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((tool) => ({ ...tool, parameters: JSON.parse(stableStringify(tool.parameters)) as ToolDefinition["parameters"] }));
}
