import { describe, expect, it } from "vitest";
import { objectShapeOf } from "./object-shape.js";
import { compileSchema } from "./schema/compile-schema.js";

describe("objectShapeOf", () => {
  it("merges allOf parts and follows $ref", () => {
    const shape = objectShapeOf(
      compileSchema({
        $defs: { base: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
        allOf: [{ $ref: "#/$defs/base" }, { properties: { name: { type: "string" } }, additionalProperties: false }],
      }),
    );
    expect([...shape.properties.keys()]).toEqual(["id", "name"]);
    expect([...shape.required]).toEqual(["id"]);
    expect(shape.additionalProperties).toBe(false);
  });

  it("finds pattern-declared keys and says when nothing is declared", () => {
    const shape = objectShapeOf(compileSchema({ type: "object", patternProperties: { "^x-": { type: "string" } } }));
    expect(shape.propertySchema("x-a")).not.toBeNull();
    expect(shape.propertySchema("y")).toBeNull();
    expect(shape.declaresProperties).toBe(false);
  });
});
