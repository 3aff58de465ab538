import type { RepairRecorder } from "./repair-recorder.js";
import { SPLIT_CONCATENATED_NAMES, splitConcatenatedNames } from "./rules/split-concatenated-names.js";
import { TOOL_NAME_CASE, matchToolNameCase } from "./rules/tool-name-case.js";
import { TOOL_NAME_DEBRIS, stripToolNameDebris, PLAUSIBLE_TOOL_NAME } from "./rules/tool-name-debris.js";
import { TOOL_NAME_NEAR_MISS, matchToolNameNearMiss } from "./rules/tool-name-near-miss.js";
import { TOOL_NAME_PREFIX, matchToolNamePrefix } from "./rules/tool-name-prefix.js";
import type { IndexedTool, ToolIndex } from "./tool-index.js";

/** The offered tool(s) a raw name stands for. */
export type NameResolution =
  | { kind: "tool"; tool: IndexedTool; recoveredArguments: Record<string, string> }
  /** Several offered names glued together; each needs its own arguments object. */
  | { kind: "concatenated"; tools: IndexedTool[] }
  | { kind: "none" };

/**
 * Resolves a tool name among the offered tools only: exact, then with grammar debris cut away,
 * then ignoring case and separators, then without a namespace or glued prefix, then a near miss,
 * then as several names glued together. Each step that changes the name records its rule.
 */
export function resolveToolName(rawName: string | null, index: ToolIndex, recorder: RepairRecorder): NameResolution {
  if (rawName === null) return { kind: "none" };
  const exact = index.byName.get(rawName);
  if (exact !== undefined && exact.plausibleName) return { kind: "tool", tool: exact, recoveredArguments: {} };
  let name = rawName.trim();
  let recoveredArguments: Record<string, string> = {};
  const cleaned = stripToolNameDebris(name);
  if (cleaned !== null) {
    name = cleaned.name;
    recoveredArguments = cleaned.arguments;
    recorder.fire(TOOL_NAME_DEBRIS);
  }
  if (!PLAUSIBLE_TOOL_NAME.test(name)) return { kind: "none" };
  const found = (tool: IndexedTool | undefined): NameResolution | null =>
    tool !== undefined && tool.plausibleName ? { kind: "tool", tool, recoveredArguments } : null;
  const direct = found(index.byName.get(name));
  if (direct !== null) return direct;
  const offered = index.names.filter((candidate) => index.byName.get(candidate)?.plausibleName === true);
  const steps: Array<readonly [rule: string, match: (name: string, offered: readonly string[]) => string | null]> = [
    [TOOL_NAME_CASE, matchToolNameCase],
    [TOOL_NAME_PREFIX, matchToolNamePrefix],
    [TOOL_NAME_NEAR_MISS, matchToolNameNearMiss],
  ];
  for (const [rule, match] of steps) {
    const matched = match(name, offered);
    const resolution = matched === null ? null : found(index.byName.get(matched));
    if (resolution !== null) {
      recorder.fire(rule);
      return resolution;
    }
  }
  const parts = splitConcatenatedNames(name, offered);
  if (parts !== null) {
    const tools = parts.map((part) => index.byName.get(part)).filter((tool): tool is IndexedTool => tool !== undefined);
    if (tools.length === parts.length) {
      recorder.fire(SPLIT_CONCATENATED_NAMES);
      return { kind: "concatenated", tools };
    }
  }
  return { kind: "none" };
}
