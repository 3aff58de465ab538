import { resolveSettings } from "./resolve-settings.js";
import { advanceScan, createScanState, scanResult } from "./tool-call-scanner.js";
import type { ExtractOptions, ExtractResult, OfferedTool } from "./types.js";

/** Every grammar marker starts with one of these characters (or is Harmony's `to=`). */
const MAY_HOLD_MARKUP = /[<[{]/;

/**
 * Finds tool calls leaked into message text in the native grammars of open models (Hermes/Qwen2.5,
 * Qwen3-Coder XML, Kimi K2, DeepSeek V3/V3.1/V3.2 DSML, GLM-4.5/4.7, MiniMax M2, gpt-oss Harmony,
 * Llama 3 JSON / Llama 4 pythonic, Mistral) and returns them with the content minus their markup.
 * `tools` types raw-text parameter values by schema (Qwen3-Coder, GLM, MiniMax, DSML) and resolves
 * Kimi's bare counter ids. Text with no marker characters is returned as is after one regex test.
 * Pure: the same input always gives the same result.
 */
export function extractToolCalls(content: string, tools?: readonly OfferedTool[], options?: ExtractOptions): ExtractResult {
  if (typeof content !== "string") {
    throw new TypeError(`extractToolCalls: content must be a string, got ${content === null ? "null" : typeof content}`);
  }
  const settings = resolveSettings(tools, options, "extractToolCalls");
  if (!MAY_HOLD_MARKUP.test(content)) return { calls: [], content };
  const state = createScanState(content);
  advanceScan(state, settings, true);
  return scanResult(state);
}
