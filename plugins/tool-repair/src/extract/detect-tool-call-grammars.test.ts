import { describe, expect, it } from "vitest";
import { detectToolCallGrammars } from "./detect-tool-call-grammars.js";

describe("detectToolCallGrammars", () => {
  it("names the grammars whose markers appear", () => {
    expect(detectToolCallGrammars("plain text")).toEqual([]);
    // A call object inside the tag is also the shape Llama emits bare: both could apply.
    expect(detectToolCallGrammars('<tool_call>{"name": "f"}</tool_call>')).toEqual(["hermes", "llama3-json"]);
    expect(detectToolCallGrammars("<tool_call>f<arg_key>a</arg_key>")).toEqual(["glm45"]);
    expect(detectToolCallGrammars("x<｜DSML｜invoke name=\"f\"> [TOOL_CALLS]")).toEqual(["deepseek", "mistral"]);
    expect(detectToolCallGrammars("<|channel|>analysis")).toEqual(["gpt-oss-harmony"]);
  });

  it("rejects non-string input", () => {
    expect(() => detectToolCallGrammars(undefined as unknown as string)).toThrow(/content must be a string, got undefined/);
  });
});
