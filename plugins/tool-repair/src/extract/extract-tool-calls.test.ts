import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createToolCallStreamExtractor } from "./create-tool-call-stream-extractor.js";
import { extractToolCalls } from "./extract-tool-calls.js";
import type { OfferedTool } from "./types.js";

describe("extractToolCalls", () => {
  it("returns text without markup unchanged", () => {
    for (const text of ["", "   \n", "Plain answer, with (parens) and 3 > 2.", "Tools like get_weather exist.", "a < b and c > d"]) {
      expect(extractToolCalls(text)).toEqual({ calls: [], content: text });
    }
  });

  it("reports bad arguments with what was wrong and where", () => {
    expect(() => extractToolCalls(42 as unknown as string)).toThrow(/content must be a string, got number/);
    expect(() => extractToolCalls("x", {} as unknown as OfferedTool[])).toThrow(/tools must be an array/);
    expect(() => extractToolCalls("x", [{ name: "" }])).toThrow(/tools\[0\] must have a non-empty string name/);
    expect(() => extractToolCalls("x", [{ name: "f", parameters: [] as unknown as OfferedTool["parameters"] }])).toThrow(/tools\[0\] \(f\)\.parameters/);
    expect(() => extractToolCalls("x", undefined, { grammars: ["hermes", "nope" as "hermes"] })).toThrow(/options\.grammars\[1\] is "nope"/);
  });

  it("looks only for the grammars it is told to", () => {
    const text = '[TOOL_CALLS]f{"a": 1}';
    expect(extractToolCalls(text, undefined, { grammars: ["kimi-k2"] })).toEqual({ calls: [], content: text });
    expect(extractToolCalls(text, undefined, { grammars: ["mistral"] }).calls).toEqual([{ name: "f", arguments: { a: 1 } }]);
  });

  it("never throws on arbitrary mixes of markup fragments, and streaming always agrees", () => {
    const fragments = [
      "<tool_call>", "</tool_call>", "<function=f>", "</function>", "<parameter=p>", "</parameter>", '{"name": "f", "arguments": {}}',
      "<|tool_calls_section_begin|>", "<|tool_call_begin|>", "functions.f:0", "<|tool_call_argument_begin|>", "<|tool_call_end|>",
      "<|tool_calls_section_end|>", "<｜tool▁calls▁begin｜>", "<｜tool▁call▁begin｜>", "<｜tool▁sep｜>", "<｜tool▁call▁end｜>",
      "<｜DSML｜invoke name=\"f\">", "</｜DSML｜invoke>", "<minimax:tool_call>", "<invoke name=\"f\">", "</invoke>", "</minimax:tool_call>",
      "<|channel|>", "commentary", " to=functions.f", "<|message|>", "<|call|>", "<|start|>", "[TOOL_CALLS]", "<|python_tag|>",
      "<|python_start|>", "[f(a=1)]", "<|python_end|>", "<arg_key>k</arg_key>", "<arg_value>v</arg_value>", "```\n", "\n", " ", "{", "}",
      "[", "]", "<", "text", "f", '"', ";", "~~~", "`",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 14 }),
        fc.uniqueArray(fc.nat(), { maxLength: 6 }),
        (parts, cutSeeds) => {
          const text = parts.join("");
          const whole = extractToolCalls(text);
          const cuts = [...new Set(cutSeeds.map((seed) => (text.length === 0 ? 0 : seed % text.length)))].sort((a, b) => a - b);
          const points = [0, ...cuts, text.length];
          const extractor = createToolCallStreamExtractor();
          let content = "";
          for (let index = 1; index < points.length; index++) content += extractor.push(text.slice(points[index - 1], points[index])).content;
          const end = extractor.end();
          expect({ ...end, content: content + end.content }).toEqual(whole);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
