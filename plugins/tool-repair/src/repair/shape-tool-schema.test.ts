import { describe, expect, it } from "vitest";
import { SCHEMA_PROFILES, shapeToolSchema } from "./shape-tool-schema.js";

const SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    path: { type: "string" },
    limit: { type: "integer" },
    mode: { type: "string", enum: ["a", "b"] },
    filter: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    options: { type: "object", properties: { deep: { type: "boolean" } }, additionalProperties: false },
  },
  required: ["path"],
};

describe("shapeToolSchema", () => {
  it("strict: closes objects, requires every property and makes optionals nullable", () => {
    expect(shapeToolSchema(SCHEMA, SCHEMA_PROFILES.strict)).toEqual({
      type: "object",
      properties: {
        path: { type: "string" },
        limit: { type: ["integer", "null"] },
        mode: { type: ["string", "null"], enum: ["a", "b", null] },
        filter: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }, { type: "null" }] },
        options: { type: ["object", "null"], properties: { deep: { type: ["boolean", "null"] } }, required: ["deep"], additionalProperties: false },
      },
      required: ["path", "limit", "mode", "filter", "options"],
      additionalProperties: false,
    });
  });

  it("lenient: opens closed objects so near misses reach the repair layer", () => {
    const shaped = shapeToolSchema(SCHEMA, SCHEMA_PROFILES.lenient) as Record<string, Record<string, Record<string, unknown>>>;
    expect(shaped.properties?.options).toEqual({ type: "object", properties: { deep: { type: "boolean" } } });
    expect(shaped.$schema).toBeUndefined();
    expect(shaped.required).toEqual(["path"]);
  });

  it("gives parameterless tools an object root", () => {
    expect(shapeToolSchema({}, { objectRoot: true })).toEqual({ type: "object", properties: {} });
    expect(shapeToolSchema(true, { objectRoot: true })).toEqual({ type: "object", properties: {} });
  });

  it("never changes the input and returns the same result for the same schema and profile", () => {
    const before = JSON.stringify(SCHEMA);
    const first = shapeToolSchema(SCHEMA, SCHEMA_PROFILES.strict);
    expect(JSON.stringify(SCHEMA)).toBe(before);
    expect(shapeToolSchema(SCHEMA, SCHEMA_PROFILES.strict)).toBe(first);
  });

  it("drops keywords a gateway rejects, at every depth", () => {
    const shaped = shapeToolSchema({ type: "object", properties: { url: { type: "string", format: "uri" } } }, { dropKeywords: ["format"] });
    expect(shaped).toEqual({ type: "object", properties: { url: { type: "string" } } });
  });

  it("rejects contradictory profiles and non-schemas", () => {
    expect(() => shapeToolSchema(SCHEMA, { closeObjects: true, openObjects: true })).toThrow(/cannot both close and open/);
    expect(() => shapeToolSchema(null as unknown as boolean, {})).toThrow(/must be an object or boolean, got null/);
  });
});
