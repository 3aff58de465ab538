// The wire step's cost per request: a turn of a realistic session (system prompt, 40 messages
// with tool calls, reasoning and results, 8 tools) turned into each gateway's wire body and
// headers by its definition and the kernel's wire taps, as the transport does before sending.
// Compared, in the same run, with JSON.stringify of the resulting body, which the SDK pays anyway.
import { createKernel, GatewayTransport } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import { measure } from "./measure.mjs";

export const name = "gateways";

/** Gateways whose definitions exercise different shaping: plain, reasoning replay with Kimi ids, renamed output limit, local code hook. */
const GATEWAYS = ["openrouter", "moonshot", "cerebras", "ollama"];

function conversation() {
  const messages = [{ role: "system", content: "You are a coding agent. ".repeat(200) }];
  for (let index = 0; index < 10; index++) {
    messages.push({ role: "user", content: `Step ${index}: fix the failing test in src/module-${index}.ts and explain what changed.` });
    messages.push({
      role: "assistant",
      content: null,
      reasoning: "I should read the file before editing it. ".repeat(6),
      reasoningField: "reasoning_content",
      toolCalls: [{ id: `functions.read:${index}`, name: "read", arguments: JSON.stringify({ path: `src/module-${index}.ts` }) }],
    });
    messages.push({ role: "tool", toolCallId: `functions.read:${index}`, content: "export function sum(a: number, b: number) {\n  return a - b;\n}\n".repeat(20) });
    messages.push({ role: "assistant", content: `Fixed module ${index}: the subtraction is now an addition.`, reasoning: "Done.", reasoningField: "reasoning_content" });
  }
  return messages;
}

const tools = Array.from({ length: 8 }, (_, index) => ({
  name: `tool_${index}`,
  description: "A tool with a few parameters. ".repeat(4),
  parameters: { type: "object", properties: { path: { type: "string" }, limit: { type: "integer" }, flags: { type: "array", items: { type: "string" } } }, required: ["path"] },
}));

export async function run() {
  const kernel = createKernel({ plugins: defaultPreset.plugins.map((plugin) => ({ plugin })) });
  const transport = new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, environment: {} });
  const messages = conversation();
  const model = kernel.resolveModel("kimi-k2-thinking").id;
  const requests = GATEWAYS.map((gateway) => ({ model, gateway, purpose: "turn", messages, tools, maxOutputTokens: 8_192, affinityKey: "session-1", body: {}, headers: {} }));
  let index = 0;
  const wire = await measure(() => transport.prepare(requests[index++ % requests.length]), { iterations: 20_000 });
  const bodies = requests.map((request) => transport.prepare(request).wire.body);
  const stringify = await measure(() => JSON.stringify(bodies[index++ % bodies.length]), { iterations: 20_000 });
  const microseconds = wire.median * 1e6;
  return [
    {
      name: `wire step per request (${messages.length} messages, ${tools.length} tools; ${GATEWAYS.join(", ")})`,
      value: microseconds,
      unit: "µs/request",
      target: "< 50 µs",
      pass: microseconds < 50,
    },
    { name: "JSON.stringify of the same wire body", value: stringify.median * 1e6, unit: "µs/request" },
    { name: "wire step / stringify", value: wire.median / stringify.median, unit: "×", details: { gateways: GATEWAYS } },
  ];
}
