import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";

describe("hermes grammar (held-out cases)", () => {
  it("reads nested JSON arguments for a tool the corpus never uses", () => {
    const text = '<tool_call>\n{"name": "write_file", "arguments": {"path": "src/a.ts", "options": {"mode": 420, "flags": ["w", "x"]}}}\n</tool_call>';
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [{ name: "write_file", arguments: { path: "src/a.ts", options: { mode: 420, flags: ["w", "x"] } } }],
      content: "",
    });
  });

  it("reads three calls in separate blocks with unicode arguments", () => {
    const text =
      '<tool_call>\n{"name": "translate", "arguments": {"text": "こんにちは"}}\n</tool_call>\n' +
      '<tool_call>\n{"name": "react", "arguments": {"emoji": "🎉"}}\n</tool_call>\n' +
      '<tool_call>\n{"name": "search", "arguments": {"q": "café"}}\n</tool_call>';
    expect(expectStreamingAgrees(text).calls.map((call) => call.arguments)).toEqual([{ text: "こんにちは" }, { emoji: "🎉" }, { q: "café" }]);
  });

  it("keeps markup-like text inside argument strings", () => {
    const text = '<tool_call>{"name": "edit", "arguments": {"old": "</tool_call>", "new": "<tool_call>{}</tool_call>"}}</tool_call>';
    expect(expectStreamingAgrees(text).calls).toEqual([{ name: "edit", arguments: { old: "</tool_call>", new: "<tool_call>{}</tool_call>" } }]);
  });

  it("accepts `parameters` and the OpenAI `function` nesting, and decodes string-encoded arguments once", () => {
    expect(extractToolCalls('<tool_call>{"name": "ls", "parameters": {"path": "."}}</tool_call>').calls).toEqual([{ name: "ls", arguments: { path: "." } }]);
    const nested = '<tool_call>{"type": "function", "function": {"name": "ls", "arguments": "{\\"path\\": \\"/tmp\\"}"}}</tool_call>';
    expect(extractToolCalls(nested).calls).toEqual([{ name: "ls", arguments: { path: "/tmp" } }]);
  });

  it("reads an array of calls inside one block", () => {
    const text = '<tool_call>[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"n": 1}}]</tool_call>';
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "a", arguments: {} },
      { name: "b", arguments: { n: 1 } },
    ]);
  });

  it("keeps the text before the first call and drops text after it, as the reference parser does", () => {
    const text = 'Checking now.\n<tool_call>{"name": "ping", "arguments": {}}</tool_call>\nAll done.';
    expect(expectStreamingAgrees(text)).toEqual({ calls: [{ name: "ping", arguments: {} }], content: "Checking now.\n" });
  });

  it("leaves an example inside a fenced code block alone", () => {
    const text = 'The format is:\n```\n<tool_call>{"name": "ping", "arguments": {}}</tool_call>\n```\nThat is all.';
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
  });

  it("leaves prose that merely mentions the tag alone", () => {
    const text = "I would wrap it in a <tool_call> tag, but ping needs no call.";
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
  });

  it("leaves a block with broken JSON visible instead of guessing", () => {
    const text = '<tool_call>{"name": "ping", "arguments": {oops}}</tool_call>';
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
  });

  it("keeps non-object arguments as raw JSON text for the repair stage", () => {
    expect(extractToolCalls('<tool_call>{"name": "f", "arguments": "[oops"}</tool_call>').calls).toEqual([
      { name: "f", arguments: {}, rawArguments: '"[oops"' },
    ]);
    expect(extractToolCalls('<tool_call>{"name": "f", "arguments": "{\\"a\\": 1} tail text"}</tool_call>').calls).toEqual([
      { name: "f", arguments: {}, rawArguments: '"{\\"a\\": 1} tail text"' },
    ]);
    expect(extractToolCalls('<tool_call>{"name": "f", "arguments": "{\\"param\\": \\"max_connections\\"}"}</tool_call>').calls).toEqual([
      { name: "f", arguments: { param: "max_connections" } },
    ]);
  });
});
