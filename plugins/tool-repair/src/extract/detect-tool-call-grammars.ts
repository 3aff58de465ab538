import type { GrammarName } from "./types.js";

/** Marker fragments distinctive enough to name a grammar, in report order. */
const SIGNATURES: ReadonlyArray<readonly [GrammarName, RegExp]> = [
  ["hermes", /<tool_call>\s*[{[]/],
  ["qwen3-coder-xml", /<function=/],
  ["kimi-k2", /<\|tool_calls?_section_begin\|>|<\|tool_call_begin\|>/],
  ["deepseek", /<｜tool▁calls?▁begin｜>|<｜DSML｜/],
  ["glm45", /<tool_call>\s*[\p{L}\p{N}_]/u],
  ["minimax-m2", /<minimax:tool_call>/],
  ["gpt-oss-harmony", /<\|channel\|>|<\|start\|>/],
  ["llama3-json", /<\|python_(?:tag|start)\|>|\{\s*"(?:name|parameters|arguments)"\s*:/],
  ["mistral", /\[TOOL_CALLS\]/],
];

/**
 * Which grammars' markers appear in the text: a cheap look (one regex per grammar, none when the
 * text has no `<`, `[` or `{`) for logging and routing. It says "could apply", not "parsed".
 */
export function detectToolCallGrammars(content: string): GrammarName[] {
  if (typeof content !== "string") {
    throw new TypeError(`detectToolCallGrammars: content must be a string, got ${content === null ? "null" : typeof content}`);
  }
  if (!/[<[{]/.test(content)) return [];
  return SIGNATURES.filter(([, pattern]) => pattern.test(content)).map(([grammar]) => grammar);
}
