import type { JsonSchema } from "@bridle/core";

/** Keys that describe the document rather than the arguments; gateways with strict validators reject some. */
const DOCUMENT_KEYS = new Set(["$schema", "$id", "$comment"]);

/**
 * An MCP tool's `inputSchema` as Bridle offers it: the root is always an object schema with
 * `properties` (some gateways reject a bare `{type:"object"}`), document-level keys dropped.
 * Everything else is kept as the server wrote it: per-gateway shaping and repair against it
 * happen where they happen for built-in tools.
 */
export function toToolSchema(inputSchema: unknown): JsonSchema {
  const source = typeof inputSchema === "object" && inputSchema !== null && !Array.isArray(inputSchema) ? (inputSchema as JsonSchema) : {};
  const schema: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) if (!DOCUMENT_KEYS.has(key)) schema[key] = value;
  schema["type"] = "object";
  const properties = schema["properties"];
  if (typeof properties !== "object" || properties === null || Array.isArray(properties)) schema["properties"] = {};
  return schema;
}
