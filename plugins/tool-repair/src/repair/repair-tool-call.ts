import { canonicalJson } from "./canonical-json.js";
import { containsGrammarDebris, hasKeyDebris } from "./contains-grammar-debris.js";
import { findEmptyTarget } from "./empty-target-fields.js";
import { formatRepairHint } from "./format-repair-hint.js";
import { parseArguments } from "./parse-arguments.js";
import type { RepairProblem } from "./repair-problem.js";
import { RepairRecorder } from "./repair-recorder.js";
import { repairValue } from "./repair-value.js";
import { resolveToolName, type NameResolution } from "./resolve-tool-name.js";
import { ARGUMENTS_FROM_CONTENT, findCallsInContent } from "./rules/arguments-from-content.js";
import { FILL_COSMETIC_FIELD, fillCosmeticFields } from "./rules/fill-cosmetic-field.js";
import { UNWRAP_ARGUMENTS_WRAPPER, isWrapperShaped, unwrapArgumentsWrapper } from "./rules/unwrap-arguments-wrapper.js";
import { UNWRAP_SPREAD_ENVELOPE, mayBeSpreadEnvelope, readSpreadEnvelope } from "./rules/unwrap-spread-envelope.js";
import { isPlainObject } from "./schema/schema-node.js";
import { describeValue } from "./schema/validation-issue.js";
import { indexTools, type IndexedTool, type ToolIndex } from "./tool-index.js";
import type { RawToolCall, RepairedCall, RepairOptions, RepairResult, ToolSpec } from "./types.js";

/** Rule name recorded when identical calls produced by a split are merged into one. */
export const DEDUPE_REPEATED_CALL = "dedupe-repeated-call";

const DEFAULT_COSMETIC_FIELDS: readonly string[] = ["description", "explanation"];

/**
 * Turns a tool call as a gateway delivered it into runnable calls. The fast path is one map
 * lookup, one `JSON.parse` and one validation against the tool's compiled schema: a call that
 * passes (and carries no wrapper, envelope, leaked markup or empty target) comes back `valid`
 * with the parsed arguments untouched. Only otherwise do the repair rules run; every rule that
 * fired is listed in `repairs`. A call that stays invalid comes back `unrecoverable` with a
 * one-paragraph `hint` for the model. One raw call may yield several calls. Pure: the same input
 * gives the same output, and nothing is mutated.
 *
 * @throws TypeError when `call` or `tools` is malformed; InvalidToolSchemaError when a tool's
 *   parameters are not a usable JSON Schema.
 */
export function repairToolCall(call: RawToolCall, tools: readonly ToolSpec[], options: RepairOptions = {}): RepairResult {
  const index = indexTools(tools);
  if (typeof call !== "object" || call === null) throw new TypeError("repairToolCall: `call` must be an object { name, arguments, content? }");
  const tool = typeof call.name === "string" ? index.byName.get(call.name) : undefined;
  if (tool !== undefined && tool.plausibleName) {
    const args = readArgumentsFast(call.arguments);
    if (args !== undefined && tool.schema.check(args) && !needsInspection(args, tool)) {
      return { status: "valid", calls: [{ name: tool.name, arguments: args }], repairs: [] };
    }
  }
  return repairSlowly(call, tools, index, options.cosmeticFields ?? DEFAULT_COSMETIC_FIELDS);
}

function readArgumentsFast(raw: unknown): Record<string, unknown> | undefined {
  if (raw === null || raw === undefined || raw === "") return {};
  if (typeof raw !== "string") return isPlainObject(raw) ? raw : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return isPlainObject(parsed) ? parsed : undefined;
}

/** Valid calls that still deserve a look: wrappers and envelopes a permissive schema lets through, markup, empty targets. */
function needsInspection(args: Record<string, unknown>, tool: IndexedTool): boolean {
  const shape = tool.shape;
  if (shape.declaresProperties && (isWrapperShaped(args, shape) || mayBeSpreadEnvelope(args, shape.properties) || hasKeyDebris(args, shape.properties))) return true;
  if (tool.emptyTargetKeys.length > 0 && findEmptyTarget(args, tool.emptyTargetKeys) !== null) return true;
  return containsGrammarDebris(args);
}

interface PendingCall {
  tool: IndexedTool | null;
  /** The name as written, for hints when no tool matched. */
  nameText: string | null;
  arguments: Record<string, unknown>;
}

type Outcome = { ok: true; calls: RepairedCall[] } | { ok: false; problem: RepairProblem; tool: IndexedTool | null; nameText: string | null };

function repairSlowly(call: RawToolCall, tools: readonly ToolSpec[], index: ToolIndex, cosmeticFields: readonly string[]): RepairResult {
  const recorder = new RepairRecorder();
  const outcome = planAndRepair(call, tools, index, cosmeticFields, recorder);
  if (outcome.ok) {
    return { status: recorder.rules.length > 0 ? "repaired" : "valid", calls: outcome.calls, repairs: recorder.rules };
  }
  const hint = formatRepairHint(outcome.problem, {
    toolName: outcome.tool?.name ?? outcome.nameText,
    schema: outcome.tool?.schema ?? null,
    available: index.names.filter((name) => index.byName.get(name)?.plausibleName === true),
  });
  return { status: "unrecoverable", calls: [], repairs: recorder.rules, hint };
}

function planAndRepair(call: RawToolCall, tools: readonly ToolSpec[], index: ToolIndex, cosmeticFields: readonly string[], recorder: RepairRecorder): Outcome {
  const collected = collectCalls(call, tools, index, recorder);
  if (!collected.ok) return collected;
  const expanded = expandEnvelopes(collected.pending, index, recorder);
  if (!expanded.ok) return expanded;
  const pending = expanded.pending;

  const calls: RepairedCall[] = [];
  for (const item of pending) {
    if (item.tool === null) {
      const problem: RepairProblem = item.nameText === null ? { kind: "missing-name" } : { kind: "unknown-tool", name: item.nameText };
      return { ok: false, problem, tool: null, nameText: item.nameText };
    }
    if (collected.fromSplit && pending.length > 1 && !item.tool.shape.declaresProperties) {
      // Without declared properties nothing confirms each part is a whole call.
      const distinct = new Set(pending.map((entry) => canonicalJson(entry.arguments))).size;
      if (distinct > 1) return { ok: false, problem: { kind: "unverifiable-split", count: pending.length }, tool: item.tool, nameText: item.nameText };
    }
    const repaired = repairArguments(item.arguments, item.tool, cosmeticFields, recorder);
    if (!repaired.ok) return { ok: false, problem: repaired.problem, tool: item.tool, nameText: item.nameText };
    calls.push({ name: item.tool.name, arguments: repaired.value });
  }
  return { ok: true, calls: dedupe(calls, recorder) };
}

/**
 * Pairs argument objects with tools: from the arguments field, or from the assistant text when
 * the field is empty or unreadable. `fromSplit` marks objects cut from one payload, which a
 * schema must be able to confirm as separate calls.
 */
function collectCalls(
  call: RawToolCall,
  tools: readonly ToolSpec[],
  index: ToolIndex,
  recorder: RepairRecorder,
): { ok: true; pending: PendingCall[]; fromSplit: boolean } | Extract<Outcome, { ok: false }> {
  const rawName = typeof call.name === "string" && call.name.trim() !== "" ? call.name : null;
  const resolution = resolveToolName(rawName, index, recorder);
  const resolvedTool = resolution.kind === "tool" ? resolution.tool : null;
  const parsed = parseArguments(call.arguments, resolvedTool?.knownKeys() ?? null, recorder);

  const contentCalls = readContentFallback(call, tools, parsed.ok ? parsed.objects : null, resolution);
  if (contentCalls !== null) {
    recorder.fire(ARGUMENTS_FROM_CONTENT);
    const pending: PendingCall[] = [];
    for (const found of contentCalls) {
      const named = found.name === null ? resolution : resolveToolName(found.name, index, recorder);
      const tool = named.kind === "tool" ? named.tool : null;
      const read = parseArguments(found.arguments, tool?.knownKeys() ?? null, recorder);
      if (!read.ok) return { ok: false, problem: read.problem, tool, nameText: found.name ?? rawName };
      for (const object of read.objects) pending.push({ tool, nameText: found.name ?? rawName, arguments: object });
    }
    return { ok: true, pending, fromSplit: pending.length > 1 };
  }
  if (!parsed.ok) return { ok: false, problem: parsed.problem, tool: resolvedTool, nameText: rawName };
  if (resolution.kind === "concatenated") {
    if (resolution.tools.length !== parsed.objects.length) {
      return { ok: false, problem: { kind: "mismatched-split", names: resolution.tools.length, objects: parsed.objects.length }, tool: null, nameText: rawName };
    }
    // Each glued name says which tool its object is for: nothing left to confirm.
    const pending = resolution.tools.map((tool, position) => ({ tool, nameText: tool.name, arguments: parsed.objects[position] ?? {} }));
    return { ok: true, pending, fromSplit: false };
  }
  const recovered = resolution.kind === "tool" ? resolution.recoveredArguments : {};
  const hasRecovered = Object.keys(recovered).length > 0;
  const pending = parsed.objects.map((object) => ({ tool: resolvedTool, nameText: rawName, arguments: hasRecovered ? { ...recovered, ...object } : object }));
  return { ok: true, pending, fromSplit: parsed.split };
}

/** Calls written into the assistant text, used when the arguments field is empty or unreadable. */
function readContentFallback(
  call: RawToolCall,
  tools: readonly ToolSpec[],
  objects: ReadonlyArray<Record<string, unknown>> | null,
  resolution: NameResolution,
): ReturnType<typeof findCallsInContent> | null {
  if (typeof call.content !== "string" || call.content.trim() === "") return null;
  const empty = objects !== null && objects.length === 1 && Object.keys(objects[0] ?? {}).length === 0;
  if (objects !== null && !empty) return null;
  if (empty && resolution.kind === "tool" && resolution.tool.schema.check({})) return null;
  const found = findCallsInContent(call.content, tools);
  return found.length > 0 ? found : null;
}

function expandEnvelopes(pending: PendingCall[], index: ToolIndex, recorder: RepairRecorder): { ok: true; pending: PendingCall[] } | Extract<Outcome, { ok: false }> {
  const result: PendingCall[] = [];
  for (const item of pending) {
    const envelopes = readSpreadEnvelope(item.arguments);
    const declaresEnvelopeKeys = item.tool !== null && Object.keys(item.arguments).some((key) => item.tool?.shape.properties.has(key));
    if (envelopes === null || declaresEnvelopeKeys) {
      result.push(item);
      continue;
    }
    const attempt = new RepairRecorder();
    const unpacked: PendingCall[] = [];
    for (const envelope of envelopes) {
      const named = resolveToolName(envelope.name, index, attempt);
      if (named.kind !== "tool") {
        unpacked.length = 0;
        break;
      }
      const inner = parseArguments(envelope.arguments, named.tool.knownKeys(), attempt);
      if (!inner.ok) return { ok: false, problem: inner.problem, tool: named.tool, nameText: envelope.name };
      for (const object of inner.objects) unpacked.push({ tool: named.tool, nameText: envelope.name, arguments: object });
    }
    if (unpacked.length === 0) {
      result.push(item);
      continue;
    }
    recorder.fire(UNWRAP_SPREAD_ENVELOPE);
    recorder.merge(attempt);
    result.push(...unpacked);
  }
  return { ok: true, pending: result };
}

function repairArguments(
  args: Record<string, unknown>,
  tool: IndexedTool,
  cosmeticFields: readonly string[],
  recorder: RepairRecorder,
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: RepairProblem } {
  let current = args;
  for (let level = 0; level < 3; level++) {
    const inner = unwrapArgumentsWrapper(current, tool.shape);
    if (inner === null) break;
    recorder.fire(UNWRAP_ARGUMENTS_WRAPPER);
    current = inner;
  }
  const problemsBefore = recorder.problems.length;
  let repaired: unknown;
  if (tool.schema.check(current)) {
    repaired = repairValue(current, tool.schema, recorder, "debris");
    if (!tool.schema.check(repaired)) repaired = repairValue(repaired, tool.schema, recorder, "full");
  } else {
    repaired = repairValue(current, tool.schema, recorder, "full");
  }
  const markup = recorder.problems.slice(problemsBefore).find((problem) => problem.kind === "grammar-markup");
  if (markup !== undefined) return { ok: false, problem: markup };
  if (!isPlainObject(repaired)) return { ok: false, problem: { kind: "not-object", got: describeValue(repaired) } };
  let value = repaired;
  let issues = tool.schema.collectIssues(value);
  if (issues.length > 0) {
    const filled = fillCosmeticFields(value, tool.shape, cosmeticFields);
    if (filled !== null && tool.schema.check(filled)) {
      recorder.fire(FILL_COSMETIC_FIELD);
      value = filled;
      issues = [];
    }
  }
  if (issues.length > 0) return { ok: false, problem: { kind: "invalid-arguments", issues } };
  const empty = findEmptyTarget(value, tool.emptyTargetKeys);
  if (empty !== null) return { ok: false, problem: { kind: "empty-value", key: empty } };
  return { ok: true, value };
}

function dedupe(calls: RepairedCall[], recorder: RepairRecorder): RepairedCall[] {
  if (calls.length < 2) return calls;
  const seen = new Set<string>();
  const unique: RepairedCall[] = [];
  for (const call of calls) {
    const key = `${call.name}\u0000${canonicalJson(call.arguments)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(call);
  }
  if (unique.length < calls.length) recorder.fire(DEDUPE_REPEATED_CALL);
  return unique;
}
