import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

const B = "<|tool_calls_section_begin|>";
const E = "<|tool_calls_section_end|>";
const call = (id: string, args: string): string => `<|tool_call_begin|>${id}<|tool_call_argument_begin|>${args}<|tool_call_end|>`;

describe("kimi-k2 grammar (held-out cases)", () => {
  it("keeps native ids and reads nested unicode arguments across several calls", () => {
    const text = `Working on it.${B}${call("functions.read_file:3", '{"path": "docs/日本語.md", "range": {"start": 1, "end": 40}}')}${call("functions.grep:4", '{"pattern": "<div class=\\"x\\">", "paths": ["src", "lib"]}')}${E}`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { id: "functions.read_file:3", name: "read_file", arguments: { path: "docs/日本語.md", range: { start: 1, end: 40 } } },
        { id: "functions.grep:4", name: "grep", arguments: { pattern: '<div class="x">', paths: ["src", "lib"] } },
      ],
      content: "Working on it.",
    });
  });

  it("accepts the singular section marker and newlines between tokens", () => {
    const text = `<|tool_call_section_begin|>\n<|tool_call_begin|>\nfunctions.bash:0\n<|tool_call_argument_begin|>\n{"command": "ls -la"}\n<|tool_call_end|>\n<|tool_call_section_end|>`;
    expect(expectStreamingAgrees(text).calls).toEqual([{ id: "functions.bash:0", name: "bash", arguments: { command: "ls -la" } }]);
  });

  it("reads calls whose section markers were stripped", () => {
    const text = `Sure. ${call("functions.todo:0", '{"items": []}')}${call("functions.todo:1", '{"items": ["x"]}')}`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { id: "functions.todo:0", name: "todo", arguments: { items: [] } },
        { id: "functions.todo:1", name: "todo", arguments: { items: ["x"] } },
      ],
      content: "Sure. ",
    });
  });

  it("names a bare counter id from the argument keys, and refuses when that is ambiguous", () => {
    const tools: OfferedTool[] = [
      { name: "read_file", parameters: { type: "object", properties: { path: { type: "string" } } } },
      { name: "run", parameters: { type: "object", properties: { command: { type: "string" }, cwd: { type: "string" } } } },
    ];
    expect(expectStreamingAgrees(`${B}${call("7", '{"command": "make"}')}${E}`, tools).calls).toEqual([{ id: "7", name: "run", arguments: { command: "make" } }]);
    const ambiguous = `${B}${call("7", '{"other": 1}')}${E}`;
    expect(expectStreamingAgrees(ambiguous, tools)).toEqual({ calls: [], content: ambiguous });
    expect(extractToolCalls(ambiguous).calls).toEqual([]);
  });

  it("leaves the residue of stripped special tokens as text", () => {
    const text = 'functions.get_weather:0 {"city": "Oslo"}';
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
  });

  it("passes truncated arguments through raw and keeps the text before the section", () => {
    const text = `Let me look. ${B}<|tool_call_begin|>functions.search:0<|tool_call_argument_begin|>{"query": "ünïcode`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [{ id: "functions.search:0", name: "search", arguments: {}, rawArguments: '{"query": "ünïcode' }],
      content: "Let me look. ",
    });
  });

  it("leaves a fenced example alone", () => {
    const text = `Kimi's format:\n\`\`\`\n${B}${call("functions.x:0", "{}")}${E}\n\`\`\``;
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
  });
});
