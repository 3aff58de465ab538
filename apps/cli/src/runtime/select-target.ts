import { didYouMean, type FeedEvent, type GatewayRegistry } from "@bridle/core";
import { gatewayOrder } from "./gateway-order.js";
import { keyProblem } from "./key-problem.js";

/** Why no model can be used, in words the user can act on. */
export class NoModelError extends Error {
  constructor(
    message: string,
    readonly reason: "no-key" | "key-refused" | "no-model" | "unknown-gateway",
  ) {
    super(message);
    this.name = "NoModelError";
  }
}

/**
 * Picks the gateway and model for a run: flags and config first (with an ordered gateway list,
 * the first one whose key is set; the others passed over are said in `feed`); without a gateway,
 * the first configured gateway that has a key. Throws {@link NoModelError} with what to set.
 */
export function selectTarget(
  settings: { model?: unknown; gateway?: unknown },
  gateways: GatewayRegistry,
  environment: NodeJS.ProcessEnv,
): { model: string; gateway: string; feed: FeedEvent[] } {
  const order = gatewayOrder(settings.gateway);
  const unknown = order.find((id) => !gateways.get(id));
  if (unknown) {
    const hint = didYouMean(unknown, gateways.list().map((gateway) => gateway.id));
    throw new NoModelError(
      `unknown gateway "${unknown}"${hint ? ` (${hint})` : ""}; known: ${gateways.list().map((gateway) => gateway.id).join(", ")} (add others under "gateways" in bridle.config.json)`,
      "unknown-gateway",
    );
  }
  const feed: FeedEvent[] = [];
  const keyed = (id: string) => gateways.get(id)!.local || gateways.apiKey(id, environment) !== undefined;
  let requested: string | undefined = order[0];
  if (order.length > 1) {
    requested = order.find(keyed) ?? order[0];
    for (const id of order.slice(0, order.indexOf(requested!))) {
      const variable = gateways.get(id)!.apiKeyEnv ?? `gateways.${id}.apiKeyEnv`;
      feed.push({ type: "fallback.skipped", level: "warn", message: `skipped ${id}: ${variable} is not set`, data: { gateway: id, reason: `${variable} is not set` } });
    }
  }
  const usable = gateways.usable(environment).filter((gateway) => !gateway.local || gateway.id === requested);
  const gateway = requested ?? usable[0]?.id;
  if (!gateway) {
    const names = gateways
      .list()
      .filter((entry) => entry.apiKeyEnv && !entry.local)
      .map((entry) => entry.apiKeyEnv)
      .slice(0, 6)
      .join(", ");
    throw new NoModelError(`no API key is set for any gateway (for example ${names}); run \`bridle demo\` to see Bridle work offline`, "no-key");
  }
  const problem = keyProblem(gateways, gateway, environment);
  if (problem) {
    const message = order.length > 1 ? `none of ${order.join(", ")} can be used: ${order.map((id) => keyProblem(gateways, id, environment)).join("; ")}` : problem;
    throw new NoModelError(message, gateways.keyDecision(gateway, environment).kind === "refused" ? "key-refused" : "no-key");
  }
  const model = typeof settings.model === "string" ? settings.model : undefined;
  if (!model) {
    throw new NoModelError('no model configured: pass --model <model> or set "model" in bridle.config.json', "no-model");
  }
  return { model, gateway, feed };
}
