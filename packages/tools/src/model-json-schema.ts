import { z } from "zod";
import type { JsonSchema } from "@bridle/core";

/**
 * The JSON Schema a model is offered for a zod parameter schema: the input side (fields with
 * defaults are optional), without `$schema` and without the ±2^53 bounds zod adds to integers,
 * which only cost tokens and trip strict validators on some gateways.
 */
export function modelJsonSchema(parameters: z.ZodType): JsonSchema {
  const schema = z.toJSONSchema(parameters, { io: "input" }) as JsonSchema;
  delete schema["$schema"];
  return stripSafeIntegerBounds(schema) as JsonSchema;
}

function stripSafeIntegerBounds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSafeIntegerBounds);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === "maximum" && entry === Number.MAX_SAFE_INTEGER) continue;
    if (key === "minimum" && entry === Number.MIN_SAFE_INTEGER) continue;
    result[key] = stripSafeIntegerBounds(entry);
  }
  return result;
}
