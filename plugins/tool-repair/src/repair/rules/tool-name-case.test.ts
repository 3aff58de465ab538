import { describe, expect, it } from "vitest";
import { matchToolNameCase } from "./tool-name-case.js";

describe("matchToolNameCase", () => {
  it("matches ignoring case and separators", () => {
    expect(matchToolNameCase("Write", ["read", "write"])).toBe("write");
    expect(matchToolNameCase("TodoWrite", ["todo_write", "read"])).toBe("todo_write");
    expect(matchToolNameCase("web-fetch", ["web_fetch"])).toBe("web_fetch");
  });

  it("refuses when two offered tools normalize alike or none does", () => {
    expect(matchToolNameCase("Read", ["read", "READ"])).toBeNull();
    expect(matchToolNameCase("reader", ["read"])).toBeNull();
  });
});
