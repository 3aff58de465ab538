import { z } from "zod";
import { builtinProfileNames, builtinProfiles } from "./builtin-profiles.js";
import type { GatewayErrorResponse, GatewayProfile, SimModel } from "./gateway-profile.js";
import { assistantToolTurnWithoutReasoning } from "./profiles/reasoning-replay.js";

const modelSchema = z.object({
  slug: z.string().min(1),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive().optional(),
  reasoning: z.boolean().optional(),
  family: z.enum(["kimi", "qwen", "glm", "deepseek", "gpt-oss", "minimax", "llama", "other"]).optional(),
  trainedContextWindow: z.number().int().positive().optional(),
  loaded: z.boolean().optional(),
});

/**
 * Per-test changes to a built-in profile. `profile` names the built-in; `name` hosts it under
 * another name (two copies of one gateway, for example); the rest replaces the profile's values.
 */
export const profileOverridesSchema = z
  .object({
    profile: z.string().min(1),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lowercase letters, digits, '.', '_' or '-'")
      .optional(),
    apiKey: z.string().min(1).nullable().optional(),
    nodes: z.number().int().min(1).max(1024).optional(),
    nodeNames: z.array(z.string().min(1)).optional(),
    cacheCapacityTokens: z.number().int().min(0).optional(),
    cacheBlockTokens: z.number().int().min(1).optional(),
    minCachedTokens: z.number().int().min(0).optional(),
    reportsCachedTokens: z.boolean().optional(),
    affinity: z.array(z.object({ in: z.enum(["body", "header"]), name: z.string().min(1) })).optional(),
    models: z.array(modelSchema).optional(),
    replaceModels: z.boolean().optional(),
    contextWindows: z.record(z.string(), z.number().int().positive()).optional(),
    latency: z.object({ firstByteMs: z.number().min(0).optional(), chunkMs: z.number().min(0).optional() }).optional(),
    reasoning: z.enum(["reasoning_content", "reasoning", "reasoning_text", "both", "think-tags"]).optional(),
    toolArguments: z.enum(["whole", "deltas"]).optional(),
    overflowMode: z.enum(["error", "truncate", "silent"]).optional(),
    usageWithoutIncludeUsage: z.boolean().optional(),
    maxTokensParam: z.enum(["max_tokens", "max_completion_tokens", "either"]).optional(),
    rejectFields: z
      .array(z.object({ field: z.string().min(1), status: z.number().int().min(400).max(599).default(400), message: z.string().min(1) }).strict())
      .optional(),
    requireReasoningReplay: z.object({ message: z.string().min(1) }).strict().optional(),
    toolCallIdMaxLength: z.number().int().min(1).nullable().optional(),
    strictToolCalls: z.boolean().optional(),
  })
  .strict();

/** Per-test changes to a built-in profile (see {@link profileOverridesSchema}). */
export type ProfileOverrides = z.input<typeof profileOverridesSchema>;

/** A profile named by its built-in name, or a built-in with overrides. */
export type ProfileSpec = string | ProfileOverrides;

/**
 * Turns a profile spec into a complete profile. Throws an Error naming the spec and the field
 * when the spec is invalid or names no built-in profile.
 */
export function resolveGatewayProfile(spec: ProfileSpec, where = "profiles"): GatewayProfile {
  const overrides = typeof spec === "string" ? { profile: spec } : spec;
  const parsed = profileOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined ? "" : issue.path.join(".");
    throw new Error(`${where}: invalid profile options${path === "" ? "" : ` at "${path}"`}: ${issue?.message ?? "invalid"}`);
  }
  const options = parsed.data;
  const base = builtinProfiles[options.profile];
  if (base === undefined) {
    throw new Error(`${where}: unknown gateway profile "${options.profile}"; known profiles: ${builtinProfileNames.join(", ")}`);
  }
  const name = options.name ?? base.name;
  const nodes = options.nodes ?? base.nodes;
  const nodeNames = options.nodeNames ?? (nodes === base.nodes ? base.nodeNames : Array.from({ length: nodes }, (_, index) => base.nodeNames[index] ?? `${name}-node-${index}`));
  if (nodeNames.length !== nodes) throw new Error(`${where}: profile "${name}" has ${nodes} nodes but ${nodeNames.length} nodeNames`);
  const models = mergeModels(options.replaceModels === true ? [] : base.models, options.models ?? []);
  const windows = options.contextWindows ?? {};
  for (const slug of Object.keys(windows)) {
    if (!models.some((model) => model.slug === slug)) throw new Error(`${where}: profile "${name}" has no model "${slug}" to set a context window for`);
  }
  if (models.length === 0) throw new Error(`${where}: profile "${name}" serves no models`);
  return {
    ...base,
    name,
    apiKey: options.apiKey === undefined ? (options.name === undefined ? base.apiKey : base.apiKey === null ? null : `sim-${name}-key`) : options.apiKey,
    nodes,
    nodeNames,
    cacheCapacityTokens: options.cacheCapacityTokens ?? base.cacheCapacityTokens,
    cacheBlockTokens: options.cacheBlockTokens ?? base.cacheBlockTokens,
    minCachedTokens: options.minCachedTokens ?? base.minCachedTokens,
    reportsCachedTokens: options.reportsCachedTokens ?? base.reportsCachedTokens,
    affinity: options.affinity ?? base.affinity,
    models: models.map((model) => (windows[model.slug] === undefined ? model : { ...model, contextWindow: windows[model.slug] as number })),
    latency: { firstByteMs: options.latency?.firstByteMs ?? base.latency.firstByteMs, chunkMs: options.latency?.chunkMs ?? base.latency.chunkMs },
    reasoning: options.reasoning ?? base.reasoning,
    toolArguments: options.toolArguments ?? base.toolArguments,
    overflowMode: options.overflowMode ?? base.overflowMode,
    usageWithoutIncludeUsage: options.usageWithoutIncludeUsage ?? base.usageWithoutIncludeUsage,
    maxTokensParam: options.maxTokensParam ?? base.maxTokensParam,
    rejectRequest: scriptedRejections(base, options.rejectFields ?? [], options.requireReasoningReplay),
    toolCallIdMaxLength: options.toolCallIdMaxLength === undefined ? base.toolCallIdMaxLength : (options.toolCallIdMaxLength ?? undefined),
    strictToolCalls: options.strictToolCalls ?? base.strictToolCalls,
  };
}

/**
 * The profile's own refusals behind scripted ones: a top-level field the gateway rejects
 * (answered in the profile's bad-request shape with the scripted status and message), and
 * assistant tool-call turns sent back without `reasoning_content`.
 */
function scriptedRejections(
  base: GatewayProfile,
  fields: ReadonlyArray<{ field: string; status: number; message: string }>,
  replay: { message: string } | undefined,
): GatewayProfile["rejectRequest"] {
  if (fields.length === 0 && replay === undefined) return base.rejectRequest;
  return (body, model): GatewayErrorResponse | undefined => {
    for (const rule of fields) {
      if (body[rule.field] !== undefined) return { ...base.errors.badRequest(rule.message, rule.field), status: rule.status };
    }
    if (replay !== undefined && assistantToolTurnWithoutReasoning(body.messages) >= 0) return base.errors.badRequest(replay.message);
    return base.rejectRequest(body, model);
  };
}

function mergeModels(base: readonly SimModel[], extra: readonly SimModel[]): SimModel[] {
  const merged = new Map<string, SimModel>();
  for (const model of base) merged.set(model.slug, model);
  for (const model of extra) merged.set(model.slug, model);
  return [...merged.values()];
}
