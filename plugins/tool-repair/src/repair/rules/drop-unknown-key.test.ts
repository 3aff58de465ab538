import { describe, expect, it } from "vitest";
import { objectShapeOf } from "../object-shape.js";
import { compileSchema } from "../schema/compile-schema.js";
import { dropsUnknownKeys } from "./drop-unknown-key.js";

describe("dropsUnknownKeys", () => {
  it("drops where properties are listed and extras are not explicitly allowed", () => {
    expect(dropsUnknownKeys(objectShapeOf(compileSchema({ type: "object", properties: { a: {} } })))).toBe(true);
    expect(dropsUnknownKeys(objectShapeOf(compileSchema({ type: "object", properties: { a: {} }, additionalProperties: false })))).toBe(true);
  });

  it("keeps extras of free-form objects and of schemas that allow them", () => {
    expect(dropsUnknownKeys(objectShapeOf(compileSchema({ type: "object" })))).toBe(false);
    expect(dropsUnknownKeys(objectShapeOf(compileSchema({ type: "object", properties: { a: {} }, additionalProperties: true })))).toBe(false);
  });
});
