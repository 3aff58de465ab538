import { type ChatRequest, definePlugin, type HarnessError, type PluginKernel, Stage, type TurnContext } from "@bridle/core";
import { breakerFile, defaultBreakerFile } from "./breaker-file.js";
import { type BreakerChange, CircuitBreakers } from "./circuit-breakers.js";
import { moreOutputRoom } from "./cut-answer.js";
import { decideRecovery } from "./decide-recovery.js";
import { BreakerOpenError, CutAnswerError } from "./fallback-errors.js";
import { type FallbackOptions, fallbackOptionsSchema } from "./fallback-options.js";
import { answerState, fallbackState } from "./fallback-state.js";
import { nextTarget, targetKey } from "./next-target.js";

const NAME = "fallback";

/** What tests may replace: the clock and the jitter draw. */
export interface FallbackPluginSeams {
  now?: () => number;
  random?: () => number;
  environment?: NodeJS.ProcessEnv;
}

/**
 * Builds the plugin with its clock, jitter and environment (for the breaker file location).
 * {@link fallbackPlugin} is this with the real ones.
 */
export function createFallbackPlugin(seams: FallbackPluginSeams = {}) {
  const now = seams.now ?? Date.now;
  return definePlugin({
    name: NAME,
    description: "The one retry loop: backoff honouring the gateway's delay, circuit breakers per endpoint, the same model on the next gateway, then fallback models.",
    options: fallbackOptionsSchema,
    apply(kernel, options) {
      const file = options.breakerFile === "off" ? undefined : options.breakerFile || defaultBreakerFile(seams.environment ?? process.env);
      const breakers = new CircuitBreakers({ failures: options.breakerFailures, cooldownMs: options.breakerCooldownMs }, now, file ? breakerFile(file) : undefined);
      const announce = (change: BreakerChange | undefined) => change && kernel.emit(breakerEvent(change));
      kernel.gateways.reportHealth((gateway) => breakers.health(gateway));

      kernel.hooks.beforeRequest.tapPromise({ name: `${NAME}:output-room`, stage: Stage.COMPACT - 10 }, async (request, context) => {
        if (request.purpose !== undefined && request.purpose !== "turn") return request;
        const state = fallbackState(context);
        state.model ??= context.model.id;
        const raised = state.answer?.turn === context.turn ? state.answer.raisedOutput : undefined;
        return { ...request, idleTimeoutMs: options.idleTimeoutMs, ...(raised ? { maxOutputTokens: raised } : {}) };
      });

      kernel.hooks.beforeRequest.tapPromise({ name: `${NAME}:endpoint`, stage: Stage.ROUTE }, async (request, context) =>
        pickEndpoint(request, context, kernel, breakers, announce),
      );

      kernel.hooks.beforeRequest.tapPromise({ name: `${NAME}:observe`, stage: Stage.OBSERVE }, async (request, context) => {
        if (request.purpose === undefined || request.purpose === "turn") fallbackState(context).sentMaxOutputTokens = request.maxOutputTokens;
        return request;
      });

      kernel.hooks.afterResponse.tapPromise({ name: `${NAME}:cut-call`, stage: Stage.REPAIR + 10 }, async (response, context) => {
        if (!options.moreOutputForCutCalls) return response;
        const state = fallbackState(context);
        const answer = answerState(state, context.turn, targetKey({ model: context.model.id, gateway: context.gateway }));
        if (answer.cutRetried) return response;
        const room = moreOutputRoom(response, state.sentMaxOutputTokens, context.limits());
        if (room === undefined) return response;
        answer.cutRetried = true;
        answer.raisedOutput = room;
        throw new CutAnswerError(context.gateway, context.model.id, state.sentMaxOutputTokens!, room);
      });

      kernel.hooks.afterResponse.tapPromise({ name: `${NAME}:success`, stage: Stage.OBSERVE }, async (response, context) => {
        const state = fallbackState(context);
        if (state.endpoint) announce(breakers.success(state.endpoint.gateway, state.endpoint.endpoint));
        if (state.answer?.turn === context.turn) state.answer = undefined;
        return response;
      });

      kernel.hooks.onError.tapPromise({ name: NAME, stage: Stage.DEFAULT }, async (error, context) => recover(error, context, kernel, options, breakers, announce, now, seams.random));
    },
  });
}

/** The fallback plugin with the real clock and jitter. */
export const fallbackPlugin = createFallbackPlugin();

/**
 * The `beforeRequest` step at ROUTE: the first endpoint of the gateway whose breaker lets a
 * request through (its own base URL first); when none does, the request is refused before
 * anything is sent, and `onError` falls back.
 */
function pickEndpoint(request: ChatRequest, context: TurnContext, kernel: PluginKernel, breakers: CircuitBreakers, announce: (change: BreakerChange | undefined) => void): ChatRequest {
  const turnRequest = request.purpose === undefined || request.purpose === "turn";
  const endpoints = kernel.gateways.endpoints(request.gateway);
  const candidates = request.endpoint ? endpoints.filter((endpoint) => endpoint.id === request.endpoint!.id) : endpoints;
  let soonest: { retryAt: number; detail: string } | undefined;
  for (const [index, endpoint] of candidates.entries()) {
    const admission = breakers.admit(request.gateway, endpoint.id);
    if (!admission.allowed) {
      if (!soonest || admission.retryAt < soonest.retryAt) {
        soonest = { retryAt: admission.retryAt, detail: `${admission.failures} failures${admission.reason ? `, last: ${admission.reason}` : ""}` };
      }
      continue;
    }
    if (admission.probe) {
      announce({ gateway: request.gateway, endpoint: endpoint.id, from: "open", to: "half-open", failures: 0 });
    }
    if (turnRequest) fallbackState(context).endpoint = { gateway: request.gateway, endpoint: endpoint.id };
    // The gateway's own endpoint is the default: leave the request as it came.
    return index === 0 && !request.endpoint ? request : { ...request, endpoint: { id: endpoint.id, baseURL: endpoint.baseURL } };
  }
  if (!soonest) return request;
  throw new BreakerOpenError(request.gateway, request.model, soonest.retryAt, soonest.detail);
}

/** The `onError` step: count the failure on the endpoint's breaker, then retry, fall back or stop. */
function recover(
  error: HarnessError,
  context: TurnContext,
  kernel: PluginKernel,
  options: FallbackOptions,
  breakers: CircuitBreakers,
  announce: (change: BreakerChange | undefined) => void,
  now: () => number,
  random: (() => number) | undefined,
) {
  const state = fallbackState(context);
  const current = { model: context.model.id, gateway: context.gateway };
  const answer = answerState(state, context.turn, targetKey(current));
  const counts = error.retryable && !(error instanceof BreakerOpenError) && !(error instanceof CutAnswerError);
  if (state.endpoint?.gateway === error.gateway) {
    if (counts) announce(breakers.failure(error.gateway, state.endpoint.endpoint, error.message));
    else breakers.release(error.gateway, state.endpoint.endpoint);
  }
  if (!(error instanceof CutAnswerError)) answer.attempts += 1;
  const found = nextTarget(context.route, state.model ?? current.model, current, answer.tried, {
    missingKey: (gateway) => (kernel.gateways.hasKey(gateway) ? undefined : (kernel.gateways.keyVariable(gateway) ?? kernel.gateways.get(gateway)?.apiKeyEnv ?? `a key for ${gateway}`)),
    openUntil: (gateway) => {
      const endpoints = kernel.gateways.endpoints(gateway);
      const open = endpoints.length > 0 && endpoints.every((endpoint) => breakers.state(gateway, endpoint.id) === "open");
      return open ? Math.min(...breakers.health(gateway).map((health) => health.retryAt ?? Number.POSITIVE_INFINITY)) : undefined;
    },
  });
  const recovery = decideRecovery({
    error,
    attempts: answer.attempts,
    next: found.to,
    keyVariable: kernel.gateways.keyVariable(error.gateway) ?? kernel.gateways.get(error.gateway)?.apiKeyEnv,
    options,
    now: now(),
    ...(random ? { random } : {}),
  });
  if (recovery?.action === "fallback") answer.tried.add(targetKey(current));
  for (const skipped of found.skipped) {
    if (answer.tried.has(targetKey(skipped))) continue;
    answer.tried.add(targetKey(skipped));
    kernel.emit({
      type: "fallback.skipped",
      level: "warn",
      message: `skipped ${skipped.model} on ${skipped.gateway}: ${skipped.reason}`,
      data: { model: skipped.model, gateway: skipped.gateway, reason: skipped.reason },
    });
  }
  return recovery;
}

function breakerEvent(change: BreakerChange) {
  const where = `${change.gateway}${change.endpoint === change.gateway ? "" : ` (${change.endpoint})`}`;
  const message =
    change.to === "open"
      ? `circuit breaker for ${where} opened after ${change.failures} failures${change.retryAt ? `; not used until ${new Date(change.retryAt).toISOString()}` : ""}`
      : change.to === "half-open"
        ? `circuit breaker for ${where} is half-open: one probe request may try it`
        : `circuit breaker for ${where} closed: it answered again`;
  return { type: `breaker.${change.to}`, level: change.to === "open" ? "warn" : "info", message, data: { ...change } } as const;
}
