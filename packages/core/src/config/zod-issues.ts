import type { z } from "zod";
import type { ConfigIssue } from "../errors/config-error.js";
import { didYouMean } from "../suggest-names.js";

/**
 * Turns zod issues into config issues with a dotted key path under `prefix` and a message that
 * says what was expected, attributing each to the file that set the key. With the `schema` that
 * was parsed, an unknown key names the closest known one ("did you mean \"model\"?").
 */
export function toConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  fileFor: (path: readonly PropertyKey[]) => string,
  schema?: z.ZodType,
): ConfigIssue[] {
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const known = schema ? knownKeys(schema, issue.path) : [];
      for (const key of issue.keys) {
        const hint = didYouMean(key, known);
        result.push({ file: fileFor([...path, key]), keyPath: joinPath("", [...path, key]), message: hint ? `unknown key; ${hint}` : "unknown key" });
      }
      continue;
    }
    result.push({ file: fileFor(path), keyPath: joinPath("", path), message: describeIssue(issue) });
  }
  return result;
}

/** The keys the object schema at `path` inside `schema` declares (none when it is not an object). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (const segment of [...path, undefined]) {
    // Optional, default, nullable and similar wrappers hold the schema that matters.
    while (current && "innerType" in current._zod.def) current = (current._zod.def as { innerType: z.core.$ZodType }).innerType;
    if (!current) return [];
    const def = current._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; valueType?: z.core.$ZodType; element?: z.core.$ZodType };
    if (segment === undefined) return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
    if (def.type === "object") current = def.shape?.[String(segment)];
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "array") current = def.element;
    else return [];
  }
  return [];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid input: /, "");
}

/** `a.b[0].c` style path, with keys that are not identifiers quoted. */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let result = prefix;
  for (const segment of path) {
    if (typeof segment === "number") result += `[${segment}]`;
    else {
      const key = String(segment);
      result += /^[A-Za-z_$][\w$-]*$/.test(key) ? (result ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return result;
}
