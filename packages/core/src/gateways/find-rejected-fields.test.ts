import { describe, expect, it } from "vitest";
import { findRejectedFields, findRejectedMessageFields, findReplayDemand } from "./find-rejected-fields.js";

const body = {
  model: "m",
  messages: [],
  stream: true,
  stream_options: { include_usage: true },
  max_completion_tokens: 100,
  tool_choice: "required",
  parallel_tool_calls: true,
  response_format: { type: "json_object" },
  reasoning_effort: "high",
  tools: [],
  temperature: 0.2,
};

describe("findRejectedFields", () => {
  it.each([
    ["Unrecognized request argument supplied: stream_options", ["stream_options"]],
    ["body.parallel_tool_calls: Extra inputs are not permitted", ["parallel_tool_calls"]],
    ["tool_choice 'required' is not supported with thinking enabled", ["tool_choice"]],
    ["Invalid parameter: response_format of type json_object is not supported for this model", ["response_format"]],
    ["reasoning_effort: unknown variant `high`, expected one of `default`", ["reasoning_effort"]],
    ["max_completion_tokens is not a valid parameter for this endpoint, use max_tokens", ["max_completion_tokens"]],
    ['{"detail":[{"type":"extra_forbidden","loc":["body","STREAM_OPTIONS"],"msg":"Extra inputs are not permitted"}]}', ["stream_options"]],
  ])("reads %j", (text, expected) => {
    expect(findRejectedFields(text, body)).toEqual(expected);
  });

  it("never reports a field the request did not send, nor an essential one, nor a word that is only part of a name", () => {
    expect(findRejectedFields("logprobs is not supported", body)).toEqual([]);
    expect(findRejectedFields("stream is not supported for tools", body)).toEqual([]);
    expect(findRejectedFields("invalid messages[0].content: expected string", body)).toEqual([]);
  });

  it("does not call a complaint about the output limit's size a refusal of its name", () => {
    expect(findRejectedFields("invalid max_completion_tokens: must be at most 8192", body)).toEqual([]);
    expect(findRejectedFields("Invalid value for max_completion_tokens: 100000 > 65536", body)).toEqual([]);
  });

  it("needs words of refusal", () => {
    expect(findRejectedFields("temperature was 0.2 and the answer took long", body)).toEqual([]);
  });
});

describe("findReplayDemand", () => {
  it.each([
    ["The reasoning_content in the thinking mode must be passed back to the API", "reasoning_content"],
    ["thinking is enabled but reasoning_content is missing in assistant tool call message at index 2", "reasoning_content"],
    ["Missing `reasoning_content` field in the assistant message at message index 2", "reasoning_content"],
    ["Please pass the model's reasoning back in each assistant turn", "reasoning"],
    ["assistant turns require the reasoning_details they came with", "reasoning_details"],
  ])("reads %j", (text, field) => {
    expect(findReplayDemand(text)).toEqual({ field });
  });

  it("does not read other rejections that mention thinking", () => {
    expect(findReplayDemand("tool_choice 'specified'/'required' is incompatible with thinking enabled")).toBe(false);
    expect(findReplayDemand("reasoning_effort is not supported")).toBe(false);
  });
});

describe("findRejectedMessageFields", () => {
  const sent = {
    messages: [
      { role: "assistant", content: null, reasoning_content: "why", tool_calls: [] },
      { role: "tool", tool_call_id: "a", name: "read", content: "x" },
    ],
  };
  it("names a refused key of the messages, never an essential one", () => {
    expect(findRejectedMessageFields("messages.0.reasoning_content: property 'messages.0.reasoning_content' is unsupported", sent)).toEqual(["messages.reasoning_content"]);
    expect(findRejectedMessageFields("Unknown field `name` in tool message", sent)).toEqual(["messages.name"]);
    expect(findRejectedMessageFields("messages.1.content: invalid type", sent)).toEqual([]);
    expect(findRejectedMessageFields("reasoning_content was fine", sent)).toEqual([]);
  });
});
