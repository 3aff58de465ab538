import { describe, expect, it } from "vitest";
import { findKeySynonym } from "./rename-key-synonym.js";

describe("findKeySynonym", () => {
  it("maps common synonyms to the one declared candidate", () => {
    expect(findKeySynonym("cmd", ["command", "timeout"])).toBe("command");
    expect(findKeySynonym("items", ["todos"])).toBe("todos");
    expect(findKeySynonym("file", ["path"])).toBe("path");
    expect(findKeySynonym("old_str", ["old_string", "new_string"])).toBe("old_string");
    expect(findKeySynonym("q", ["query"])).toBe("query");
  });

  it("falls back to related words only when the own group has no candidate", () => {
    expect(findKeySynonym("folder", ["path"])).toBe("path");
    expect(findKeySynonym("cwd", ["path", "workdir"])).toBe("workdir");
  });

  it("refuses ambiguous or unrelated keys", () => {
    expect(findKeySynonym("search", ["pattern", "old_string"])).toBeNull();
    expect(findKeySynonym("limit", ["n_lines"])).toBeNull();
    expect(findKeySynonym("colour", ["color_name"])).toBeNull();
  });
});
