import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

const weather: OfferedTool[] = [{ name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } }];

describe("llama3-json grammar (held-out cases)", () => {
  it("reads nested unicode calls separated by `;` and newlines", () => {
    const text = '{"name": "create_event", "parameters": {"title": "Réunion 会议", "when": {"day": 3, "slots": [9, 10]}}};\n{"name": "notify", "arguments": {"to": ["ana"]}}';
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "create_event", arguments: { title: "Réunion 会议", when: { day: 3, slots: [9, 10] } } },
        { name: "notify", arguments: { to: ["ana"] } },
      ],
      content: "",
    });
  });

  it("keeps the prose before a call and decodes string-encoded parameters", () => {
    const text = 'Looking it up. {"name": "get_weather", "parameters": "{\\"city\\": \\"Lima\\"}"}';
    expect(expectStreamingAgrees(text, weather)).toEqual({ calls: [{ name: "get_weather", arguments: { city: "Lima" } }], content: "Looking it up. " });
  });

  it("does not read JSON shown in a fence, in inline code, or ordinary JSON in prose", () => {
    for (const text of [
      'Call it like this:\n```json\n{"name": "get_weather", "parameters": {"city": "Lima"}}\n```\n',
      'Call it like `{"name": "get_weather", "parameters": {"city": "Lima"}}` when needed.',
      'The config is {"name": "app", "version": 2} and the map is {a: 1}.',
      'A user record: {"name": "Ada", "arguments": ["x"]}',
    ]) {
      expect(expectStreamingAgrees(text), text).toEqual({ calls: [], content: text });
    }
  });

  it("requires an offered tool name for bare JSON when tools are known, but not after <|python_tag|>", () => {
    const bare = '{"name": "delete_everything", "parameters": {}}';
    expect(extractToolCalls(bare, weather)).toEqual({ calls: [], content: bare });
    expect(extractToolCalls(`<|python_tag|>${bare}`, weather).calls).toEqual([{ name: "delete_everything", arguments: {} }]);
  });
});
