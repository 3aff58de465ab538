import { describe, expect, it } from "vitest";
import { compileSchema } from "./compile-schema.js";
import { InvalidToolSchemaError } from "./invalid-tool-schema-error.js";

function issues(schema: Record<string, unknown>, value: unknown) {
  return compileSchema(schema).collectIssues(value);
}

describe("compileSchema", () => {
  it("compiles each schema object once", () => {
    const schema = { type: "string" };
    expect(compileSchema(schema)).toBe(compileSchema(schema));
  });

  it("checks types, including type arrays, integer and nullable", () => {
    expect(compileSchema({ type: "integer" }).check(3)).toBe(true);
    expect(compileSchema({ type: "integer" }).check(3.5)).toBe(false);
    expect(compileSchema({ type: "number" }).check(3.5)).toBe(true);
    expect(compileSchema({ type: ["string", "null"] }).check(null)).toBe(true);
    expect(compileSchema({ type: "string", nullable: true }).check(null)).toBe(true);
    expect(compileSchema({ type: "object" }).check([])).toBe(false);
    expect(compileSchema({ type: "array" }).check({})).toBe(false);
    expect(compileSchema(true).check(undefined)).toBe(true);
    expect(compileSchema(false).check(1)).toBe(false);
  });

  it("reports structured issues with paths", () => {
    const schema = {
      type: "object",
      properties: { todos: { type: "array", items: { type: "object", properties: { status: { enum: ["a", "b"] } }, required: ["status"] } }, n: { type: "integer" } },
      required: ["todos"],
      additionalProperties: false,
    };
    expect(issues(schema, { todos: [{ status: "c" }, {}], n: "5", extra: 1 })).toEqual([
      { path: ["todos", 0, "status"], keyword: "enum", expected: 'one of "a", "b"', got: 'string "c"' },
      { path: ["todos", 1, "status"], keyword: "required", expected: "a value (required)", got: "missing" },
      { path: ["n"], keyword: "type", expected: "integer", got: 'string "5"' },
      { path: ["extra"], keyword: "additionalProperties", expected: "no such property", got: "an unexpected property" },
    ]);
  });

  it("checks numeric and length bounds, pattern, items counts and uniqueness", () => {
    expect(compileSchema({ minimum: 0 }).check(-1)).toBe(false);
    expect(compileSchema({ exclusiveMaximum: 5 }).check(5)).toBe(false);
    expect(compileSchema({ maximum: 5, exclusiveMaximum: true }).check(5)).toBe(false);
    expect(compileSchema({ multipleOf: 0.5 }).check(1.5)).toBe(true);
    expect(compileSchema({ minLength: 2 }).check("🎉")).toBe(false);
    expect(compileSchema({ maxLength: 1 }).check("🎉")).toBe(true);
    expect(compileSchema({ pattern: "^a+$" }).check("aaa")).toBe(true);
    expect(compileSchema({ pattern: "^a+$" }).check("ab")).toBe(false);
    expect(compileSchema({ minItems: 1 }).check([])).toBe(false);
    expect(compileSchema({ uniqueItems: true }).check([{ a: 1 }, { a: 1 }])).toBe(false);
    expect(compileSchema({ minProperties: 1 }).check({})).toBe(false);
  });

  it("checks enum and const by value", () => {
    expect(compileSchema({ enum: [{ a: [1] }] }).check({ a: [1] })).toBe(true);
    expect(compileSchema({ const: "x" }).check("y")).toBe(false);
  });

  it("checks anyOf, oneOf, allOf and not, reporting the closest branch", () => {
    const union = { anyOf: [{ type: "string" }, { type: "object", properties: { a: { type: "integer" } }, required: ["a"] }] };
    expect(compileSchema(union).check("x")).toBe(true);
    expect(issues(union, { a: "1" })).toEqual([{ path: ["a"], keyword: "type", expected: "integer", got: 'string "1"' }]);
    expect(issues(union, 5)).toEqual([{ path: [], keyword: "anyOf", expected: "string or object", got: "number 5" }]);
    expect(compileSchema({ oneOf: [{ type: "integer" }, { type: "number" }] }).check(1)).toBe(false);
    expect(compileSchema({ allOf: [{ minimum: 1 }, { maximum: 3 }] }).check(4)).toBe(false);
    expect(compileSchema({ not: { type: "null" } }).check(null)).toBe(false);
  });

  it("resolves local $ref, recursive ones included", () => {
    const tree = { $defs: { node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/node" } } } } }, $ref: "#/$defs/node" };
    expect(compileSchema(tree).check({ children: [{ children: [] }] })).toBe(true);
    expect(compileSchema(tree).check({ children: [{ children: 5 }] })).toBe(false);
  });

  it("supports patternProperties, schema-valued additionalProperties and tuples", () => {
    expect(compileSchema({ patternProperties: { "^x-": { type: "string" } }, additionalProperties: false }).check({ "x-a": "1" })).toBe(true);
    expect(compileSchema({ additionalProperties: { type: "number" } }).check({ a: "1" })).toBe(false);
    expect(compileSchema({ prefixItems: [{ type: "string" }], items: { type: "number" } }).check(["a", 1, 2])).toBe(true);
    expect(compileSchema({ items: [{ type: "string" }] }).check([1])).toBe(false);
  });

  it("ignores formats and unknown keywords", () => {
    expect(compileSchema({ type: "string", format: "uri", "x-whatever": 1 }).check("not a uri")).toBe(true);
  });

  it("names what is wrong with a bad schema and where", () => {
    expect(() => compileSchema({ properties: { a: { type: "strnig" } } })).toThrow(InvalidToolSchemaError);
    expect(() => compileSchema({ properties: { a: { type: "strnig" } } })).toThrow(/#\/properties\/a\/type: unknown type "strnig"/);
    expect(() => compileSchema({ required: "a" })).toThrow(/#\/required: expected an array of property names/);
    expect(() => compileSchema({ $ref: "#/$defs/missing" })).toThrow(/does not resolve/);
    expect(() => compileSchema({ minLength: -1 })).toThrow(/non-negative integer/);
  });
});
