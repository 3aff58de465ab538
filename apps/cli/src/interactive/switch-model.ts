import type { Agent, CanonicalModelId, GatewayRegistry, Kernel } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { keyProblem } from "../runtime/key-problem.js";
import type { NewTranscriptEntry } from "./screen-state.js";

/**
 * Switches the agent to `model` on `gateway` (the current gateway when omitted) after checking
 * that the gateway exists and has its key, and says what changed: the new pair and its window.
 * Returns the lines to print; a refusal is one error line naming what to fix.
 */
export async function switchModel(
  agent: Agent,
  kernel: Pick<Kernel, "models">,
  gateways: GatewayRegistry,
  environment: NodeJS.ProcessEnv,
  model: string,
  gateway: string = agent.gateway,
): Promise<NewTranscriptEntry[]> {
  const definition = gateways.get(gateway);
  if (!definition) {
    const usable = gateways.usable(environment).map((entry) => entry.id);
    return [{ kind: "note", tone: "error", text: `unknown gateway "${gateway}"; usable now: ${usable.join(", ") || "none"} (see /gateways)` }];
  }
  const problem = keyProblem(gateways, gateway, environment);
  if (problem) return [{ kind: "note", tone: "error", text: `${problem} (see /gateways)` }];
  const before = `${agent.model.id} @ ${agent.gateway}`;
  try {
    await agent.switchModel(model, gateway);
  } catch (error) {
    return [{ kind: "note", tone: "error", text: `could not switch to ${model} @ ${gateway}: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const limits = kernel.models.limits(agent.model.id as CanonicalModelId, agent.gateway);
  const entries: NewTranscriptEntry[] = [
    { kind: "note", tone: "info", text: `model: ${agent.model.id} @ ${agent.gateway} (was ${before}) · window ${formatTokens(limits.contextWindow)}, max output ${formatTokens(limits.maxOutputTokens)}` },
  ];
  if (limits.source === "default") {
    entries.push({ kind: "note", tone: "warn", text: `the model registry does not know ${agent.model.id}: assuming a ${formatTokens(limits.contextWindow)} window until the gateway says otherwise` });
  }
  return entries;
}
