import { describe, expect, it } from "vitest";
import { coerceBySchema, coerceJsonLike, parseStructured, schemaTypes } from "./coerce-by-schema.js";

describe("schemaTypes", () => {
  it("collects types from type arrays, anyOf/oneOf, enums and aliases in declaration order", () => {
    expect(schemaTypes({ anyOf: [{ type: "integer" }, { type: "null" }] })).toEqual(["integer", "null"]);
    expect(schemaTypes({ type: ["string", "null"] })).toEqual(["string", "null"]);
    expect(schemaTypes({ enum: [1, "a", null] })).toEqual(["integer", "string", "null"]);
    expect(schemaTypes({ type: "float" })).toEqual(["number"]);
    expect(schemaTypes({ properties: {} })).toEqual(["object"]);
    expect(schemaTypes({ description: "anything" })).toEqual([]);
  });
});

describe("coerceBySchema", () => {
  it("converts to the first declared type the text satisfies", () => {
    expect(coerceBySchema("42", { type: "integer" })).toBe(42);
    expect(coerceBySchema(" 3.14 ", { type: "number" })).toBe(3.14);
    expect(coerceBySchema("True", { type: "boolean" })).toBe(true);
    expect(coerceBySchema('{"k": [1]}', { type: "object" })).toEqual({ k: [1] });
    expect(coerceBySchema("['a', 'b']", { type: "array" })).toEqual(["a", "b"]);
    expect(coerceBySchema("5", { anyOf: [{ type: "string" }, { type: "integer" }] })).toBe("5");
    expect(coerceBySchema("5", { anyOf: [{ type: "integer" }, { type: "string" }] })).toBe(5);
  });

  it("reads null only where the schema allows it", () => {
    expect(coerceBySchema("null", { anyOf: [{ type: "string" }, { type: "null" }] })).toBeNull();
    expect(coerceBySchema("null", { type: "string" })).toBe("null");
  });

  it("keeps the text when no declared type fits or none is declared", () => {
    expect(coerceBySchema("forty", { type: "integer" })).toBe("forty");
    expect(coerceBySchema("12", {})).toBe("12");
    expect(coerceBySchema("  padded  ", { type: "string" })).toBe("  padded  ");
  });
});

describe("parseStructured", () => {
  it("reads JSON escaped a second time inside XML", () => {
    expect(parseStructured('[{\\"id\\": \\"1\\"}]', "array")).toEqual([{ id: "1" }]);
  });

  it("refuses the wrong kind", () => {
    expect(parseStructured("[1]", "object")).toBeUndefined();
    expect(parseStructured("hello", "object")).toBeUndefined();
  });
});

describe("coerceJsonLike", () => {
  it("reads JSON literals and keeps other text with its whitespace", () => {
    expect(coerceJsonLike("42")).toBe(42);
    expect(coerceJsonLike("false")).toBe(false);
    expect(coerceJsonLike('["a"]')).toEqual(["a"]);
    expect(coerceJsonLike("2025-08-01")).toBe("2025-08-01");
    expect(coerceJsonLike("  code  ")).toBe("  code  ");
    expect(coerceJsonLike("{not json}")).toBe("{not json}");
  });
});
