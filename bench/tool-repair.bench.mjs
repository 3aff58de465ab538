/**
 * Schema-aware tool-call repair (@bridle/plugin-tool-repair): median cost of `repairToolCall` on
 * the fast path (a valid call: one parse, one validation) and on typical repairs (a string
 * number, a JSON-string array, a cut-off closing brace, a wrapper, a renamed key, a leaked
 * closing tag, an unrecoverable call with its hint). Each figure is the median over batches of
 * many calls, after a warm-up; the tools array is built once, as a session does.
 */
import { createBuiltinTools } from "@bridle/tools";
import { measure } from "./measure.mjs";

export const name = "tool-repair";

const ITERATIONS = 50_000;
const BATCHES = 25;

/** The built-in tools exactly as the model is offered them (what repair validates against). */
const TOOLS = createBuiltinTools().map((tool) => ({ name: tool.name, parameters: tool.jsonSchema }));

const EDIT_BODY = "export function parse(text: string): Config {\n  const raw = JSON.parse(text);\n  return validate(raw);\n}\n";

/** Valid calls as models send them; the fast path must return them untouched. */
const VALID = [
  { name: "read", arguments: JSON.stringify({ path: "src/config/load.ts", offset: 1, limit: 200 }) },
  { name: "bash", arguments: JSON.stringify({ command: "pnpm vitest run src/config", description: "Run the config tests" }) },
  { name: "edit", arguments: JSON.stringify({ path: "src/config/load.ts", old_string: EDIT_BODY, new_string: EDIT_BODY.replace("validate", "validateConfig") }) },
  { name: "grep", arguments: JSON.stringify({ pattern: "validateConfig\\(", path: "src", output_mode: "content" }) },
];

const TODOS = [
  { content: "Read the config loader", status: "completed", id: "1" },
  { content: "Validate every field", status: "in_progress", id: "2" },
  { content: "Add tests for missing files", status: "pending", id: "3" },
];

/** One typical malformed call per common failure, with the rule expected to fire. */
const REPAIRS = {
  "number as string": { call: { name: "read", arguments: '{"path":"src/config/load.ts","offset":"120","limit":"80"}' }, rule: "string-to-number" },
  "array as JSON string": { call: { name: "todo", arguments: JSON.stringify({ todos: JSON.stringify(TODOS) }) }, rule: "parse-json-string" },
  "null for optional": { call: { name: "grep", arguments: '{"pattern":"TODO","path":null,"glob":null,"ignore_case":null,"output_mode":"content"}' }, rule: "drop-null-optional" },
  "missing closing brace": { call: { name: "bash", arguments: '{"command":"pnpm test","description":"Run tests"' }, rule: "close-truncated-json" },
  "arguments wrapper": { call: { name: "read", arguments: '{"arguments":{"path":"src/config/load.ts"}}' }, rule: "unwrap-arguments-wrapper" },
  "key alias": { call: { name: "bash", arguments: '{"cmd":"ls -la src","description":"List sources"}' }, rule: "rename-key-synonym" },
  "leaked closing tag": { call: { name: "glob", arguments: '{"pattern":"src/**/*.ts</parameter>\\n</invoke>"}' }, rule: "strip-grammar-debris" },
  "tool name prefix": { call: { name: "functions.read", arguments: '{"path":"src/config/load.ts"}' }, rule: "tool-name-prefix" },
  "Python literals": { call: { name: "grep", arguments: "{'pattern': 'TODO', 'ignore_case': True}" }, rule: "repair-json" },
  "unrecoverable (hint)": { call: { name: "edit", arguments: '{"old_string":"a","new_string":"b"}' }, rule: null },
};

const round = (value) => Number(value.toFixed(2));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureRepair(api) {
  const { repairToolCall } = api;
  if (typeof repairToolCall !== "function") {
    throw new Error("@bridle/plugin-tool-repair does not export repairToolCall: src/index.ts must re-export it from src/repair/index.ts");
  }
  for (const call of VALID) {
    const result = repairToolCall(call, TOOLS);
    if (result.status !== "valid" || JSON.stringify(result.calls[0].arguments) !== call.arguments) throw new Error(`fast-path call was not returned untouched: ${call.name}`);
  }
  const fast = await measure((index) => repairToolCall(VALID[index % VALID.length], TOOLS), { iterations: ITERATIONS, batches: BATCHES });
  const fastPerCall = {};
  for (const call of VALID) {
    fastPerCall[call.name] = round((await measure(() => repairToolCall(call, TOOLS), { iterations: ITERATIONS / 5, batches: BATCHES })).median * 1e6);
  }

  const repairMicros = {};
  for (const [label, { call, rule }] of Object.entries(REPAIRS)) {
    const result = repairToolCall(call, TOOLS);
    const expected = rule === null ? result.status === "unrecoverable" : result.status === "repaired" && result.repairs.includes(rule);
    if (!expected) throw new Error(`repair case "${label}" did not behave as expected: ${JSON.stringify(result)}`);
    repairMicros[label] = round((await measure(() => repairToolCall(call, TOOLS), { iterations: ITERATIONS / 10, batches: BATCHES })).median * 1e6);
  }
  const typical = median(Object.values(repairMicros));
  const worst = Math.max(...Object.values(repairMicros));
  const fastMicros = fast.median * 1e6;
  return [
    {
      name: "fast path: valid call, median",
      value: round(fastMicros),
      unit: "µs/call",
      target: "< 20 µs",
      pass: fastMicros < 20,
      details: { perTool: fastPerCall, minMicros: round(fast.min * 1e6), maxMicros: round(fast.max * 1e6), iterations: ITERATIONS, batches: BATCHES },
    },
    {
      name: "typical repair, median over cases",
      value: round(typical),
      unit: "µs/call",
      target: "< 200 µs",
      pass: typical < 200,
      details: { perCase: repairMicros },
    },
    {
      name: "slowest repair case",
      value: round(worst),
      unit: "µs/call",
      target: "< 200 µs",
      pass: worst < 200,
      details: { case: Object.entries(repairMicros).find(([, value]) => value === worst)?.[0] },
    },
  ];
}

export async function run() {
  const api = await import("@bridle/plugin-tool-repair");
  return measureRepair(api);
}
