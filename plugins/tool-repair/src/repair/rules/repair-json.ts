import { jsonrepair } from "jsonrepair";

/** Rule name recorded when `jsonrepair` fixed the syntax (quotes, Python literals, commas, …). */
export const REPAIR_JSON = "repair-json";

/** The result of `repairJsonSyntax`. */
export type JsonSyntaxRepair = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses JSON-ish text with `jsonrepair`: single quotes, Python `True`/`False`/`None`, trailing or
 * missing commas, unquoted keys and words, comments, fences. Never throws; on failure returns the
 * parser's message (it names the position).
 */
export function repairJsonSyntax(text: string): JsonSyntaxRepair {
  try {
    return { ok: true, value: JSON.parse(jsonrepair(text)) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
