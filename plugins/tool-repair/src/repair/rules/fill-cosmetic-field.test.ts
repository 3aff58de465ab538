import { describe, expect, it } from "vitest";
import { objectShapeOf } from "../object-shape.js";
import { compileSchema } from "../schema/compile-schema.js";
import { fillCosmeticFields } from "./fill-cosmetic-field.js";

const FIELDS = ["description"];

describe("fillCosmeticFields", () => {
  it("fills a missing required plain-string label with a placeholder", () => {
    const shape = objectShapeOf(compileSchema({ type: "object", properties: { command: { type: "string" }, description: { type: "string" } }, required: ["command", "description"] }));
    expect(fillCosmeticFields({ command: "ls" }, shape, FIELDS)).toEqual({ command: "ls", description: "<description>" });
  });

  it("leaves optional, present, constrained and unlisted fields alone", () => {
    const optional = objectShapeOf(compileSchema({ type: "object", properties: { description: { type: "string" } } }));
    const constrained = objectShapeOf(compileSchema({ type: "object", properties: { description: { type: "string", minLength: 20 } }, required: ["description"] }));
    const other = objectShapeOf(compileSchema({ type: "object", properties: { title: { type: "string" } }, required: ["title"] }));
    expect(fillCosmeticFields({}, optional, FIELDS)).toBeNull();
    expect(fillCosmeticFields({ description: "" }, constrained, FIELDS)).toBeNull();
    expect(fillCosmeticFields({}, constrained, FIELDS)).toBeNull();
    expect(fillCosmeticFields({}, other, FIELDS)).toBeNull();
  });
});
