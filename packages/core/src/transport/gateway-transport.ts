import OpenAI from "openai";
import type { ChatRequest, ChatResponse } from "../chat.js";
import { HarnessError } from "../errors/harness-error.js";
import type { FeedEvent } from "../feed-event.js";
import { CapabilityStore } from "../gateways/capability-store.js";
import { classifyWireError, isRetryableStatus } from "../gateways/classify-wire-error.js";
import type { ErrorClassification, GatewayEndpoint, ResolvedGateway, WireContext, WireError, WireRequest } from "../gateways/gateway-definition.js";
import type { GatewayRegistry } from "../gateways/gateway-registry.js";
import { negotiate } from "../gateways/negotiate.js";
import { toWireRequest } from "../gateways/to-wire-request.js";
import type { KernelHooks } from "../hooks.js";
import type { CanonicalModelId, ModelRegistry } from "../model-registry.js";
import { type FetchFunction, fetchSameOrigin } from "../trust/fetch-same-origin.js";
import { countBytes, ON_BYTES } from "./count-bytes.js";
import { DegenerateStreamError, StreamAssembler, type StreamDelta } from "./stream-assembler.js";
import { isJsonContentType, nonJsonMessage, toHarnessError } from "./to-harness-error.js";
import { nodeHttpFetch } from "./node-http-fetch.js";

/** At most this many field fixes for one request, whatever the gateway keeps rejecting. */
const MAX_NEGOTIATIONS = 3;


export interface TransportOptions {
  gateways: GatewayRegistry;
  models: ModelRegistry;
  /** The kernel's gateway-filtered steps (`wire`, `classifyError`); none when used alone. */
  hooks?: Pick<KernelHooks, "wire" | "classifyError">;
  /** What negotiation learned; a session-only store by default. */
  capabilities?: CapabilityStore;
  /** Where negotiation and silent overflows are reported (the feed). */
  emit?: (event: FeedEvent) => void;
  environment?: NodeJS.ProcessEnv;
  /** Abort a stream when no bytes arrive for this long (a request's `idleTimeoutMs` wins). */
  idleTimeoutMs?: number;
  /** Time allowed until the response headers arrive. */
  connectTimeoutMs?: number;
  /** Removes secrets from error texts. */
  redact?: (text: string) => string;
}

export interface SendOptions {
  signal: AbortSignal;
  onDelta?: (delta: StreamDelta) => void;
}

/** A request turned into its wire shape, with where it goes. */
export interface PreparedRequest {
  gateway: ResolvedGateway;
  endpoint: GatewayEndpoint;
  wire: WireRequest;
  context: WireContext;
}

/**
 * Sends chat requests with the official `openai` SDK: one client per endpoint, each with only
 * its gateway's key and base URL, `maxRetries: 0` (retries belong to `onError`), always
 * streaming. A stream that ends without a finish reason, goes idle, or is not SSE at all is an
 * error, never a stop. A 400 rejecting a field, or asking for past reasoning, is answered once
 * per field by negotiation: the fix is remembered and the request sent again.
 */
export class GatewayTransport {
  readonly #options: Required<Omit<TransportOptions, "environment" | "hooks">> & { environment: NodeJS.ProcessEnv; hooks: TransportOptions["hooks"] };
  readonly #clients = new Map<string, OpenAI>();
  /** Raw error bodies by response headers: the SDK keeps only a body's `error` key, and flat bodies need the rest. */
  readonly #errorBodies = new WeakMap<Headers, string>();

  constructor(options: TransportOptions) {
    this.#options = {
      idleTimeoutMs: 120_000,
      connectTimeoutMs: 120_000,
      redact: (text) => text,
      environment: process.env,
      capabilities: new CapabilityStore(),
      emit: () => {},
      hooks: undefined,
      ...options,
    };
  }

  /**
   * The wire step: the gateway's definition shapes the request, then the kernel's `wire` taps
   * for that gateway. Throws a {@link HarnessError} for an unknown gateway or an endpoint the
   * gateway does not list.
   */
  prepare(request: ChatRequest, capabilities = this.#options.capabilities.get(request.gateway, request.model)): PreparedRequest {
    const { gateways, models, hooks } = this.#options;
    const gateway = gateways.get(request.gateway);
    const origin = { gateway: request.gateway, model: request.model };
    if (!gateway) throw new HarnessError(`unknown gateway "${request.gateway}"`, { ...origin, kind: "http", retryable: false });
    const endpoint = gateways.endpoint(gateway.id, request.endpoint?.id, this.#options.environment);
    if (!endpoint || (request.endpoint && request.endpoint.baseURL !== endpoint.baseURL)) {
      // A key goes only to the hosts its gateway lists, whatever a request asks for.
      throw new HarnessError(`endpoint ${JSON.stringify(request.endpoint?.id)} (${request.endpoint?.baseURL}) is not one of ${gateway.name}'s endpoints`, {
        ...origin,
        kind: "auth",
        retryable: false,
      });
    }
    const id = request.model as CanonicalModelId;
    const model = models.get(id);
    const slug = models.slugFor(id, gateway.id);
    const shaped = toWireRequest(gateway, request, { slug, model, capabilities }, { gateway, endpoint });
    const context: WireContext = { request, gateway, endpoint, model, slug, capabilities };
    const taps = hooks?.wire.get(gateway.id);
    return { gateway, endpoint, wire: taps ? taps.call(shaped, context) : shaped, context };
  }

  /** The classify step: kernel taps for the gateway, then its definition and the generic rules. */
  classify(error: WireError, prepared: PreparedRequest): ErrorClassification {
    const tapped = this.#options.hooks?.classifyError.get(prepared.gateway.id)?.call(error, prepared.context);
    return tapped ?? classifyWireError(prepared.gateway, error, prepared.wire);
  }

  async send(request: ChatRequest, options: SendOptions): Promise<ChatResponse> {
    const store = this.#options.capabilities;
    let capabilities = store.get(request.gateway, request.model);
    const tried = new Set<string>();
    for (let negotiations = 0; ; negotiations++) {
      const prepared = this.prepare(request, capabilities);
      try {
        return await this.#sendPrepared(request, prepared, options);
      } catch (error) {
        const classification = error instanceof HarnessError ? error.classification : undefined;
        const fix = classification && negotiations < MAX_NEGOTIATIONS && !options.signal.aborted ? negotiate(classification, prepared.wire, capabilities, tried) : undefined;
        if (!fix) throw error;
        for (const field of fix.fields) tried.add(field);
        capabilities = fix.capabilities;
        store.set(request.gateway, request.model, capabilities);
        this.#options.emit({
          type: "gateway.negotiated",
          level: "warn",
          message: `${prepared.gateway.name} rejected the request for ${request.model} (${(error as HarnessError).status}): ${fix.message}; sending it again`,
          data: { gateway: request.gateway, model: request.model, capabilities },
        });
      }
    }
  }

  async #sendPrepared(request: ChatRequest, prepared: PreparedRequest, options: SendOptions): Promise<ChatResponse> {
    const { redact } = this.#options;
    const { gateway, wire } = prepared;
    const origin = {
      gateway: request.gateway,
      model: request.model,
      host: new URL(prepared.endpoint.baseURL).host,
      redact,
      classify: (error: WireError) => this.classify(error, prepared),
      rawBody: (headers: Headers | undefined) => (headers ? this.#errorBodies.get(headers) : undefined),
    };
    const client = this.#client(gateway, prepared.endpoint);

    const controller = new AbortController();
    const abort = () => controller.abort(options.signal.reason);
    if (options.signal.aborted) abort();
    options.signal.addEventListener("abort", abort, { once: true });
    const idleTimeoutMs = request.idleTimeoutMs ?? this.#options.idleTimeoutMs;
    let idleTimer: NodeJS.Timeout | undefined;
    let idle = false;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idle = true;
        controller.abort(new Error("idle"));
      }, idleTimeoutMs);
    };
    let assembler: StreamAssembler | undefined;
    // What streamed before a failure is kept on the error: shown and logged as an interrupted answer.
    const partial = () => {
      const text = assembler?.partialContent();
      return text ? { partial: text } : {};
    };
    try {
      armIdleTimer();
      const { data: stream, response } = await client.chat.completions
        .create(wire.body as unknown as OpenAI.ChatCompletionCreateParamsStreaming, {
          signal: controller.signal,
          headers: wire.headers,
          timeout: this.#options.connectTimeoutMs,
          fetchOptions: { [ON_BYTES]: armIdleTimer } as Record<symbol, unknown>,
        })
        .withResponse();
      const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
      const contentType = response.headers.get("content-type") ?? "";
      if (!contentType.includes("text/event-stream")) {
        const text = redact(await response.text().catch(() => ""));
        if (!isJsonContentType(contentType)) {
          // An HTML page or plain text with a 2xx (a captive portal, a wrong base URL): asking
          // again gets the same page; only a status worth retrying is retried.
          throw new HarnessError(nonJsonMessage(origin, response.status, contentType, text, requestId), {
            ...origin,
            kind: "http",
            status: response.status,
            requestId,
            retryable: isRetryableStatus(response.status),
            body: text,
          });
        }
        throw new HarnessError(
          `${request.gateway} answered ${response.status} with ${contentType} instead of a stream: ${text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200)}`,
          { ...origin, kind: "stream", status: response.status, requestId, retryable: true, body: text },
        );
      }
      assembler = new StreamAssembler(options.onDelta, { response: gateway.response, chunk: gateway.hooks?.chunk });
      for await (const chunk of stream) {
        armIdleTimer();
        assembler.push(chunk);
      }
      // The SDK ends the iteration quietly when its signal aborts; an abort is never an answer.
      if (controller.signal.aborted) throw controller.signal.reason ?? new Error("aborted");
      const assembled = assembler.finish();
      if (assembled.finishReason === undefined) {
        throw new HarnessError(`${request.gateway} ended the stream without a finish reason (connection cut or incomplete answer)`, {
          ...origin,
          kind: "stream",
          requestId,
          retryable: true,
          ...partial(),
        });
      }
      if (assembled.usage && gateway.overflow?.silent) {
        const window = this.#options.models.limits(request.model as CanonicalModelId, gateway.id).contextWindow;
        if (assembled.usage.inputTokens > window) {
          throw new HarnessError(
            `${gateway.name} answered, but reported ${assembled.usage.inputTokens} prompt tokens for a ${window}-token window: the prompt overflowed without an error`,
            { ...origin, kind: "overflow", requestId, retryable: false, classification: { kind: "overflow" } },
          );
        }
      }
      return {
        model: request.model,
        gateway: request.gateway,
        message: assembled.message,
        finishReason: assembled.finishReason,
        ...(assembled.usage ? { usage: assembled.usage } : {}),
        ...(requestId ? { requestId } : {}),
      };
    } catch (error) {
      if (options.signal.aborted) {
        throw new HarnessError(`request to ${request.gateway} was cancelled`, { ...origin, kind: "aborted", retryable: false, cause: error });
      }
      if (idle) {
        throw new HarnessError(`${request.gateway} sent nothing for ${idleTimeoutMs} ms; gave up on the stream`, {
          ...origin,
          kind: "timeout",
          retryable: true,
          cause: error,
          ...partial(),
        });
      }
      if (error instanceof DegenerateStreamError) {
        throw new HarnessError(error.message, { ...origin, kind: "stream", retryable: false, cause: error, ...partial() });
      }
      const failure = toHarnessError(error, origin);
      if (!assembler) throw failure;
      if (failure.kind === "network") {
        // The response had started: the stream broke off before its finish reason.
        throw new HarnessError(`${request.gateway}'s stream broke off before its finish reason: ${failure.message.replace(/^request to \S+ failed: /, "")}`, {
          ...origin,
          kind: "stream",
          retryable: true,
          cause: error,
          ...partial(),
        });
      }
      const text = partial().partial;
      if (!text || failure.partial) throw failure;
      throw new HarnessError(failure.message, { ...failure, partial: text, cause: error });
    } finally {
      clearTimeout(idleTimer);
      options.signal.removeEventListener("abort", abort);
    }
  }

  /** Keeps the raw text of error answers, which the SDK reduces to their `error` key. */
  #keepErrorBodies(base: FetchFunction): FetchFunction {
    return async (url, init) => {
      const response = await base(url, init);
      if (response.status >= 400) this.#errorBodies.set(response.headers, await response.clone().text().catch(() => ""));
      return response;
    };
  }

  /** One client per endpoint, created with its gateway's key only. */
  #client(gateway: ResolvedGateway, endpoint: GatewayEndpoint): OpenAI {
    const clientKey = `${gateway.id}\u0000${endpoint.id}\u0000${endpoint.baseURL}`;
    const existing = this.#clients.get(clientKey);
    if (existing) return existing;
    const decision = this.#options.gateways.keyDecision(gateway.id, this.#options.environment, endpoint.id);
    if (decision.kind === "refused") {
      throw new HarnessError(decision.reason, { gateway: gateway.id, model: "", kind: "auth", retryable: false });
    }
    const apiKey = decision.kind === "granted" ? decision.key : undefined;
    if (!apiKey && !gateway.local) {
      throw new HarnessError(
        `no API key for ${gateway.name}: set ${gateway.apiKeyEnv ?? `gateways.${gateway.id}.apiKeyEnv`} in the environment`,
        { gateway: gateway.id, model: "", kind: "auth", retryable: false },
      );
    }
    const client = new OpenAI({
      apiKey: apiKey ?? "no-key",
      baseURL: endpoint.baseURL,
      maxRetries: 0,
      timeout: this.#options.connectTimeoutMs,
      organization: null,
      project: null,
      // The SDK prints a malformed event's raw text to the console; the error carries what is needed.
      logLevel: "off",
      // The key goes to this gateway's origin only: a redirect elsewhere is refused, not followed.
      fetch: this.#keepErrorBodies(countBytes(fetchSameOrigin(nodeHttpFetch))),
    });
    this.#clients.set(clientKey, client);
    return client;
  }
}
