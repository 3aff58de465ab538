import { readFileSync } from "node:fs";
import fc from "fast-check";
import { createBuiltinTools } from "@bridle/tools";
import type { ToolSpec } from "../src/repair/types.js";

/** The built-in tools exactly as the model is offered them: their zod schemas, converted once. */
export const BUILT_IN_TOOLS: ToolSpec[] = createBuiltinTools().map((tool) => ({ name: tool.name, parameters: tool.jsonSchema }));

/** The distinct tool schemas of the corpus, each under its own name. */
export function corpusTools(): ToolSpec[] {
  const text = readFileSync(new URL("../src/repair/__fixtures__/malformed-tool-calls.jsonl", import.meta.url), "utf8");
  const seen = new Set<string>();
  const tools: ToolSpec[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const row = JSON.parse(line) as { id: string; tool_schema: Record<string, unknown> | null };
    if (row.tool_schema === null) continue;
    const key = JSON.stringify(row.tool_schema);
    if (seen.has(key)) continue;
    seen.add(key);
    tools.push({ name: `corpus_${row.id.replace("-", "_")}`, parameters: row.tool_schema });
  }
  return tools;
}

/**
 * Strings that look like something a rule would rewrite, yet are valid where a string is wanted.
 * Markup appears only as content (with its opening tags), never as leaked debris: a value ending
 * in a stray `</parameter>` is a malformed call, not a valid one.
 */
const TRICKY_STRINGS = [
  "7", "-1", "1.5", "true", "False", "null", "None", "[1, 2]", "['a']", '{"k": 1}', "{}", "[]", "",
  "a\"b", "line1\nline2", "C:\\Users\\new", "</div>", "<parameter=x>y</parameter>", "<arg_key>a</arg_key><arg_value>b</arg_value>", "<|tool_call_begin|>x<|tool_call_end|>",
  "functions.read", "  padded  ", "ü 日本 🎉", "\\n", "'single'",
];
/** Characters every encoding must carry through: quotes of both kinds, backslashes, whitespace escapes, unicode. */
const AWKWARD_CHARACTER = fc.constantFrom('"', "'", "\\", "\n", "\t", "\r", "\u0007", "é", "日", "🎉", "a", " ", "{", "}", ",", ":", "x");
const TARGET_KEYS = new Set(["path", "pattern", "command", "filePath", "file_path", "filepath", "notebook_path", "query", "url", "glob", "cmd"]);

/** A JSON Schema node as the arbitraries read it. */
export type Schema = Record<string, unknown>;

function stringArbitrary(nonEmpty: boolean, minLength = 0): fc.Arbitrary<string> {
  const any = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: AWKWARD_CHARACTER, maxLength: 30 }), fc.constantFrom(...TRICKY_STRINGS));
  // Target parameters must not be blank: that is part of the contract (see empty-target-fields).
  const filled = nonEmpty ? any.filter((text) => text.trim() !== "") : any;
  return minLength > 0 ? filled.filter((text) => text.length >= minLength) : filled;
}

/** Values valid against `schema`, drawn to include what repair rules might mistake for malformations. */
export function arbitraryFor(schema: Schema, nonEmpty = false): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((single) => arbitraryFor({ ...schema, type: single }, nonEmpty)));
  switch (type) {
    case "string":
      return stringArbitrary(nonEmpty, (schema.minLength as number | undefined) ?? 0);
    case "integer":
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1_000_000, max: (schema.maximum as number | undefined) ?? 1_000_000 });
    case "number":
      return fc.oneof(
        fc.integer({ min: (schema.minimum as number | undefined) ?? -1_000_000, max: 1_000_000 }),
        fc.double({ min: (schema.minimum as number | undefined) ?? -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
      );
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = schema.items === undefined ? fc.oneof(fc.integer(), fc.string(), fc.boolean()) : arbitraryFor(schema.items as Schema);
      return fc.array(items, { minLength: (schema.minItems as number | undefined) ?? 0, maxLength: 4 });
    }
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      if (Object.keys(properties).length === 0) return fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(properties)) model[key] = arbitraryFor(child, required.includes(key) && TARGET_KEYS.has(key));
      return fc.record(model, { requiredKeys: required.filter((key) => key in properties) });
    }
    default:
      return fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
  }
}

/** A generated valid call to one of `tools`. */
export function callArbitrary(tools: readonly ToolSpec[]): fc.Arbitrary<{ name: string; args: Record<string, unknown> }> {
  return fc.oneof(...tools.map((tool) => arbitraryFor(tool.parameters as Schema).map((args) => ({ name: tool.name, args: args as Record<string, unknown> }))));
}
