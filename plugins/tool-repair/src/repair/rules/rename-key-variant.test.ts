import { describe, expect, it } from "vitest";
import { findKeyVariant, normalizeKey } from "./rename-key-variant.js";

describe("findKeyVariant", () => {
  it("matches case, separators, optional markers and plurals", () => {
    expect(findKeyVariant("file_path", ["filePath", "content"])).toBe("filePath");
    expect(findKeyVariant("path?", ["path"])).toBe("path");
    expect(findKeyVariant("content", ["contents", "filepath"])).toBe("contents");
    expect(findKeyVariant("todo", ["todos"])).toBe("todos");
  });

  it("refuses when several or no candidates match", () => {
    expect(findKeyVariant("file_path", ["filePath", "FilePath"])).toBeNull();
    expect(findKeyVariant("limit", ["n_lines"])).toBeNull();
  });

  it("normalizes keys", () => {
    expect(normalizeKey("Old-String?")).toBe("oldstring");
  });
});
