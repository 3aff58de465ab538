import { describe, expect, it } from "vitest";
import { commandPatternToRegExp, globToRegExp } from "./glob-to-regexp.js";

const matches = (glob: string, value: string) => globToRegExp(glob).test(value);

describe("globToRegExp", () => {
  it("keeps * and ? inside one segment", () => {
    expect(matches("src/*.ts", "src/a.ts")).toBe(true);
    expect(matches("src/*.ts", "src/deep/a.ts")).toBe(false);
    expect(matches("a?.md", "ab.md")).toBe(true);
    expect(matches("a?.md", "a/.md")).toBe(false);
  });

  it("lets ** cross segments and cover the directory itself", () => {
    expect(matches("src/**", "src")).toBe(true);
    expect(matches("src/**", "src/a/b/c.ts")).toBe(true);
    expect(matches("src/**", "srcx/a")).toBe(false);
    expect(matches("**/*.pem", "a.pem")).toBe(true);
    expect(matches("**/*.pem", "certs/x/a.pem")).toBe(true);
    expect(matches("a/**/b", "a/b")).toBe(true);
    expect(matches("a/**/b", "a/x/y/b")).toBe(true);
  });

  it("supports braces, classes and escapes literal regex characters", () => {
    expect(matches("*.{ts,tsx}", "a.tsx")).toBe(true);
    expect(matches("*.{ts,tsx}", "a.js")).toBe(false);
    expect(matches("file[0-9].txt", "file7.txt")).toBe(true);
    expect(matches("file[!0-9].txt", "file7.txt")).toBe(false);
    expect(matches("a+b(c).txt", "a+b(c).txt")).toBe(true);
    expect(matches(".env", "xenv")).toBe(false);
  });

  it("matches commands with * as the only wildcard", () => {
    expect(commandPatternToRegExp("npm test*").test("npm test -- --watch")).toBe(true);
    expect(commandPatternToRegExp("npm test*").test("npm install")).toBe(false);
    expect(commandPatternToRegExp("git log --oneline").test("git log --oneline")).toBe(true);
    expect(commandPatternToRegExp("echo [a]").test("echo [a]")).toBe(true);
  });
});
