import type { GrammarName } from "@bridle/plugin-tool-repair";

/** A tool call as a model means it: a name and string arguments. */
export interface IntendedCall {
  name: string;
  arguments: Record<string, string>;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Writes calls the way each open model's native grammar leaks them into the text (the shapes of
 * the recorded corpus, plugins/tool-repair/src/extract/__fixtures__/toolformats.jsonl).
 */
export const LEAKED_GRAMMARS: Record<GrammarName, (calls: readonly IntendedCall[]) => string> = {
  hermes: (calls) => calls.map((call) => `<tool_call>\n${json({ name: call.name, arguments: call.arguments })}\n</tool_call>`).join("\n"),
  "qwen3-coder-xml": (calls) =>
    calls
      .map((call) => `<tool_call>\n<function=${call.name}>\n${Object.entries(call.arguments).map(([key, value]) => `<parameter=${key}>\n${value}\n</parameter>\n`).join("")}</function>\n</tool_call>`)
      .join("\n"),
  "kimi-k2": (calls) =>
    `<|tool_calls_section_begin|>${calls.map((call, index) => `<|tool_call_begin|>functions.${call.name}:${index} <|tool_call_argument_begin|>${json(call.arguments)}<|tool_call_end|>`).join("")}<|tool_calls_section_end|>`,
  deepseek: (calls) =>
    `<｜tool▁calls▁begin｜>${calls.map((call) => `<｜tool▁call▁begin｜>function<｜tool▁sep｜>${call.name}\n\`\`\`json\n${json(call.arguments)}\n\`\`\`<｜tool▁call▁end｜>`).join("")}<｜tool▁calls▁end｜>`,
  glm45: (calls) =>
    calls.map((call) => `<tool_call>${call.name}\n${Object.entries(call.arguments).map(([key, value]) => `<arg_key>${key}</arg_key>\n<arg_value>${value}</arg_value>\n`).join("")}</tool_call>`).join("\n"),
  "minimax-m2": (calls) =>
    `<minimax:tool_call>${calls.map((call) => `<invoke name="${call.name}">${Object.entries(call.arguments).map(([key, value]) => `<parameter name="${key}">${value}</parameter>`).join("")}</invoke>`).join("")}</minimax:tool_call>`,
  "gpt-oss-harmony": (calls) => calls.map((call) => `<|start|>assistant<|channel|>commentary to=functions.${call.name}<|constrain|>json<|message|>${json(call.arguments)}<|call|>`).join(""),
  "llama3-json": (calls) => calls.map((call) => json({ name: call.name, parameters: call.arguments })).join("; "),
  mistral: (calls) => `[TOOL_CALLS]${json(calls.map((call) => ({ name: call.name, arguments: call.arguments })))}`,
};
