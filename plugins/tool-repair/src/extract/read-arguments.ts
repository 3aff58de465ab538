import type { ExtractedToolCall } from "./types.js";

type Arguments = Pick<ExtractedToolCall, "arguments" | "rawArguments">;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Turns an already-decoded `arguments` value into the call shape: objects as they are, a string
 * holding a JSON object decoded once (a common double-encoding), anything else kept as raw JSON
 * text for the repair stage.
 */
export function argumentsFromValue(value: unknown): Arguments {
  if (isRecord(value)) return { arguments: value };
  if (value === undefined || value === null) return { arguments: {} };
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return { arguments: {} };
    if (trimmed.startsWith("{")) {
      try {
        const decoded: unknown = JSON.parse(trimmed);
        if (isRecord(decoded)) return { arguments: decoded };
      } catch {
        // Falls through: keep the string as it was sent.
      }
    }
  }
  return { arguments: {}, rawArguments: JSON.stringify(value) };
}

/**
 * Reads argument text that should be a JSON object. Anything else (truncated JSON, a bare word) is
 * passed through verbatim as `rawArguments`, so nothing the model wrote is lost or invented here.
 */
export function argumentsFromText(text: string): Arguments {
  const trimmed = text.trim();
  if (trimmed === "") return { arguments: {} };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (isRecord(value)) return { arguments: value };
  } catch {
    // Falls through to the raw text.
  }
  return { arguments: {}, rawArguments: trimmed };
}
