/** One place where a value does not match its schema, precise enough to tell the model what to fix. */
export interface ValidationIssue {
  /** Where in the arguments, from the root: property names and array indexes. */
  path: Array<string | number>;
  /** The schema keyword that failed (`type`, `required`, `enum`, `additionalProperties`, …). */
  keyword: string;
  /** What the schema wants there, in words (`integer`, `one of "a", "b"`, `property \`path\``). */
  expected: string;
  /** What was there instead, in words (`string "2490"`, `missing`, `null`). */
  got: string;
}

/** Renders a path like `todos[0].status`; the root is `arguments`. */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return "arguments";
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) text += text === "" ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

/** A short description of a JSON value for messages: its type and a clipped preview. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (typeof value === "string") {
    const preview = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return value === "" ? "an empty string" : `string ${JSON.stringify(preview)}`;
  }
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object";
    const shown = keys.slice(0, 4).join(", ");
    return `an object with keys ${shown}${keys.length > 4 ? ", ..." : ""}`;
  }
  return typeof value;
}
