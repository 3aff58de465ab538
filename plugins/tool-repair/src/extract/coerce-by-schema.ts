import { jsonrepair } from "jsonrepair";

type SchemaType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

const TYPE_ALIASES: Record<string, SchemaType> = {
  string: "string",
  str: "string",
  text: "string",
  integer: "integer",
  int: "integer",
  number: "number",
  float: "number",
  double: "number",
  boolean: "boolean",
  bool: "boolean",
  object: "object",
  dict: "object",
  array: "array",
  list: "array",
  null: "null",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeOfLiteral(value: unknown): SchemaType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "object") return "object";
  return "string";
}

/** The types a schema allows, in declaration order (`anyOf`/`oneOf` members and enums included). */
export function schemaTypes(schema: unknown): SchemaType[] {
  const found: SchemaType[] = [];
  const add = (type: SchemaType | undefined): void => {
    if (type && !found.includes(type)) found.push(type);
  };
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    const declared = node["type"];
    if (typeof declared === "string") add(TYPE_ALIASES[declared.toLowerCase()]);
    else if (Array.isArray(declared)) {
      for (const entry of declared) if (typeof entry === "string") add(TYPE_ALIASES[entry.toLowerCase()]);
    }
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      const members = node[key];
      if (Array.isArray(members)) members.forEach(visit);
    }
    if (Array.isArray(node["enum"])) for (const value of node["enum"]) add(typeOfLiteral(value));
    if ("const" in node) add(typeOfLiteral(node["const"]));
    if (declared === undefined && (isRecord(node["properties"]) || node["additionalProperties"] !== undefined)) {
      add("object");
    }
    if (declared === undefined && node["items"] !== undefined) add("array");
  };
  visit(schema);
  return found;
}

/**
 * The text itself, plus, when it carries `\"` escapes, the text decoded as the body of a JSON
 * string: some models emit JSON inside XML values escaped a second time.
 */
function readings(text: string): string[] {
  if (!text.includes('\\"')) return [text];
  try {
    const decoded: unknown = JSON.parse(`"${text}"`);
    return typeof decoded === "string" ? [text, decoded] : [text];
  } catch {
    return [text];
  }
}

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Reads text that should hold a JSON object or array: strict JSON first, then the
 * backslash-escaped form some models emit inside XML (`[{\"id\": 1}]`), then a lenient repair
 * (single quotes, Python literals). Returns undefined unless the result has the wanted kind.
 */
export function parseStructured(text: string, kind: "object" | "array"): unknown {
  const trimmed = text.trim();
  const opener = kind === "object" ? "{" : "[";
  if (!trimmed.startsWith(opener)) return undefined;
  const fits = (value: unknown): boolean => (kind === "array" ? Array.isArray(value) : isRecord(value));
  for (const attempt of readings(trimmed)) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (fits(value)) return value;
    } catch {
      // Try the next reading.
    }
  }
  try {
    const value: unknown = JSON.parse(jsonrepair(trimmed));
    if (fits(value)) return value;
  } catch {
    // Not recoverable as the wanted kind.
  }
  return undefined;
}

function convertAs(type: SchemaType, text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  switch (type) {
    case "string":
      return { ok: true, value: text };
    case "integer":
      if (INTEGER.test(trimmed)) {
        const value = Number(trimmed);
        if (Number.isSafeInteger(value)) return { ok: true, value };
      }
      return { ok: false };
    case "number":
      return DECIMAL.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
    case "boolean": {
      const lower = trimmed.toLowerCase();
      if (lower === "true") return { ok: true, value: true };
      if (lower === "false") return { ok: true, value: false };
      return { ok: false };
    }
    case "null":
      return /^(?:null|none)$/i.test(trimmed) ? { ok: true, value: null } : { ok: false };
    case "object":
    case "array": {
      const value = parseStructured(trimmed, type);
      return value === undefined ? { ok: false } : { ok: true, value };
    }
  }
}

/**
 * Converts a raw text parameter value (XML-style grammars carry no JSON types) to the first type
 * in the schema's declaration order that the text satisfies; a literal `null` wins when the schema
 * allows null. Returns the text unchanged when the schema declares no usable type or no type fits,
 * leaving the mismatch to validation.
 */
export function coerceBySchema(text: string, schema: unknown): unknown {
  const types = schemaTypes(schema);
  if (types.includes("null")) {
    const asNull = convertAs("null", text);
    if (asNull.ok) return null;
  }
  for (const type of types) {
    if (type === "null") continue;
    const converted = convertAs(type, text);
    if (converted.ok) return converted.value;
  }
  return text;
}

/**
 * Reads an untyped raw value the way GLM's parser does without a schema: JSON when the text is a
 * JSON literal (number, boolean, null, array, object), otherwise the text unchanged.
 */
export function coerceJsonLike(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return text;
  const first = trimmed.charCodeAt(0);
  if (first === 123 || first === 91) {
    const value = parseStructuredStrict(trimmed);
    return value === undefined ? text : value;
  }
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (trimmed === "null") return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** JSON (or backslash-escaped JSON) object/array only; no lenient repair for untyped values. */
function parseStructuredStrict(trimmed: string): unknown {
  for (const attempt of readings(trimmed)) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (typeof value === "object" && value !== null) return value;
    } catch {
      // Try the next reading.
    }
  }
  return undefined;
}
