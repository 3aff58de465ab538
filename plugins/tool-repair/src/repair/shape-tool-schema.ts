import type { JsonSchema } from "./types.js";

/**
 * How to reshape a tool schema for what a gateway accepts. Only the copy the model sees changes;
 * Bridle keeps validating against the original, so shaping never loosens what runs.
 */
export interface SchemaProfile {
  /** Add `additionalProperties: false` to every object that lists its properties (strict modes require it). */
  closeObjects?: boolean;
  /**
   * Remove `additionalProperties: false`, for gateways that check the model's output against the
   * schema themselves and fail the whole response on a mismatch: a near-miss then reaches
   * Bridle's repair layer instead of becoming a 400.
   */
  openObjects?: boolean;
  /**
   * Make every optional property required and nullable (`type: [T, "null"]`), as strict modes
   * demand. The model then sends `null` for what it skips, which repair turns back into "omitted".
   */
  nullableOptionals?: boolean;
  /** Keywords removed everywhere (`$schema`, `format`, `default`, `examples`, …) for gateways that reject them. */
  dropKeywords?: readonly string[];
  /** Make the root `{ "type": "object", "properties": {} }` when it lacks them (parameterless tools). */
  objectRoot?: boolean;
}

/** Profiles for the common cases; gateway adapters pick one or build their own. */
export const SCHEMA_PROFILES = {
  /** OpenAI-style `strict: true`: closed objects, every property required, optionals nullable. */
  strict: { closeObjects: true, nullableOptionals: true, objectRoot: true, dropKeywords: ["$schema"] },
  /** Gateways that validate output server-side (Groq-style `tool_use_failed`): open objects. */
  lenient: { openObjects: true, objectRoot: true, dropKeywords: ["$schema"] },
} as const satisfies Record<string, SchemaProfile>;

const shaped = new WeakMap<object, WeakMap<SchemaProfile, JsonSchema>>();

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "additionalItems", "contains"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function makeNullable(schema: unknown): unknown {
  if (!isRecord(schema)) return schema;
  const type = schema.type;
  if (typeof type === "string") {
    if (type === "null") return schema;
    const result: Record<string, unknown> = { ...schema, type: [type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) result.enum = [...schema.enum, null];
    return result;
  }
  if (Array.isArray(type)) {
    if (type.includes("null")) return schema;
    const result: Record<string, unknown> = { ...schema, type: [...type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) result.enum = [...schema.enum, null];
    return result;
  }
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf.some((branch) => isRecord(branch) && branch.type === "null") ? schema : { ...schema, anyOf: [...schema.anyOf, { type: "null" }] };
  }
  return { anyOf: [schema, { type: "null" }] };
}

function shapeNode(schema: unknown, profile: SchemaProfile, drop: ReadonlySet<string>): unknown {
  if (!isRecord(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (drop.has(key)) continue;
    if (SCHEMA_MAPS.includes(key) && isRecord(value)) {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, shapeNode(child, profile, drop)]));
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      result[key] = value.map((child) => shapeNode(child, profile, drop));
    } else if (SCHEMA_SINGLES.includes(key) && (isRecord(value) || (key === "items" && Array.isArray(value)))) {
      result[key] = Array.isArray(value) ? value.map((child) => shapeNode(child, profile, drop)) : shapeNode(value, profile, drop);
    } else {
      result[key] = value;
    }
  }
  if (isRecord(result.properties)) {
    const properties = result.properties;
    if (profile.nullableOptionals === true) {
      const required = new Set(Array.isArray(result.required) ? (result.required as unknown[]).filter((key): key is string => typeof key === "string") : []);
      const nullable: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(properties)) nullable[name] = required.has(name) ? child : makeNullable(child);
      result.properties = nullable;
      result.required = Object.keys(properties);
    }
    if (profile.closeObjects === true && (result.additionalProperties === undefined || result.additionalProperties === true)) {
      result.additionalProperties = false;
    }
  }
  if (profile.openObjects === true && result.additionalProperties === false) delete result.additionalProperties;
  return result;
}

/**
 * Reshapes a tool's parameter schema into one a gateway accepts, per `profile` (see
 * `SCHEMA_PROFILES`). Pure: returns a new schema (cached per schema and profile object, so treat
 * it as read-only) and never
 * touches the input; validation keeps using the original.
 *
 * @throws TypeError when `schema` is not an object or boolean, or `profile` sets both `closeObjects` and `openObjects`.
 */
export function shapeToolSchema(schema: JsonSchema, profile: SchemaProfile): JsonSchema {
  if (profile.closeObjects === true && profile.openObjects === true) {
    throw new TypeError("shapeToolSchema: a profile cannot both close and open objects");
  }
  if (typeof schema === "boolean") return profile.objectRoot === true ? { type: "object", properties: {} } : schema;
  if (!isRecord(schema)) throw new TypeError(`shapeToolSchema: schema must be an object or boolean, got ${schema === null ? "null" : typeof schema}`);
  const byProfile = shaped.get(schema);
  const cached = byProfile?.get(profile);
  if (cached !== undefined) return cached;
  let root = schema as Record<string, unknown>;
  if (profile.objectRoot === true && (root.type === undefined || root.properties === undefined) && root.anyOf === undefined && root.oneOf === undefined) {
    root = { type: "object", properties: {}, ...root };
  }
  const result = shapeNode(root, profile, new Set(profile.dropKeywords ?? [])) as JsonSchema;
  const map = byProfile ?? new WeakMap<SchemaProfile, JsonSchema>();
  map.set(profile, result);
  if (byProfile === undefined) shaped.set(schema, map);
  return result;
}
