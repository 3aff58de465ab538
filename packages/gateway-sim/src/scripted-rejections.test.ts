import { afterAll, beforeAll, expect, test } from "vitest";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startGatewaySim({
    profiles: [
      { profile: "vllm", name: "strict-proxy", rejectFields: [{ field: "stream_options", message: "Unrecognized request argument supplied: stream_options" }] },
      { profile: "groq", name: "replay-host", requireReasoningReplay: { message: "The reasoning_content in the thinking mode must be passed back to the API." } },
    ],
  });
});
afterAll(async () => {
  await sim.close();
});

const post = async (profile: string, body: Record<string, unknown>) => {
  const response = await fetch(`${sim.baseURL(profile)}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${sim.apiKey(profile)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

test("a scripted field rejection answers in the profile's own bad-request shape, and only when the field is sent", async () => {
  const model = sim.profile("strict-proxy").models[0]?.slug as string;
  const rejected = await post("strict-proxy", { model, messages: [{ role: "user", content: "x" }], stream_options: { include_usage: true } });
  expect(rejected.status).toBe(400);
  expect(rejected.body.error).toMatchObject({ message: "Unrecognized request argument supplied: stream_options", type: "BadRequestError", param: "stream_options" });
  expect(sim.requests.last("strict-proxy")?.outcome).toBe("rejected");
  expect((await post("strict-proxy", { model, messages: [{ role: "user", content: "x" }] })).status).toBe(200);
});

test("a scripted replay demand refuses tool-call turns without reasoning_content, for every model", async () => {
  const model = "moonshotai/kimi-k2-instruct-0905";
  const turn = { role: "assistant", content: null, tool_calls: [{ id: "functions.read:0", type: "function", function: { name: "read", arguments: "{}" } }] };
  const messages = [{ role: "user", content: "x" }, turn, { role: "tool", tool_call_id: "functions.read:0", content: "y" }];
  const refused = await post("replay-host", { model, messages });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe("The reasoning_content in the thinking mode must be passed back to the API.");
  const replayed = await post("replay-host", { model, messages: [messages[0], { ...turn, reasoning_content: "I read it." }, messages[2]] });
  expect(replayed.status).toBe(200);
});
