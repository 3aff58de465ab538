import type { z } from "zod";
import type { ConfigIssue } from "../errors/config-error.js";

/**
 * Turns zod issues into config issues with a dotted key path under `prefix` and a message that
 * says what was expected, attributing each to the file that set the key.
 */
export function toConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  fileFor: (path: readonly PropertyKey[]) => string,
): ConfigIssue[] {
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        result.push({ file: fileFor([...path, key]), keyPath: joinPath("", [...path, key]), message: "unknown key" });
      }
      continue;
    }
    result.push({ file: fileFor(path), keyPath: joinPath("", path), message: describeIssue(issue) });
  }
  return result;
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
