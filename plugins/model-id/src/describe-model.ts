import type { ModelInfo, ModelRegistry, ResolvedModel } from "@bridle/core";

/** What `bridle models resolve` shows about one model string. */
export interface ModelDescription {
  input: string;
  id: string;
  known: boolean;
  variant?: string;
  quantization?: string;
  servingTier?: string;
  /** The registry entry, when there is one. */
  info?: ModelInfo;
  /** The slug and limits on each configured gateway. */
  gateways: Array<{ gateway: string; slug: string; contextWindow: number; maxOutputTokens: number; source: string }>;
}

/**
 * Collects the identity of a resolved model, its registry facts and its slug and limits on each
 * gateway. The CLI resolves the string through the kernel first (`kernel.resolveModel`), so this
 * sees exactly what the agent would use.
 */
export function describeModel(model: ResolvedModel, registry: ModelRegistry, gateways: readonly string[]): ModelDescription {
  const description: ModelDescription = {
    input: model.input,
    id: model.id,
    known: registry.has(model.id),
    gateways: gateways.map((gateway) => ({ gateway, slug: registry.slugFor(model.id, gateway), ...registry.limits(model.id, gateway) })),
  };
  const info = registry.get(model.id);
  if (info !== undefined) description.info = info;
  if (model.variant !== undefined) description.variant = model.variant;
  if (model.quantization !== undefined) description.quantization = model.quantization;
  if (model.servingTier !== undefined) description.servingTier = model.servingTier;
  return description;
}

/** The human-readable form of a {@link ModelDescription}, as `bridle models resolve` prints it. */
export function formatModelDescription(description: ModelDescription): string {
  const snapshotOf = description.info?.snapshotOf;
  const note = !description.known ? " (unknown: conservative default limits)" : snapshotOf === undefined ? "" : ` (dated snapshot: limits of ${snapshotOf})`;
  const lines = [`${description.input} → ${description.id}${note}`];
  const serving = [
    description.variant && `variant ${description.variant}`,
    description.quantization && `quantization ${description.quantization}`,
    description.servingTier && `tier ${description.servingTier}`,
  ].filter(Boolean);
  if (serving.length > 0) lines.push(`  serving: ${serving.join(", ")}`);
  const info = description.info;
  if (info) {
    lines.push(
      `  family ${info.family}, window ${info.contextWindow.toLocaleString("en-US")}, max output ${info.maxOutputTokens.toLocaleString("en-US")}`,
      `  tools ${info.toolCalls ? "yes" : "no"}, reasoning ${info.reasoning}, replay ${info.reasoningReplay}${info.replayRejectsEmpty ? " (never empty)" : ""}`,
    );
  }
  for (const gateway of description.gateways) {
    lines.push(`  ${gateway.gateway}: ${gateway.slug}  window ${gateway.contextWindow.toLocaleString("en-US")} (${gateway.source})`);
  }
  return lines.join("\n");
}
