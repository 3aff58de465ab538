import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkToolCalls } from "./check-tool-calls.js";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";

const call = (id: string) => ({ role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name: "read", arguments: "{}" } }] });
const result = (id: string) => ({ role: "tool", tool_call_id: id, content: "y" });
const user = { role: "user", content: "x" };
const strict = { maxLength: 40, strict: true };

describe("checkToolCalls", () => {
  it("refuses an id over the limit in OpenAI's words, naming where it is", () => {
    const problem = checkToolCalls([user, call("a".repeat(41)), result("a".repeat(41))], { maxLength: 40, strict: false });
    expect(problem).toEqual({
      message: "Invalid 'messages[1].tool_calls[0].id': string too long. Expected a string with maximum length 40, but got a string with length 41 instead.",
      param: "messages[1].tool_calls[0].id",
    });
    expect(checkToolCalls([user, call("a".repeat(40)), result("a".repeat(40))], { maxLength: 40, strict: false })).toBeUndefined();
  });

  it("strictly, refuses shared ids, stray results, unanswered calls and unknown message keys", () => {
    expect(checkToolCalls([user, call("c1"), result("c1"), user, call("c1"), result("c1")], strict)?.message).toContain("duplicate tool call id 'c1'");
    expect(checkToolCalls([user, result("c1")], strict)?.message).toContain("must be a response to a preceeding message with 'tool_calls'");
    expect(checkToolCalls([user, call("c1"), user], strict)?.message).toContain("did not have response messages: c1");
    expect(checkToolCalls([user, call("c1")], strict)?.message).toContain("did not have response messages: c1");
    const signed = { ...call("c1"), reasoning_details: [{ type: "reasoning.encrypted", data: "opaque" }] };
    expect(checkToolCalls([user, signed, result("c1")], strict)?.message).toBe("Additional properties are not allowed ('reasoning_details' was unexpected) - 'messages.1'");
    expect(checkToolCalls([user, call("c1"), result("c1"), { role: "assistant", content: "done", reasoning_content: "why" }], strict)).toBeUndefined();
  });

  it("without strict, leaves pairing to the gateway's model", () => {
    expect(checkToolCalls([user, call("c1"), user, result("zz")], { maxLength: undefined, strict: false })).toBeUndefined();
  });
});

describe("tool-call validation in the simulator", () => {
  let sim: GatewaySim;
  beforeAll(async () => {
    sim = await startGatewaySim({ profiles: ["openrouter", "groq", { profile: "deepseek", name: "strict-deepseek", strictToolCalls: true }] });
  });
  afterAll(() => sim.close());
  const post = async (profile: string, model: string, messages: unknown[]) =>
    fetch(`${sim.baseURL(profile)}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${sim.apiKey(profile)}` },
      body: JSON.stringify({ model, messages }),
    });

  it("OpenRouter refuses a 450-character id with 400 in its own error shape; Groq takes it", async () => {
    const long = "x".repeat(450);
    const refused = await post("openrouter", "qwen/qwen3-coder", [user, call(long), result(long)]);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("maximum length 40, but got a string with length 450");
    expect(sim.requests.last("openrouter")?.outcome).toBe("rejected");
    expect((await post("groq", "openai/gpt-oss-120b", [user, call(long), result(long)])).status).toBe(200);
  });

  it("a profile made strict refuses an unanswered call and takes a well-paired conversation", async () => {
    expect((await post("strict-deepseek", "deepseek-chat", [user, call("c1"), user])).status).toBe(400);
    expect((await post("strict-deepseek", "deepseek-chat", [user, call("c1"), result("c1")])).status).toBe(200);
  });
});
