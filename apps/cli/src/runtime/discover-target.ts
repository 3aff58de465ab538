import { type CanonicalModelId, DEFAULT_LIMITS, type DiscoveredModel, type FeedEvent, type GatewayRegistry, type Kernel, type ResolvedGateway } from "@bridle/core";
import { NoModelError } from "./select-target.js";

/** Discovery talks to a server on this machine or the user's network; it answers fast or not at all. */
const DISCOVERY_TIMEOUT_MS = 5_000;

interface DiscoverySettings {
  model?: unknown;
  gateway?: unknown;
}

/**
 * For a gateway that can list what it serves (a local server), asks it: with no model
 * configured, the one model it serves becomes the session's model; either way, the window the
 * server actually runs the model with is recorded for that gateway, so compaction never relies
 * on a window the server will silently cut. Returns the model to use (`undefined`: keep the
 * configured one) and the warnings discovery produced as feed events.
 * @throws NoModelError when no model is configured and the server serves none, several, or
 * cannot be reached.
 */
export async function discoverTarget(
  settings: DiscoverySettings,
  gateways: GatewayRegistry,
  kernel: Pick<Kernel, "models" | "resolveModel">,
  environment: NodeJS.ProcessEnv,
): Promise<{ model: string | undefined; feed: FeedEvent[] }> {
  const configured = typeof settings.model === "string" ? settings.model : undefined;
  const gatewayId = typeof settings.gateway === "string" ? settings.gateway : undefined;
  const gateway = gatewayId === undefined ? undefined : gateways.get(gatewayId);
  if (!gateway?.discover) return { model: undefined, feed: [] };
  const endpoint = gateways.endpoint(gateway.id, undefined, environment);
  if (!endpoint) return { model: undefined, feed: [] };

  let served: DiscoveredModel[];
  try {
    served = await gateway.discover(endpoint, keyedFetch(gateways.apiKey(gateway.id, environment)), AbortSignal.timeout(DISCOVERY_TIMEOUT_MS));
  } catch (error) {
    if (configured) return { model: undefined, feed: [discoveryFailed(gateway, endpoint.baseURL, error)] };
    throw new NoModelError(`cannot ask ${gateway.name} at ${endpoint.baseURL} which models it serves: ${messageOf(error)}; start it${gateway.baseURLEnv ? ` or set ${gateway.baseURLEnv}` : ""}, or pass --model`, "no-model");
  }

  const chosen = configured ? served.find((model) => matches(model, configured, gateway.id, kernel)) : pickOnly(served, gateway, endpoint.baseURL);
  const feed: FeedEvent[] = [];
  if (chosen) {
    const id = kernel.resolveModel(chosen.slug, gateway.id).id;
    pinServedModel(kernel, id, gateway.id, chosen);
    if (chosen.warning) feed.push({ type: "gateway.discovery", level: "warn", source: "gateways", message: chosen.warning, data: { gateway: gateway.id, model: chosen.slug } });
    if (chosen.contextWindow !== undefined) {
      feed.push({
        type: "gateway.discovery",
        level: "info",
        source: "gateways",
        message: `${gateway.name} runs ${chosen.slug} with a ${chosen.contextWindow.toLocaleString("en-US")}-token window${chosen.maxContextWindow ? ` (the model supports ${chosen.maxContextWindow.toLocaleString("en-US")})` : ""}; using that`,
        data: { gateway: gateway.id, model: chosen.slug, contextWindow: chosen.contextWindow, maxContextWindow: chosen.maxContextWindow },
      });
    }
  }
  return { model: configured ? undefined : chosen?.slug, feed };
}

/**
 * The one served model, or of several the one the server has loaded (its running window known,
 * nothing to warn about); none, or several with no single loaded one, is an error that lists
 * what there is.
 */
function pickOnly(served: DiscoveredModel[], gateway: ResolvedGateway, baseURL: string): DiscoveredModel {
  if (served.length === 1) return served[0]!;
  const loaded = served.filter((model) => model.contextWindow !== undefined && model.warning === undefined);
  if (served.length > 1 && loaded.length === 1) return loaded[0]!;
  if (served.length === 0) {
    throw new NoModelError(`${gateway.name} at ${baseURL} serves no models; pull or load one, or pass --model`, "no-model");
  }
  const names = served.map((model) => model.slug);
  throw new NoModelError(`${gateway.name} at ${baseURL} serves ${names.length} models (${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}); pick one with --model`, "no-model");
}

/** The served entry the configured model means: the same slug, or the same canonical model. */
function matches(model: DiscoveredModel, configured: string, gateway: string, kernel: Pick<Kernel, "resolveModel">): boolean {
  return model.slug === configured || kernel.resolveModel(model.slug, gateway).id === kernel.resolveModel(configured, gateway).id;
}

/**
 * Sends requests for this served model under the slug the server listed (a local name such as
 * `deepseek-r1:14b` or a model path need not survive the trip through the canonical id), and
 * records the window it runs with for this gateway (learned limits win over registry entries).
 * A model the registry does not describe gets an entry made of what the server said.
 */
function pinServedModel(kernel: Pick<Kernel, "models">, id: CanonicalModelId, gateway: string, served: DiscoveredModel): void {
  const known = kernel.models.get(id);
  const window = served.contextWindow ?? served.maxContextWindow;
  kernel.models.define(
    known
      ? { ...known, gateways: { [gateway]: { ...known.gateways?.[gateway], slug: served.slug } } }
      : {
          id,
          family: "unknown",
          contextWindow: window ?? DEFAULT_LIMITS.contextWindow,
          maxOutputTokens: DEFAULT_LIMITS.maxOutputTokens,
          toolCalls: true,
          reasoning: "optional",
          reasoningReplay: "drop",
          gateways: { [gateway]: { slug: served.slug } },
        },
  );
  if (window !== undefined) kernel.models.learn(id, gateway, window);
}

/** A fetch that sends the gateway's own key (servers started with `--api-key` want it) and nothing else. */
function keyedFetch(apiKey: string | undefined): typeof globalThis.fetch {
  if (!apiKey) return globalThis.fetch;
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${apiKey}`);
    // A redirect could lead the key off the server's host: follow none.
    return globalThis.fetch(input, { ...init, headers, redirect: "error" });
  };
}

function discoveryFailed(gateway: ResolvedGateway, baseURL: string, error: unknown): FeedEvent {
  return { type: "gateway.discovery", level: "warn", source: "gateways", message: `could not ask ${gateway.name} at ${baseURL} which models it serves (${messageOf(error)}); using the configured limits`, data: { gateway: gateway.id } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
