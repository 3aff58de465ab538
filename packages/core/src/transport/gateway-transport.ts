import OpenAI from "openai";
import type { ChatRequest, ChatResponse } from "../chat.js";
import { HarnessError } from "../errors/harness-error.js";
import type { GatewayRegistry } from "../gateways/gateway-registry.js";
import type { CanonicalModelId, ModelRegistry } from "../model-registry.js";
import { fetchSameOrigin } from "../trust/fetch-same-origin.js";
import { DegenerateStreamError, StreamAssembler, type StreamDelta } from "./stream-assembler.js";
import { toHarnessError } from "./to-harness-error.js";
import { toWireBody } from "./to-wire-body.js";
import { nodeHttpFetch } from "./node-http-fetch.js";

export interface TransportOptions {
  gateways: GatewayRegistry;
  models: ModelRegistry;
  environment?: NodeJS.ProcessEnv;
  /** Abort a stream when no bytes arrive for this long. */
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

/**
 * Sends chat requests with the official `openai` SDK: one client per gateway, each with only its
 * own key and base URL, `maxRetries: 0` (retries belong to `onError`), always streaming. A stream
 * that ends without a finish reason, goes idle, or is not SSE at all is an error, never a stop.
 */
export class GatewayTransport {
  readonly #options: Required<Omit<TransportOptions, "environment">> & { environment: NodeJS.ProcessEnv };
  readonly #clients = new Map<string, OpenAI>();

  constructor(options: TransportOptions) {
    this.#options = {
      idleTimeoutMs: 120_000,
      connectTimeoutMs: 120_000,
      redact: (text) => text,
      environment: process.env,
      ...options,
    };
  }

  async send(request: ChatRequest, options: SendOptions): Promise<ChatResponse> {
    const { gateways, models, redact } = this.#options;
    const origin = { gateway: request.gateway, model: request.model, redact };
    const gateway = gateways.get(request.gateway);
    if (!gateway) {
      throw new HarnessError(`unknown gateway "${request.gateway}"`, { ...origin, kind: "http", retryable: false });
    }
    const client = this.#client(request.gateway);
    const id = request.model as CanonicalModelId;
    const body = toWireBody(request, { slug: models.slugFor(id, request.gateway), gateway, model: models.get(id) });

    const controller = new AbortController();
    const abort = () => controller.abort(options.signal.reason);
    if (options.signal.aborted) abort();
    options.signal.addEventListener("abort", abort, { once: true });
    let idleTimer: NodeJS.Timeout | undefined;
    let idle = false;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idle = true;
        controller.abort(new Error("idle"));
      }, this.#options.idleTimeoutMs);
    };
    try {
      armIdleTimer();
      const { data: stream, response } = await client.chat.completions
        .create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming, {
          signal: controller.signal,
          headers: request.headers,
          timeout: this.#options.connectTimeoutMs,
        })
        .withResponse();
      const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
      const contentType = response.headers.get("content-type") ?? "";
      if (!contentType.includes("text/event-stream")) {
        const text = redact(await response.text().catch(() => ""));
        throw new HarnessError(
          `${request.gateway} answered ${response.status} with ${contentType || "no content type"} instead of a stream: ${text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200)}`,
          { ...origin, kind: "stream", status: response.status, requestId, retryable: true, body: text },
        );
      }
      const assembler = new StreamAssembler(options.onDelta);
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
        });
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
        throw new HarnessError(`${request.gateway} sent nothing for ${this.#options.idleTimeoutMs} ms; gave up on the stream`, {
          ...origin,
          kind: "timeout",
          retryable: true,
          cause: error,
        });
      }
      if (error instanceof DegenerateStreamError) {
        throw new HarnessError(error.message, { ...origin, kind: "stream", retryable: false, cause: error });
      }
      throw toHarnessError(error, origin);
    } finally {
      clearTimeout(idleTimer);
      options.signal.removeEventListener("abort", abort);
    }
  }

  /** One client per gateway, created with that gateway's key only. */
  #client(gatewayId: string): OpenAI {
    const existing = this.#clients.get(gatewayId);
    if (existing) return existing;
    const gateway = this.#options.gateways.get(gatewayId)!;
    const decision = this.#options.gateways.keyDecision(gatewayId, this.#options.environment);
    if (decision.kind === "refused") {
      throw new HarnessError(decision.reason, { gateway: gatewayId, model: "", kind: "auth", retryable: false });
    }
    const apiKey = decision.kind === "granted" ? decision.key : undefined;
    if (!apiKey && !gateway.local) {
      throw new HarnessError(
        `no API key for ${gateway.name}: set ${gateway.apiKeyEnv ?? `gateways.${gateway.id}.apiKeyEnv`} in the environment`,
        { gateway: gatewayId, model: "", kind: "auth", retryable: false },
      );
    }
    const client = new OpenAI({
      apiKey: apiKey ?? "no-key",
      baseURL: gateway.baseURL,
      maxRetries: 0,
      timeout: this.#options.connectTimeoutMs,
      organization: null,
      project: null,
      // The key goes to this gateway's origin only: a redirect elsewhere is refused, not followed.
      fetch: fetchSameOrigin(nodeHttpFetch),
    });
    this.#clients.set(gatewayId, client);
    return client;
  }
}
