/**
 * Leaked tool-call extraction (@bridle/plugin-tool-repair): cost of `extractToolCalls` on plain
 * text (the common case, which must cost next to nothing) and on a typical leaked call per
 * grammar, plus streaming a message through `createToolCallStreamExtractor` in token-sized chunks.
 */
import { performance } from "node:perf_hooks";

export const name = "tool-repair-extract";

const PLAIN = (
  "The function reads the configuration file, validates every field against the schema and " +
  "returns the parsed settings. If a field is missing it falls back to the default value, and " +
  "if the file itself is absent it reports a clear error that names the path it looked at. "
).repeat(4);

const PROSE_WITH_BRACKETS = (
  "Use `config.get(key)` to read a value; arrays like [1, 2, 3] and objects like {a: 1} are " +
  "returned as is, and a < b comparisons work on numbers. See [the docs](https://example.com). "
).repeat(4);

/** One typical leak per grammar, written from the formats in shared/corpora/toolformats/. */
const LEAKS = {
  hermes: 'Let me check.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/index.ts", "limit": 200}}\n</tool_call>',
  "qwen3-coder-xml":
    "Let me check.\n<tool_call>\n<function=read_file>\n<parameter=path>\nsrc/index.ts\n</parameter>\n<parameter=limit>\n200\n</parameter>\n</function>\n</tool_call>",
  "kimi-k2":
    'Let me check. <|tool_calls_section_begin|><|tool_call_begin|>functions.read_file:0<|tool_call_argument_begin|>{"path": "src/index.ts", "limit": 200}<|tool_call_end|><|tool_calls_section_end|>',
  deepseek:
    'Let me check.<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>read_file\n```json\n{"path": "src/index.ts", "limit": 200}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>',
  "deepseek-dsml":
    'Let me check.<｜DSML｜function_calls>\n<｜DSML｜invoke name="read_file">\n<｜DSML｜parameter name="path" string="true">src/index.ts</｜DSML｜parameter>\n<｜DSML｜parameter name="limit" string="false">200</｜DSML｜parameter>\n</｜DSML｜invoke>\n</｜DSML｜function_calls>',
  glm45: "Let me check.\n<tool_call>read_file\n<arg_key>path</arg_key>\n<arg_value>src/index.ts</arg_value>\n<arg_key>limit</arg_key>\n<arg_value>200</arg_value>\n</tool_call>",
  "minimax-m2":
    'Let me check.\n<minimax:tool_call>\n<invoke name="read_file">\n<parameter name="path">src/index.ts</parameter>\n<parameter name="limit">200</parameter>\n</invoke>\n</minimax:tool_call>',
  "gpt-oss-harmony":
    '<|channel|>analysis<|message|>Need the file.<|end|><|start|>assistant<|channel|>commentary to=functions.read_file <|constrain|>json<|message|>{"path": "src/index.ts", "limit": 200}<|call|>',
  "llama3-json": 'Let me check. <|python_tag|>{"name": "read_file", "parameters": {"path": "src/index.ts", "limit": 200}}',
  mistral: 'Let me check.[TOOL_CALLS]read_file{"path": "src/index.ts", "limit": 200}',
};

const TOOLS = [
  {
    name: "read_file",
    parameters: { type: "object", properties: { path: { type: "string" }, limit: { type: "integer" } } },
  },
];

/** Median microseconds per call over batches sized to take a few milliseconds each. */
function medianMicros(operation) {
  for (let index = 0; index < 2000; index++) operation();
  let perBatch = 1;
  for (;;) {
    const start = performance.now();
    for (let index = 0; index < perBatch; index++) operation();
    if (performance.now() - start >= 5) break;
    perBatch *= 2;
  }
  const samples = [];
  for (let batch = 0; batch < 21; batch++) {
    const start = performance.now();
    for (let index = 0; index < perBatch; index++) operation();
    samples.push(((performance.now() - start) * 1000) / perBatch);
  }
  samples.sort((left, right) => left - right);
  return samples[Math.floor(samples.length / 2)];
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

function streamInChunks(api, text, size) {
  const extractor = api.createToolCallStreamExtractor(TOOLS);
  for (let index = 0; index < text.length; index += size) extractor.push(text.slice(index, index + size));
  return extractor.end();
}

/** The measurements, given the package's exports (kept apart from `run` so any build can be measured). */
export function measureExtract(api) {
  const { extractToolCalls } = api;
  if (typeof extractToolCalls !== "function" || typeof api.createToolCallStreamExtractor !== "function") {
    throw new Error("tool-repair-extract bench: @bridle/plugin-tool-repair must export extractToolCalls and createToolCallStreamExtractor");
  }
  const rows = [];
  const plain = medianMicros(() => extractToolCalls(PLAIN, TOOLS));
  rows.push({
    name: "extract: plain text, no markers (1 KB)",
    value: round(plain),
    unit: "µs",
    target: "≤ 2 µs",
    pass: plain <= 2,
    details: { characters: PLAIN.length },
  });
  const prose = medianMicros(() => extractToolCalls(PROSE_WITH_BRACKETS, TOOLS));
  rows.push({
    name: "extract: prose with brackets, braces, `<` (0.8 KB)",
    value: round(prose),
    unit: "µs",
    target: "≤ 20 µs",
    pass: prose <= 20,
    details: { characters: PROSE_WITH_BRACKETS.length },
  });
  for (const [grammar, text] of Object.entries(LEAKS)) {
    const result = extractToolCalls(text, TOOLS);
    const correct = result.calls.length === 1 && result.calls[0].name === "read_file" && result.calls[0].arguments.limit === 200;
    const micros = medianMicros(() => extractToolCalls(text, TOOLS));
    rows.push({
      name: `extract: ${grammar} leaked call`,
      value: round(micros),
      unit: "µs",
      target: "≤ 20 µs, parsed correctly",
      pass: correct && micros <= 20,
      details: { characters: text.length, calls: result.calls.length, content: result.content },
    });
  }
  const streamed = `${PLAIN}\n${LEAKS["qwen3-coder-xml"]}`;
  const streamMicros = medianMicros(() => streamInChunks(api, streamed, 4));
  rows.push({
    name: "stream: 1 KB prose + Qwen3-Coder call in 4-char chunks",
    value: round(streamMicros),
    unit: "µs/message",
    target: "≤ 200 µs",
    pass: streamMicros <= 200 && streamInChunks(api, streamed, 4).calls.length === 1,
    details: { characters: streamed.length, chunks: Math.ceil(streamed.length / 4) },
  });
  const bigArguments = JSON.stringify({ path: "big.ts", content: "export const x = { a: [1, 2] };\n".repeat(1000) });
  const big = `<tool_call>{"name": "read_file", "arguments": ${bigArguments}}</tool_call>`;
  const bigMicros = medianMicros(() => streamInChunks(api, big, 4));
  rows.push({
    name: "stream: 32 KB Hermes call in 4-char chunks",
    value: round(bigMicros / 1000),
    unit: "ms/message",
    target: "≤ 10 ms",
    pass: bigMicros <= 10_000 && streamInChunks(api, big, 4).calls.length === 1,
    details: { characters: big.length, chunks: Math.ceil(big.length / 4) },
  });
  return rows;
}

export async function run() {
  const api = await import("@bridle/plugin-tool-repair");
  return measureExtract(api);
}
