// What the gateway simulator adds to a non-streaming request with a ~100k-token prompt, so that
// benchmarks run against it measure Bridle rather than the simulator. Each iteration sends the
// same growing conversation (one new user message per turn, as an agent session does) to the
// simulator and to a bare HTTP server that only reads the body and returns a fixed completion;
// the overhead is the median of the paired differences.
import http from "node:http";
import { startGatewaySim } from "@bridle/gateway-sim";

export const name = "gateway-sim";

const PROFILE = "openrouter";
const MODEL = "moonshotai/kimi-k2-0905";
const TARGET_PROMPT_TOKENS = 100_000;
const ITERATIONS = 161;

/** Deterministic code-like text (a seeded generator, so every run sends the same bytes). */
function codeText(seed, lines) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const words = ["const", "value", "return", "await", "request", "response", "tokens", "cache", "node", "prefix", "session", "gateway", "model", "stream", "result", "error"];
  const out = [];
  for (let line = 0; line < lines; line++) {
    const width = 4 + (next() % 9);
    const parts = [];
    for (let word = 0; word < width; word++) parts.push(words[next() % words.length] + (next() % 7 === 0 ? String(next() % 1000) : ""));
    out.push(`${"  ".repeat(next() % 4)}${parts.join(" ")};`);
  }
  return out.join("\n");
}

/** Appends one agent turn: a user request, a tool call and a ~2k-token tool output. */
function addTurn(messages, turn) {
  const id = `call_${turn}`;
  messages.push({ role: "user", content: `Step ${turn}: read the next file and fix what is wrong.` });
  messages.push({ role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name: "read", arguments: JSON.stringify({ path: `src/file-${turn}.ts` }) } }] });
  messages.push({ role: "tool", tool_call_id: id, content: codeText(100 + turn, 240) });
}

const tools = [
  { type: "function", function: { name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } } },
  { type: "function", function: { name: "bash", description: "Run a command", parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] } } },
];

function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

function startBaseline() {
  const reply = JSON.stringify({
    id: "chatcmpl-baseline",
    object: "chat.completion",
    created: 0,
    model: MODEL,
    choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
    usage: { prompt_tokens: 0, completion_tokens: 1, total_tokens: 1 },
  });
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      Buffer.concat(chunks);
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
      response.end(reply);
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
};

export async function run() {
  const sim = await startGatewaySim({ profiles: [PROFILE], maxRecordedRequests: 10 });
  const baseline = await startBaseline();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const simUrl = `${sim.baseURL(PROFILE)}/chat/completions`;
  const baseUrl = `http://127.0.0.1:${baseline.address().port}/v1/chat/completions`;
  const headers = { authorization: `Bearer ${sim.apiKey(PROFILE)}` };
  try {
    const messages = [{ role: "system", content: `You are a coding agent.\n${codeText(1, 120)}` }];
    const bodyFor = () => JSON.stringify({ model: MODEL, messages, tools, max_tokens: 4096, session_id: "bench-session" });
    // Grow the conversation until the simulator counts at least 100k prompt tokens.
    let turn = 0;
    let promptTokens = 0;
    while (promptTokens < TARGET_PROMPT_TOKENS) {
      addTurn(messages, turn++);
      const probe = await post(agent, simUrl, headers, bodyFor());
      if (probe.status !== 200) throw new Error(`simulator answered ${probe.status}: ${probe.text.slice(0, 300)}`);
      promptTokens = JSON.parse(probe.text).usage.prompt_tokens;
    }
    // Cold: the same conversation on a fresh simulator, where every message is tokenized anew.
    const fresh = await startGatewaySim({ profiles: [PROFILE], maxRecordedRequests: 10 });
    const cold = await post(agent, `${fresh.baseURL(PROFILE)}/chat/completions`, headers, bodyFor());
    await fresh.close();
    const coldPromptTokens = JSON.parse(cold.text).usage.prompt_tokens;

    /** Sends the growing session to both servers `iterations` times; returns paired timings. */
    const measureSession = async (iterations, serialize) => {
      const result = { simTimes: [], baseTimes: [], differences: [], handleTimes: [], lastUsage: undefined };
      for (let iteration = 0; iteration < iterations; iteration++) {
        messages.push({ role: "user", content: `Turn ${iteration}: now run the tests again and report the result.` });
        const body = serialize();
        // Alternate the order so neither server always runs on a warmer machine.
        const first = iteration % 2 === 0;
        const a = await post(agent, first ? simUrl : baseUrl, first ? headers : {}, body);
        const b = await post(agent, first ? baseUrl : simUrl, first ? {} : headers, body);
        const simResult = first ? a : b;
        const baseResult = first ? b : a;
        if (simResult.status !== 200) throw new Error(`simulator answered ${simResult.status}: ${simResult.text.slice(0, 300)}`);
        result.lastUsage = JSON.parse(simResult.text).usage;
        messages.push(JSON.parse(simResult.text).choices[0].message);
        if (iteration < 10) continue; // warm-up
        result.simTimes.push(simResult.ms);
        result.baseTimes.push(baseResult.ms);
        result.differences.push(simResult.ms - baseResult.ms);
        result.handleTimes.push(sim.requests.last(PROFILE).handleMs);
      }
      return result;
    };
    const { simTimes, baseTimes, differences, handleTimes, lastUsage } = await measureSession(ITERATIONS, bodyFor);
    // Clients whose bytes do not line up with JSON.stringify (here: pretty-printed) are parsed in full.
    const pretty = await measureSession(61, () => JSON.stringify(JSON.parse(bodyFor()), null, 1));
    const overhead = median(differences);
    const details = { samples: differences.length, promptTokens: lastUsage.prompt_tokens, cachedTokens: lastUsage.prompt_tokens_details.cached_tokens };
    return [
      { name: "non-streaming overhead at ~100k-token prompt (median of paired differences)", value: overhead, unit: "ms", target: "< 2 ms", pass: overhead < 2, details: { ...details, p90: percentile(differences, 0.9) } },
      { name: "non-streaming overhead when bodies cannot be reused (pretty-printed JSON, full parse)", value: median(pretty.differences), unit: "ms", details: { samples: pretty.differences.length, p90: percentile(pretty.differences, 0.9), handleMs: median(pretty.handleTimes) } },
      { name: "simulator round trip at ~100k tokens (median)", value: median(simTimes), unit: "ms", details: { p90: percentile(simTimes, 0.9) } },
      { name: "bare HTTP server round trip, same bodies (median)", value: median(baseTimes), unit: "ms", details: { p90: percentile(baseTimes, 0.9) } },
      { name: "simulator handling time in process (median)", value: median(handleTimes), unit: "ms", details: { p90: percentile(handleTimes, 0.9) } },
      { name: "cold first request at ~100k tokens (tokenizes every message)", value: cold.ms, unit: "ms", details: { promptTokens: coldPromptTokens } },
      { name: "cached share of the prompt on the last turn (session_id affinity)", value: lastUsage.prompt_tokens_details.cached_tokens / lastUsage.prompt_tokens, unit: "ratio", details },
    ];
  } finally {
    agent.destroy();
    await sim.close();
    await new Promise((resolve) => baseline.close(resolve));
  }
}
