import type { Agent, CanonicalModelId, GatewayRegistry, Kernel } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { fetchModelList } from "../catalog/fetch-model-list.js";
import { PROBE_TIMEOUT_MS } from "../runtime/probe-gateways.js";
import { gatewaysSpelling, servesModel } from "../runtime/served-by.js";
import { keyProblem } from "../runtime/key-problem.js";
import type { NewTranscriptEntry } from "./screen-state.js";

/** A pair the agent was on, to go back to when the first request on the new one fails. */
export interface ModelTarget {
  model: string;
  gateway: string;
}

/** What a switch did: the lines to print and, when it switched, the pair to check on the next request. */
export interface SwitchOutcome {
  entries: NewTranscriptEntry[];
  /** Set when the agent switched: where it was before, and whether the gateway is recorded serving the model. */
  switched?: { from: ModelTarget; verified: boolean };
}

/**
 * Switches the agent to `model` on `gateway` after checking that the gateway exists and has its
 * key, and says what changed: the new pair and its window. Without a gateway, a slug that is one
 * gateway's own spelling (`accounts/fireworks/models/…`) selects that gateway; otherwise the
 * current one stays. A pair the registry does not record being served is switched to with a
 * warning: the first request checks it (see {@link isModelNotServed}).
 */
export async function switchModel(
  agent: Agent,
  kernel: Pick<Kernel, "models" | "resolveModel">,
  gateways: GatewayRegistry,
  environment: NodeJS.ProcessEnv,
  model: string,
  requestedGateway?: string,
): Promise<SwitchOutcome> {
  const entries: NewTranscriptEntry[] = [];
  let gateway = requestedGateway ?? agent.gateway;
  if (requestedGateway === undefined) {
    const id = kernel.resolveModel(model, agent.gateway).id;
    const spelled = gatewaysSpelling(kernel.models, id, model, gateways.list().map((entry) => entry.id));
    if (spelled.length > 0 && !spelled.includes(agent.gateway)) {
      const usable = new Set(gateways.usable(environment).map((entry) => entry.id));
      const candidates = spelled.filter((entry) => usable.has(entry));
      if (candidates.length > 1) {
        return { entries: [{ kind: "note", tone: "warn", text: `${model} is how ${candidates.join(" and ")} spell it: say which, e.g. /model ${model} ${candidates[0]}` }] };
      }
      gateway = candidates[0] ?? spelled[0]!;
      entries.push({ kind: "note", tone: "info", text: `${model} is how ${gateway} spells it: switching gateway to ${gateway}` });
    }
  }
  const definition = gateways.get(gateway);
  if (!definition) {
    const usable = gateways.usable(environment).map((entry) => entry.id);
    return { entries: [{ kind: "note", tone: "error", text: `unknown gateway "${gateway}"; usable now: ${usable.join(", ") || "none"} (see /gateways)` }] };
  }
  const problem = keyProblem(gateways, gateway, environment);
  if (problem) return { entries: [...entries, { kind: "note", tone: "error", text: `${problem} (see /gateways)` }] };
  const from = { model: agent.model.id, gateway: agent.gateway };
  try {
    await agent.switchModel(model, gateway);
  } catch (error) {
    return { entries: [...entries, { kind: "note", tone: "error", text: `could not switch to ${model} @ ${gateway}: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const limits = kernel.models.limits(agent.model.id as CanonicalModelId, agent.gateway);
  entries.push({
    kind: "note",
    tone: "info",
    text: `model: ${agent.model.id} @ ${agent.gateway} (was ${from.model} @ ${from.gateway}) · window ${formatTokens(limits.contextWindow)}, max output ${formatTokens(limits.maxOutputTokens)}`,
  });
  if (limits.source === "default") {
    entries.push({ kind: "note", tone: "warn", text: `the model registry does not know ${agent.model.id}: assuming a ${formatTokens(limits.contextWindow)} window until the gateway says otherwise` });
  }
  // The gateway's own list is the best evidence; the registry's record stands in when it cannot be read.
  const slug = kernel.models.slugFor(agent.model.id, agent.gateway).toLowerCase();
  const listed = await fetchModelList(definition, gateways.apiKey(gateway, environment), PROBE_TIMEOUT_MS).catch(() => undefined);
  const verified = listed ? listed.some((entry) => entry.slug.toLowerCase() === slug) : servesModel(kernel.models, agent.model.id, agent.gateway);
  if (!verified) {
    const why = listed ? `${agent.gateway}'s model list does not include ${slug}` : `${agent.gateway} is not recorded serving ${agent.model.id}`;
    entries.push({ kind: "note", tone: "warn", text: `unverified: ${why}; the next request checks it, and if the gateway does not serve it you go back to ${from.model} @ ${from.gateway}` });
  }
  return { entries, switched: { from, verified } };
}

/** Whether a turn's error says the gateway does not serve the model (404, or `model_not_found`-like wording). */
export function isModelNotServed(error: { status?: number; message: string }): boolean {
  return error.status === 404 || /model[_ ]not[_ ]found|model .*does not exist|unknown model|no such model/i.test(error.message);
}
