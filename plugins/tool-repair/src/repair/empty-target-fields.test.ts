import { describe, expect, it } from "vitest";
import { emptyTargetKeys, findEmptyTarget } from "./empty-target-fields.js";
import { objectShapeOf } from "./object-shape.js";
import { compileSchema } from "./schema/compile-schema.js";

describe("empty target fields", () => {
  const shape = objectShapeOf(
    compileSchema({ type: "object", properties: { file_path: { type: "string" }, new_string: { type: "string" }, path: { type: "string" } }, required: ["file_path", "new_string"] }),
  );

  it("lists required string parameters naming what a tool acts on", () => {
    expect(emptyTargetKeys(shape)).toEqual(["file_path"]);
  });

  it("finds a blank target but not blank content", () => {
    expect(findEmptyTarget({ file_path: "  ", new_string: "" }, ["file_path"])).toBe("file_path");
    expect(findEmptyTarget({ file_path: "a", new_string: "" }, ["file_path"])).toBeNull();
  });
});
