import { describe, expect, it } from "vitest";
import { describeValue, formatIssuePath } from "./validation-issue.js";

describe("formatIssuePath", () => {
  it("renders property and index paths", () => {
    expect(formatIssuePath([])).toBe("arguments");
    expect(formatIssuePath(["todos", 0, "status"])).toBe("todos[0].status");
    expect(formatIssuePath(["a b"])).toBe('["a b"]');
  });
});

describe("describeValue", () => {
  it("says type and a clipped preview", () => {
    expect(describeValue("x".repeat(50))).toBe(`string "${"x".repeat(37)}..."`);
    expect(describeValue("")).toBe("an empty string");
    expect(describeValue([1, 2])).toBe("an array of 2 items");
    expect(describeValue({ a: 1 })).toBe("an object with keys a");
    expect(describeValue(undefined)).toBe("missing");
  });
});
