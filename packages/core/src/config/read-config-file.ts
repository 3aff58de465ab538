import { readFileSync } from "node:fs";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { ConfigIssue } from "../errors/config-error.js";

/**
 * Reads a JSON config file (comments and trailing commas allowed). Returns the value, or issues
 * that name the file with line and column.
 */
export function readConfigFile(file: string): { value?: unknown; issues: ConfigIssue[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { issues: [{ file, keyPath: "", message: `cannot read file: ${(error as Error).message}` }] };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    return {
      issues: errors.map((error) => {
        const { line, column } = lineAndColumn(text, error.offset);
        return { file: `${file}:${line}:${column}`, keyPath: "", message: `invalid JSON (${printParseErrorCode(error.error)})` };
      }),
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { issues: [{ file, keyPath: "", message: "expected a JSON object at the top level" }] };
  }
  return { value, issues: [] };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
