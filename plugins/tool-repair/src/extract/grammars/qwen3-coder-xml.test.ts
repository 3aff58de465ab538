import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

const tools: OfferedTool[] = [
  {
    name: "run_tests",
    parameters: {
      type: "object",
      properties: {
        pattern: { type: "string" },
        workers: { type: "integer" },
        timeout: { type: "number" },
        watch: { type: "boolean" },
        files: { type: "array", items: { type: "string" } },
        env: { type: ["object", "null"] },
        label: { type: "string" },
      },
    },
  },
  { name: "write_file", parameters: { type: "object", properties: { path: { type: "string" }, content: { type: "string" } } } },
];

describe("qwen3-coder-xml grammar (held-out cases)", () => {
  const call =
    "<tool_call>\n<function=run_tests>\n<parameter=pattern>\nsrc/**/*.test.ts\n</parameter>\n<parameter=workers>\n4\n</parameter>\n" +
    "<parameter=timeout>\n2.5\n</parameter>\n<parameter=watch>\nfalse\n</parameter>\n<parameter=files>\n[\"a.ts\", \"b.ts\"]\n</parameter>\n" +
    "<parameter=env>\nnull\n</parameter>\n<parameter=label>\n42\n</parameter>\n</function>\n</tool_call>";

  it("types raw values by the tool's schema", () => {
    expect(expectStreamingAgrees(call, tools).calls).toEqual([
      {
        name: "run_tests",
        arguments: { pattern: "src/**/*.test.ts", workers: 4, timeout: 2.5, watch: false, files: ["a.ts", "b.ts"], env: null, label: "42" },
      },
    ]);
  });

  it("keeps every value a string without a schema", () => {
    expect(extractToolCalls(call).calls[0]?.arguments).toEqual({
      pattern: "src/**/*.test.ts",
      workers: "4",
      timeout: "2.5",
      watch: "false",
      files: '["a.ts", "b.ts"]',
      env: "null",
      label: "42",
    });
  });

  it("keeps the indentation of code values whose closing tag sits at column 0", () => {
    const text = "<tool_call>\n<function=write_file>\n<parameter=path>\nsrc/f.py\n</parameter>\n<parameter=content>\n    def f():\n        return '<b>' + \"->\"\n</parameter>\n</function>\n</tool_call>";
    expect(expectStreamingAgrees(text, tools).calls[0]?.arguments).toEqual({
      path: "src/f.py",
      content: "    def f():\n        return '<b>' + \"->\"",
    });
  });

  it("reads two functions inside one block, with unicode values", () => {
    const text =
      "<tool_call>\n<function=translate>\n<parameter=text>Grüße, 世界 🌍</parameter>\n</function>\n" +
      "<function=speak>\n<parameter=voice>alto</parameter>\n</function>\n</tool_call>";
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "translate", arguments: { text: "Grüße, 世界 🌍" } },
      { name: "speak", arguments: { voice: "alto" } },
    ]);
  });

  it("keeps the text around and between calls", () => {
    const text =
      "First the tests.\n<tool_call>\n<function=run_tests>\n</function>\n</tool_call>\nThen the file.\n" +
      "<tool_call>\n<function=write_file>\n<parameter=path>a.txt</parameter>\n</function>\n</tool_call>";
    const result = expectStreamingAgrees(text, tools);
    expect(result.calls.map((item) => item.name)).toEqual(["run_tests", "write_file"]);
    expect(result.content).toBe("First the tests.\n\nThen the file.\n");
  });

  it("still reads a call cut off at the end of the text once its header is complete", () => {
    const text = "<tool_call>\n<function=write_file>\n<parameter=path>\nnotes.md\n</parameter>\n<parameter=content>\n# Title";
    expect(expectStreamingAgrees(text, tools).calls).toEqual([{ name: "write_file", arguments: { path: "notes.md", content: "# Title" } }]);
  });

  it("leaves a fenced example and a bare mention alone", () => {
    const fenced = "Use this shape:\n```xml\n<tool_call>\n<function=run_tests>\n</function>\n</tool_call>\n```\n";
    expect(expectStreamingAgrees(fenced)).toEqual({ calls: [], content: fenced });
    const mention = "Qwen writes <function=NAME> headers, which is fine.";
    expect(expectStreamingAgrees(mention)).toEqual({ calls: [], content: mention });
  });
});
