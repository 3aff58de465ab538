import { describe, expect, it } from "vitest";
import { toToolSchema } from "./to-tool-schema.js";

describe("toToolSchema", () => {
  it("drops document keys and keeps the rest as the server wrote it", () => {
    const schema = { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { a: { type: "number" } }, required: ["a"], additionalProperties: false };
    expect(toToolSchema(schema)).toEqual({ type: "object", properties: { a: { type: "number" } }, required: ["a"], additionalProperties: false });
  });

  it("makes a bare or broken schema an object schema with properties", () => {
    expect(toToolSchema({ type: "object" })).toEqual({ type: "object", properties: {} });
    expect(toToolSchema(undefined)).toEqual({ type: "object", properties: {} });
    expect(toToolSchema({ properties: [] })).toEqual({ type: "object", properties: {} });
  });
});
