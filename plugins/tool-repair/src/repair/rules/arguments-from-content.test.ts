import { describe, expect, it } from "vitest";
import { findCallsInContent } from "./arguments-from-content.js";

describe("findCallsInContent", () => {
  it("reads envelopes, also one cut short by its final brace", () => {
    expect(findCallsInContent('<tool_call>\n{"name": "final_answer", "arguments": {"trigger": true}')).toEqual([{ name: "final_answer", arguments: { trigger: true } }]);
    expect(findCallsInContent('Sure. {"name": "a", "parameters": {"x": 1}} {"name": "b", "arguments": {}}')).toEqual([
      { name: "a", arguments: { x: 1 } },
      { name: "b", arguments: {} },
    ]);
  });

  it("pairs a bare object with a name tag", () => {
    expect(findCallsInContent('<function-name>ReadNotebook</function-name><arguments>{"notebook_path": "/a.cs"}</arguments>')).toEqual([{ name: "ReadNotebook", arguments: { notebook_path: "/a.cs" } }]);
  });

  it("reads native grammars through the leaked-grammar extractor, typed by the offered schema", () => {
    const tools = [{ name: "search", parameters: { type: "object", properties: { query: { type: "array", items: { type: "string" } } } } }];
    const content = "<tool_call>\n<function=search>\n<parameter=query>['python', 'tutorial']</parameter>\n</function>\n</tool_call>";
    expect(findCallsInContent(content, tools)).toEqual([{ name: "search", arguments: { query: ["python", "tutorial"] } }]);
  });

  it("finds nothing in prose", () => {
    expect(findCallsInContent("No tool is needed here.")).toEqual([]);
  });
});
