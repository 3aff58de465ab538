import { describe, expect, it } from "vitest";
import { createToolCallStreamExtractor } from "./create-tool-call-stream-extractor.js";
import type { OfferedTool } from "./types.js";

describe("createToolCallStreamExtractor", () => {
  it("shows plain text at once, holding only trailing whitespace", () => {
    const extractor = createToolCallStreamExtractor();
    expect(extractor.push("Hello, ").content).toBe("Hello,");
    expect(extractor.push("world").content).toBe(" world");
    expect(extractor.end()).toEqual({ calls: [], content: "" });
  });

  it("holds a possible marker start and releases it when it is not one", () => {
    const extractor = createToolCallStreamExtractor();
    expect(extractor.push("x <tool").content).toBe("x");
    expect(extractor.push("s are handy").content).toBe(" <tools are handy");
    expect(extractor.end()).toEqual({ calls: [], content: "" });
  });

  it("holds a call block until it closes, then keeps streaming where the grammar keeps text", () => {
    const extractor = createToolCallStreamExtractor();
    expect(extractor.push("Before.\n<minimax:tool_call><invoke name=\"f\">").content).toBe("Before.");
    expect(extractor.push("<parameter name=\"k\">v</parameter></invoke>").content).toBe("");
    expect(extractor.push("</minimax:tool_call>\nAfter").content).toBe("\nAfter");
    expect(extractor.end()).toEqual({ calls: [{ name: "f", arguments: { k: "v" } }], content: "" });
  });

  it("holds a split start token (`<minim`) entirely", () => {
    const extractor = createToolCallStreamExtractor();
    expect(extractor.push("<minim").content).toBe("");
    extractor.push('ax:tool_call>\n<invoke name="get_weather">\n<parameter name="city">Beijing</parameter>\n</invoke>\n</minimax:tool_call>');
    expect(extractor.end()).toEqual({ calls: [{ name: "get_weather", arguments: { city: "Beijing" } }], content: "" });
  });

  it("streams the inside of a fenced code block as it arrives", () => {
    const extractor = createToolCallStreamExtractor();
    expect(extractor.push("```ts\nconst a = {").content).toBe("```ts\nconst a = {");
    expect(extractor.push('"name": "x" };\n').content).toBe('"name": "x" };');
    expect(extractor.push("```\n").content).toBe("\n```");
    expect(extractor.end()).toEqual({ calls: [], content: "\n" });
  });

  it("emits no call for a GLM name still being written (glm45-21)", () => {
    const tools: OfferedTool[] = [{ name: "get_current_date" }, { name: "get_weather" }];
    const extractor = createToolCallStreamExtractor(tools);
    expect(extractor.push("<tool_call>get").content).toBe("");
    expect(extractor.push("_weather<arg_key>city</arg_key><arg_value>Beijing</arg_value></tool_call>").content).toBe("");
    expect(extractor.end()).toEqual({ calls: [{ name: "get_weather", arguments: { city: "Beijing" } }], content: "" });
  });

  it("refuses misuse with a clear message", () => {
    const extractor = createToolCallStreamExtractor();
    expect(() => extractor.push(null as unknown as string)).toThrow(/push\(\) takes a string chunk, got null/);
    extractor.end();
    expect(() => extractor.push("x")).toThrow(/after end\(\)/);
    expect(() => extractor.end()).toThrow(/end\(\) called twice/);
  });
});

describe("createToolCallStreamExtractor with long blocks", () => {
  it("gives the whole-text result for a large call streamed in small chunks", () => {
    const body = JSON.stringify({ path: "big.ts", content: "export const x = { a: [1, 2] };\n".repeat(800) });
    const text = `Writing.\n<tool_call>{"name": "write_file", "arguments": ${body}}</tool_call>\nAfter.`;
    const extractor = createToolCallStreamExtractor();
    let content = "";
    for (let index = 0; index < text.length; index += 3) content += extractor.push(text.slice(index, index + 3)).content;
    const end = extractor.end();
    expect(content + end.content).toBe("Writing.\n");
    expect(end.calls).toEqual([{ name: "write_file", arguments: JSON.parse(body) }]);
  });
});
