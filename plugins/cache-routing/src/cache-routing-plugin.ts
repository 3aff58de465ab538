import { definePlugin, Stage, type ChatRequest, type ResolvedGateway, type TurnContext } from "@bridle/core";
import { affinityValue } from "./affinity-value.js";
import { cacheTurn, isCacheDrop } from "./cache-turn.js";
import { cacheRoutingOptionsSchema } from "./cache-routing-options.js";
import { chooseHome } from "./choose-home.js";
import { EndpointAvailability } from "./endpoint-availability.js";
import { EndpointLoad } from "./endpoint-load.js";
import { prefixChanges, prefixFingerprint, stableTools } from "./prefix-fingerprint.js";
import { sessionRouting } from "./session-routing.js";

const NAME = "cache-routing";

/** The gateway's endpoints, its own base URL first (its id is the gateway's). */
function endpointsOf(gateway: ResolvedGateway) {
  return [{ id: gateway.id, baseURL: gateway.baseURL }, ...(gateway.endpoints ?? [])];
}

/**
 * Keeps each session's requests on the cache that holds its prefix: the session's affinity key
 * where the gateway honours one, one home endpoint among several, a stable prefix, and a warning
 * when the cache share drops.
 */
export const cacheRoutingPlugin = definePlugin({
  name: NAME,
  description: "Cache-aware routing: affinity keys, sticky endpoints with bounded load, prefix discipline.",
  options: cacheRoutingOptionsSchema,
  apply(kernel, options) {
    const availability = new EndpointAvailability();
    const load = new EndpointLoad({ releaseAfterMs: options.releaseAfterIdleMs });

    const route = (request: ChatRequest, context: TurnContext): ChatRequest => {
      const gateway = kernel.gateways.get(request.gateway);
      if (!gateway) return request;
      const routing = sessionRouting(context.state);
      const key = affinityValue(context.sessionId, gateway.id, options.secret);
      let next: ChatRequest = request;
      if (options.stableTools) next = { ...next, tools: stableTools(next.tools) };
      if (options.affinity && gateway.affinity && next.affinityKey === undefined) next = { ...next, affinityKey: key };
      const endpoints = endpointsOf(gateway);
      if (endpoints.length > 1) {
        const now = Date.now();
        const home = routing.homes.get(gateway.id);
        const others = load.others(gateway.id, context.sessionId, now);
        const choice = chooseHome({ key, endpoints: endpoints.map((endpoint) => endpoint.id), home, load: others, unavailable: availability.unavailable(gateway.id), epsilon: options.loadSlack });
        load.seen(gateway.id, context.sessionId, choice.endpoint, now);
        if (choice.endpoint !== home) {
          routing.homes.set(gateway.id, choice.endpoint);
          if (choice.reason === "re-homed") {
            context.emit({
              type: "cache.rehomed",
              level: "warn",
              message: `${gateway.name}: endpoint ${home} is unavailable; this session now lives on ${choice.endpoint} (its cache starts cold there)`,
              data: { gateway: gateway.id, from: home, to: choice.endpoint },
            });
          }
        }
        const endpoint = endpoints.find((candidate) => candidate.id === choice.endpoint);
        // The gateway's own endpoint is the transport's default: leave it unnamed so its base URL
        // (which may come from an environment variable) is resolved in one place.
        if (endpoint && endpoint.id !== gateway.id) next = { ...next, endpoint };
      }
      if ((next.purpose ?? "turn") === "turn") {
        const fingerprint = prefixFingerprint(next.messages, next.tools);
        const changed = prefixChanges(routing.prefix, fingerprint);
        routing.prefix = fingerprint;
        if (changed.length > 0 && options.warnOnPrefixChange) {
          const what = changed.map((part) => (part === "system" ? "system prompt" : "tool list")).join(" and ");
          context.emit({
            type: "cache.prefix-changed",
            level: "warn",
            message: `the ${what} changed mid-session: this request re-reads the whole history uncached`,
            data: { changed, turn: context.turn },
          });
        }
      }
      return next;
    };

    kernel.hooks.beforeRequest.tapPromise({ name: NAME, stage: Stage.ROUTE }, async (request, context) => route(request, context));

    kernel.hooks.afterResponse.tapPromise({ name: NAME, stage: Stage.OBSERVE }, async (response, context) => {
      const routing = sessionRouting(context.state);
      const current = cacheTurn(context.turn, response.usage);
      const previous = routing.lastTurn;
      routing.turns.push(current);
      routing.lastTurn = current;
      if (isCacheDrop(previous, current)) {
        // Re-pin: forget the home so the next request places the session afresh (by its key, on
        // an available endpoint); the affinity key itself never changes.
        routing.homes.delete(response.gateway);
        context.emit({
          type: "cache.dropped",
          level: "warn",
          message: `cached share fell from ${percent(previous?.ratio)} to ${percent(current.ratio)} on an unchanged prefix: the request reached a cold cache; re-pinned the session`,
          data: { turn: current.turn, previous: previous?.ratio, ratio: current.ratio, gateway: response.gateway },
        });
      }
      return response;
    });

    kernel.hooks.onEvent.tap({ name: NAME, stage: Stage.OBSERVE }, (event) => {
      availability.observe(event);
    });
  },
});

const percent = (ratio: number | undefined) => (ratio === undefined ? "unknown" : `${Math.round(ratio * 100)}%`);
