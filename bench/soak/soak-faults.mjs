// The faults and malformations a soak turn may meet, each as scenario steps of the gateway
// simulator, with the corpora rows the project keeps as fixtures (their `origin` names the source).
import { readFileSync } from "node:fs";

const fixtures = new URL("../../packages/gateway-sim/src/__fixtures__/", import.meta.url);

function readRows(name) {
  return readFileSync(new URL(name, fixtures), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/** Malformed tool calls seen in the wild: a name and arguments exactly as a model sent them. */
export const MALFORMED_CALLS = readRows("malformed-tool-calls.jsonl")
  .filter((row) => typeof row.raw_arguments === "string" && (row.raw_name ?? row.tool_name))
  .map((row) => ({ id: row.id, name: row.raw_name ?? row.tool_name, toolName: row.tool_name, schema: row.tool_schema, arguments: row.raw_arguments }));

/** Rows the corpus test cannot use either (no literal text), by id. */
const NO_TEXT = JSON.parse(readFileSync(new URL("../../plugins/tool-repair/src/extract/__fixtures__/toolformats-expectations.json", import.meta.url), "utf8")).prose;

/** Tool calls leaked into the text in an open model's native grammar (all nine grammars), those with calls to read. */
export const LEAKED_CALLS = readRows("toolformats.jsonl")
  .filter((row) => Array.isArray(row.expected) && row.expected.length > 0 && !NO_TEXT[row.id]?.skip)
  .map((row) => ({ id: row.id, format: row.format, raw: row.raw, names: row.expected.map((call) => call.name) }));

/** Idle timeout of the soak's requests: a stall longer than this is a fault, keep-alives keep it alive. */
export const IDLE_TIMEOUT_MS = 160;

/**
 * Each fault kind: `healthy` when the gateway still answers in full (the turn must then complete),
 * and `steps(random, gateway)` returns the simulator steps that answer the next
 * requests of a turn (`gateway`: the one the session is on), wherever the fault falls among the
 * turn's scripted work.
 */
export const FAULT_KINDS = {
  "rate-limit-429": { steps: (random) => [{ error: { kind: "rate_limit", retryAfterMs: 5 + random.int(40) } }] },
  "rate-limit-429-seconds": { steps: () => [{ error: { kind: "rate_limit", retryAfterSeconds: 0 } }] },
  "server-5xx": { steps: (random) => [{ error: { kind: "server_error", status: random.pick([500, 502, 503, 504]) } }] },
  "html-error-page": { steps: (random) => [{ error: { kind: "html", status: random.pick([502, 503, 520]) } }] },
  "html-200": { steps: () => [{ error: { kind: "http", status: 200, headers: { "content-type": "text/html" }, body: "<html><body><h1>Welcome to nginx!</h1></body></html>" } }] },
  "connection-reset": { steps: (random) => [{ content: "Partial answer that will be cut off by the connection reset", stream: { chunkChars: 8, disconnectAfterChunks: random.int(4) } }] },
  "eof-without-finish": { steps: () => [{ content: "An answer whose stream ends without a finish reason", finishReason: "" }] },
  "sse-error-event": { steps: (random) => [{ content: "Streaming until the upstream fails", stream: { chunkChars: 6, errorAfterChunks: { after: 1 + random.int(3), message: "Upstream provider error", status: 502 } } }] },
  "malformed-sse": { steps: () => [{ content: "Text before a broken event", stream: { chunkChars: 6, insertRaw: [{ afterChunk: 1, text: "data: {\"choices\": [{\"delta\": {\"content\": \"x\"\n\n" }] } }] },
  "idle-stall": { steps: () => [{ content: "A stream that stalls past the idle timeout", stream: { chunkChars: 6, stallAfterChunks: { after: 1, ms: IDLE_TIMEOUT_MS * 2 } } }] },
  // Slow but healthy streams: no retry is needed, the answer (a tool call) arrives whole.
  "stall-with-keep-alives": {
    healthy: true,
    steps: () => [
      {
        content: "Checking the folder first.",
        toolCalls: [{ name: "ls", arguments: "{}" }],
        stream: { chunkChars: 6, stallAfterChunks: { after: 1, ms: IDLE_TIMEOUT_MS * 1.5, keepAliveEveryMs: IDLE_TIMEOUT_MS / 4, comment: "OPENROUTER PROCESSING" } },
      },
    ],
  },
  "slow-first-byte": { healthy: true, steps: () => [{ toolCalls: [{ name: "ls", arguments: "{}" }], stream: { firstByteDelayMs: IDLE_TIMEOUT_MS / 2 } }] },
  // Every attempt on the session's gateway fails: the breaker opens and the other gateway serves the same model.
  "gateway-down": { steps: (_random, gateway) => [{ when: { profile: gateway }, repeat: 3, error: { kind: "server_error", status: 503 } }] },
  overflow: { steps: () => [{ error: { kind: "overflow" } }] },
  unauthorized: { steps: () => [{ error: { kind: "unauthorized" } }] },
  "repeated-chunks": { steps: () => [{ contentChunks: Array.from({ length: 120 }, () => "again ") }] },
  "malformed-tool-call": {
    steps: (random) => {
      const row = random.pick(MALFORMED_CALLS);
      return [{ toolCalls: [{ name: row.name, arguments: row.arguments }] }];
    },
  },
  "leaked-tool-call": {
    steps: (random) => {
      const row = random.pick(LEAKED_CALLS);
      return [{ content: row.raw, stream: { chunkChars: 1 + random.int(12) } }];
    },
  },
  "truncated-tool-call": {
    steps: () => [{ toolCalls: [{ name: "write", arguments: '{"path": "notes/cut.txt", "content": "this call was cut by the out' }], finishReason: "length" }],
  },
};

export const FAULT_NAMES = Object.keys(FAULT_KINDS);
