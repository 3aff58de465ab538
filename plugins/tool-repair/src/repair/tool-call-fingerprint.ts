import { canonicalJson } from "./canonical-json.js";
import type { RawToolCall } from "./types.js";

function hash(text: string): string {
  // cyrb53: a fast 53-bit string hash; collisions only merge two fingerprints, never crash.
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return (4294967296 * (2097151 & second) + (first >>> 0)).toString(36);
}

function normalizeArguments(raw: unknown): string {
  if (raw === null || raw === undefined) return "{}";
  if (typeof raw !== "string") return canonicalJson(raw);
  const text = raw.trim();
  if (text === "") return "{}";
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    // Unparseable text: the same broken text, whatever its whitespace, is the same call.
    return text.replace(/\s+/g, " ");
  }
}

/**
 * A stable key for "the same call": the tool name (case-insensitive) and the arguments with
 * key order and whitespace normalized, hashed. The doom-loop guard counts repeats by it.
 */
export function toolCallFingerprint(call: Pick<RawToolCall, "name" | "arguments">): string {
  const name = (call.name ?? "").trim().toLowerCase();
  return `${name}:${hash(normalizeArguments(call.arguments))}`;
}
