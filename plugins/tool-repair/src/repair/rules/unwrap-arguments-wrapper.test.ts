import { describe, expect, it } from "vitest";
import { objectShapeOf } from "../object-shape.js";
import { compileSchema } from "../schema/compile-schema.js";
import { isWrapperShaped, unwrapArgumentsWrapper } from "./unwrap-arguments-wrapper.js";

const shape = objectShapeOf(compileSchema({ type: "object", properties: { file_path: { type: "string" }, limit: { type: "integer" } } }));
const withInput = objectShapeOf(compileSchema({ type: "object", properties: { input: { type: "string" } } }));
const free = objectShapeOf(compileSchema({ type: "object" }));

describe("unwrapArgumentsWrapper", () => {
  it("unwraps when the inner keys are the schema's own, also from a JSON string", () => {
    expect(unwrapArgumentsWrapper({ arguments: { file_path: "a" } }, shape)).toEqual({ file_path: "a" });
    expect(unwrapArgumentsWrapper({ input: '{"filePath": "a"}' }, shape)).toEqual({ filePath: "a" });
  });

  it("keeps a declared wrapper key, unknown inner keys, several keys and free-form schemas", () => {
    expect(unwrapArgumentsWrapper({ input: { x: 1 } }, withInput)).toBeNull();
    expect(unwrapArgumentsWrapper({ arguments: { other: 1 } }, shape)).toBeNull();
    expect(unwrapArgumentsWrapper({ arguments: { file_path: "a" }, limit: 1 }, shape)).toBeNull();
    expect(unwrapArgumentsWrapper({ arguments: { a: 1 } }, free)).toBeNull();
  });

  it("detects the shape cheaply", () => {
    expect(isWrapperShaped({ parameters: {} }, shape)).toBe(true);
    expect(isWrapperShaped({ parameters: 5 }, shape)).toBe(false);
  });
});
