import type { IncomingMessage, ServerResponse } from "node:http";
import { buildCompletion, wireContent, wireToolCall } from "./build-completion.js";
import { buildModelReply } from "./build-model-reply.js";
import { buildStreamEvents } from "./build-stream-events.js";
import { checkToolCalls } from "./check-tool-calls.js";
import { ChatRequestView } from "./chat-request-view.js";
import { findAffinityKey } from "./find-affinity-key.js";
import { reasoningFields, type GatewayErrorResponse, type GatewayProfile, type ResponseContext, type ServerEndpoint, type SimModel, type UsageNumbers } from "./gateway-profile.js";
import { hashString } from "./hash-string.js";
import { IncrementalBodyParser, type ParsedBody } from "./incremental-body-parser.js";
import { countReplyTokens, limitReplyTokens } from "./limit-reply-tokens.js";
import type { ModelReply } from "./model-reply.js";
import { NodePrefixCache } from "./node-prefix-cache.js";
import { retryHeaders } from "./openai-style-error.js";
import { PrefixTrie, type PrefixState } from "./prefix-trie.js";
import { RecordedRequests, type RecordedRequest, type RequestOutcome } from "./recorded-requests.js";
import { fingerprintKey, presentedKey, redactHeaders } from "./redact-headers.js";
import { renderMessage } from "./render-message.js";
import { ScenarioPlayer } from "./scenario-player.js";
import type { ScenarioStep } from "./scenario-schema.js";
import { createSeededRandom, type SeededRandom } from "./seeded-random.js";
import { delay, htmlErrorPage, sendErrorResponse, sendJson } from "./send-error-response.js";
import { TokenCounter } from "./token-counter.js";
import { writeEventStream } from "./write-event-stream.js";

/** One hosted gateway: its profile and the prefix cache of each of its nodes. */
interface GatewayRuntime {
  readonly profile: GatewayProfile;
  readonly caches: NodePrefixCache[];
  generation: number;
}

type Route =
  | { readonly runtime: GatewayRuntime; readonly endpoint: "chat" | "models" }
  | { readonly runtime: GatewayRuntime; readonly endpoint: "server"; readonly server: ServerEndpoint };

type RecordDraft = { -readonly [Key in keyof RecordedRequest]: RecordedRequest[Key] };

/** Settings of the simulator core. */
export interface GatewaySimulatorSettings {
  readonly profiles: readonly GatewayProfile[];
  readonly player: ScenarioPlayer;
  readonly seed: number;
  readonly maxRecordedRequests: number;
  readonly maxBodyBytes: number;
}

/** Per-node cache state, for tests that look inside. */
export interface NodeCacheStats {
  readonly node: number;
  readonly name: string;
  readonly usedTokens: number;
  readonly capacityTokens: number;
}

/**
 * The request-handling core of the simulator, independent of the HTTP server that feeds it:
 * routing to a profile, key checks, token counting over the shared prefix trie, node choice,
 * cache lookup, overflow rules, the scripted model and the wire shapes.
 */
export class GatewaySimulator {
  readonly requests: RecordedRequests;
  readonly player: ScenarioPlayer;
  private readonly counter = new TokenCounter();
  private readonly trie = new PrefixTrie(this.counter);
  private readonly bodies = new IncrementalBodyParser();
  private readonly random: SeededRandom;
  private readonly runtimes = new Map<string, GatewayRuntime>();
  private readonly keyOwners = new Map<string, string>();
  private sequence = 0;

  constructor(private readonly settings: GatewaySimulatorSettings) {
    this.requests = new RecordedRequests(settings.maxRecordedRequests);
    this.player = settings.player;
    this.random = createSeededRandom(settings.seed);
    for (const profile of settings.profiles) {
      if (this.runtimes.has(profile.name)) throw new Error(`profiles: "${profile.name}" is listed twice; give the copy another name`);
      this.runtimes.set(profile.name, {
        profile,
        caches: Array.from({ length: profile.nodes }, () => new NodePrefixCache(profile.cacheCapacityTokens, profile.cacheBlockTokens)),
        generation: 0,
      });
      if (profile.apiKey !== null) this.keyOwners.set(profile.apiKey, profile.name);
    }
  }

  /** Hosted profiles, in the order given. */
  get profiles(): readonly GatewayProfile[] {
    return [...this.runtimes.values()].map((runtime) => runtime.profile);
  }

  /** Cache state of each node of `profile`. */
  nodeStats(profile: string): NodeCacheStats[] {
    const runtime = this.runtime(profile);
    return runtime.caches.map((cache, node) => ({
      node,
      name: runtime.profile.nodeNames[node] ?? String(node),
      usedTokens: cache.usedTokens,
      capacityTokens: cache.capacityTokens,
    }));
  }

  /** Empties every node cache (of one profile, or of all). */
  resetCaches(profile?: string): void {
    for (const runtime of this.runtimes.values()) {
      if (profile === undefined || runtime.profile.name === profile) for (const cache of runtime.caches) cache.clear();
    }
  }

  /** Handles one HTTP request end to end. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(request.url ?? "/", "http://sim.invalid");
    const route = this.route(url.pathname, request.method ?? "GET");
    const key = presentedKey(request.headers);
    const draft: RecordDraft = {
      sequence: (this.sequence += 1),
      profile: route?.runtime.profile.name ?? "",
      method: request.method ?? "GET",
      path: url.pathname,
      headers: redactHeaders(request.headers, this.keyOwners),
      keyFingerprint: key === undefined ? null : fingerprintKey(key, this.keyOwners),
      keyOwner: key === undefined ? null : (this.keyOwners.get(key) ?? null),
      body: undefined,
      model: undefined,
      stream: false,
      node: undefined,
      nodeName: undefined,
      affinityKey: undefined,
      promptTokens: undefined,
      cachedTokens: undefined,
      completionTokens: undefined,
      maxTokens: undefined,
      status: 0,
      outcome: "not_found",
      step: undefined,
      receivedAt,
      handleMs: 0,
    };
    const bodyBytes = await readBody(request, this.settings.maxBodyBytes);
    const started = performance.now();
    const finish = (status: number, outcome: RequestOutcome): void => {
      draft.status = status;
      draft.outcome = outcome;
      draft.handleMs = performance.now() - started;
      this.requests.add({ ...draft });
    };

    if (route === undefined || (route.endpoint === "models" && draft.method !== "GET") || (route.endpoint === "chat" && draft.method !== "POST")) {
      if (bodyBytes !== undefined && bodyBytes.length > 0) draft.body = bodyBytes.toString("utf8");
      const known = [...this.runtimes.keys()].map((name) => `/${name}/v1`).join(", ");
      const error: GatewayErrorResponse = {
        status: 404,
        body: { error: { message: `No route for ${draft.method} ${url.pathname}. Serving: ${known}`, type: "not_found" } },
      };
      finish(404, "not_found");
      sendErrorResponse(response, error);
      return;
    }
    const { runtime } = route;
    const profile = runtime.profile;
    if (profile.apiKey !== null && key !== profile.apiKey) {
      const error = profile.errors.unauthorized(key);
      finish(error.status, "unauthorized");
      sendErrorResponse(response, error);
      return;
    }
    if (route.endpoint === "models") {
      finish(200, "models");
      sendJson(response, 200, profile.modelList(profile.models));
      return;
    }
    if (route.endpoint === "server") {
      const text = bodyBytes?.toString("utf8") ?? "";
      draft.body = parseJson(text);
      const answer = route.server.respond({ method: draft.method, body: draft.body, query: url.searchParams, models: profile.models });
      finish(answer.status, answer.status < 400 ? "server" : "bad_request");
      sendErrorResponse(response, answer);
      return;
    }
    if (bodyBytes === undefined) {
      const error = { status: 413, body: { error: { message: "Request body too large", type: "invalid_request_error" } } };
      finish(413, "bad_request");
      sendErrorResponse(response, error);
      return;
    }
    await this.handleChat(runtime, request, response, bodyBytes, key, draft, finish);
  }

  private async handleChat(
    runtime: GatewayRuntime,
    request: IncomingMessage,
    response: ServerResponse,
    bodyBytes: Buffer,
    key: string | undefined,
    draft: RecordDraft,
    finish: (status: number, outcome: RequestOutcome) => void,
  ): Promise<void> {
    const profile = runtime.profile;
    const fail = (error: GatewayErrorResponse, outcome: RequestOutcome): void => {
      finish(error.status, outcome);
      sendErrorResponse(response, error);
    };
    let parsedBody: ParsedBody;
    try {
      parsedBody = this.bodies.parse(bodyBytes);
    } catch {
      draft.body = bodyBytes.toString("utf8");
      fail(profile.errors.badRequest("Invalid JSON in request body"), "bad_request");
      return;
    }
    const parsed = parsedBody.value;
    draft.body = parsed;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      fail(profile.errors.badRequest("Request body must be a JSON object"), "bad_request");
      return;
    }
    const body = parsed as Record<string, unknown>;
    draft.stream = body.stream === true;
    if (typeof body.model !== "string" || body.model === "") {
      fail(profile.errors.badRequest("you must provide a model parameter", "model"), "bad_request");
      return;
    }
    const slug = body.model;
    draft.model = slug;
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      fail(profile.errors.badRequest("messages must be a non-empty array", "messages"), "bad_request");
      return;
    }
    const model = profile.models.find((candidate) => candidate.slug === slug) ?? (profile.acceptsAnyModel ? profile.models[0] : undefined);
    if (model === undefined) {
      fail(profile.errors.unknownModel(slug), "unknown_model");
      return;
    }
    const idProblem = checkToolCalls(body.messages, { maxLength: profile.toolCallIdMaxLength, strict: profile.strictToolCalls });
    if (idProblem !== undefined) {
      fail(profile.errors.badRequest(idProblem.message, idProblem.param), "rejected");
      return;
    }
    const rejection = profile.rejectRequest(body, model);
    if (rejection !== undefined) {
      fail(rejection, "rejected");
      return;
    }

    const view = new ChatRequestView(profile.name, slug, body);
    const path = this.promptPath(view, body.messages, parsedBody);
    const last = path[path.length - 1] ?? this.trie.root;
    if (runtime.generation !== this.trie.generation) {
      for (const cache of runtime.caches) cache.clear();
      runtime.generation = this.trie.generation;
    }
    let promptTokens = last.tokens;
    const maxTokens = readMaxTokens(profile, body);
    draft.maxTokens = maxTokens;
    const affinity = findAffinityKey(profile.affinity, body, request.headers);
    const node = affinity === undefined ? this.random.int(profile.nodes) : hashString(affinity.value) % profile.nodes;
    const cache = runtime.caches[node] as NodePrefixCache;
    draft.node = node;
    draft.nodeName = profile.nodeNames[node];
    draft.affinityKey = affinity;
    let cachedTokens = this.reportedCachedTokens(profile, cache.matchTokens(path), promptTokens);
    draft.promptTokens = promptTokens;
    draft.cachedTokens = cachedTokens;

    const outputTokens = maxTokens ?? 0;
    const needed = profile.overflowCounts === "prompt" ? promptTokens : promptTokens + outputTokens;
    let outcome: RequestOutcome = "reply";
    if (needed > model.contextWindow) {
      if (profile.overflowMode === "error") {
        fail(profile.errors.overflow({ slug, contextWindow: model.contextWindow, promptTokens, outputTokens }), "overflow");
        return;
      }
      if (profile.overflowMode === "truncate") {
        // The server keeps the window's worth of the prompt; what it cut never reaches the cache.
        promptTokens = Math.max(0, model.contextWindow - outputTokens);
        cachedTokens = Math.min(cachedTokens, promptTokens);
        outcome = "truncated";
      }
    }

    const choice = this.player.choose(view);
    draft.step = choice.label;
    const step = choice.step;
    const firstByteDelayMs = step?.stream?.firstByteDelayMs ?? profile.latency.firstByteMs;
    if (step?.error !== undefined) {
      const error = this.faultResponse(step, profile, model, promptTokens, outputTokens, key);
      finish(error.status, "fault");
      await delay(firstByteDelayMs);
      sendErrorResponse(response, error);
      return;
    }

    let reply = buildModelReply(step, { profile, model, request: view, conversationHash: last.hash, promptTokens, random: this.random.next });
    if (maxTokens !== undefined) reply = limitReplyTokens(reply, maxTokens, this.counter);
    const tokens = countReplyTokens(reply, this.counter);
    const usage: UsageNumbers = {
      promptTokens: step?.usage?.promptTokens ?? promptTokens,
      completionTokens: step?.usage?.completionTokens ?? tokens.completion,
      reasoningTokens: tokens.reasoning,
      cachedTokens: step?.usage?.cachedTokens ?? cachedTokens,
    };
    draft.completionTokens = usage.completionTokens;
    draft.cachedTokens = usage.cachedTokens;
    draft.promptTokens = usage.promptTokens;
    if (outcome !== "truncated") cache.store([...path, this.trie.child(last, renderMessage(generatedMessage(profile, reply)))]);

    const context: ResponseContext = {
      slug,
      node,
      nodeName: profile.nodeNames[node] ?? String(node),
      completionId: profile.completionId(draft.sequence, this.random.next),
      usage,
    };
    const created = Math.floor(Date.now() / 1000);
    const headers = { ...profile.responseHeaders(context), "x-request-id": context.completionId };
    finish(200, outcome);
    await delay(firstByteDelayMs);
    if (response.destroyed) return;
    if (!view.stream) {
      sendJson(response, 200, buildCompletion(profile, reply, context, created), headers);
      return;
    }
    const streamOptions = step?.stream;
    const events = buildStreamEvents(profile, reply, context, {
      includeUsage: view.includeUsage,
      chunkChars: streamOptions?.chunkChars ?? 16,
      toolArguments: streamOptions?.toolArguments ?? toolArgumentMode(profile, body),
      created,
    });
    const errorAfter = streamOptions?.errorAfterChunks;
    await writeEventStream(response, 200, headers, events, {
      chunkDelayMs: streamOptions?.chunkDelayMs ?? profile.latency.chunkMs,
      disconnectAfterChunks: streamOptions?.disconnectAfterChunks,
      omitDone: streamOptions?.omitDone ?? false,
      endAfterChunks: streamOptions?.endAfterChunks,
      insertRaw: streamOptions?.insertRaw ?? [],
      stall: streamOptions?.stallAfterChunks,
      errorAfter: errorAfter === undefined ? undefined : { after: errorAfter.after, event: profile.errors.streamError(errorAfter.message, errorAfter.status) },
    });
  }

  /**
   * `/<profile>/v1/...` (or `/v1/...` when one profile is hosted) reaches the OpenAI API;
   * `/<profile>/<path>` (or `/<path>`) reaches one of the profile's server endpoints.
   */
  private route(pathname: string, method: string): Route | undefined {
    const parts = pathname.split("/").filter((part) => part !== "");
    let runtime = this.runtimes.get(parts[0] ?? "");
    let rest = parts.slice(1);
    if (runtime === undefined && this.runtimes.size === 1) {
      runtime = this.runtimes.values().next().value;
      rest = parts;
    }
    if (runtime === undefined) return undefined;
    if (rest[0] === "v1") {
      const endpoint = rest.slice(1).join("/");
      if (endpoint === "chat/completions") return { runtime, endpoint: "chat" };
      if (endpoint === "models") return { runtime, endpoint: "models" };
    }
    const path = rest.join("/");
    const server = runtime.profile.serverEndpoints.find((candidate) => candidate.path === path && candidate.method === method);
    return server === undefined ? undefined : { runtime, endpoint: "server", server };
  }

  private runtime(profile: string): GatewayRuntime {
    const runtime = this.runtimes.get(profile);
    if (runtime === undefined) throw new Error(`gateway-sim: no profile "${profile}" is hosted; hosted: ${[...this.runtimes.keys()].join(", ")}`);
    return runtime;
  }

  /**
   * The prompt as trie states: tools first (they sit at the top of the prompt), then every
   * message. Messages the body parser reused from an earlier body reuse that body's states too,
   * so an unchanged conversation prefix is neither rendered nor compared again.
   */
  private promptPath(view: ChatRequestView, messages: readonly unknown[], parsed: ParsedBody): PrefixState[] {
    this.trie.ensureRoom(messages.length + 2);
    let state = this.trie.root;
    if (view.tools.length > 0) state = this.trie.child(state, `<|tools|>${JSON.stringify(view.tools)}`);
    const root = state;
    const states: PrefixState[] = [];
    const base = parsed.base;
    let reused = 0;
    if (base?.states !== undefined && base.statesRoot === root && base.statesGeneration === this.trie.generation) {
      reused = Math.min(parsed.reusedMessages, base.states.length);
      for (let index = 0; index < reused; index += 1) states.push(base.states[index] as PrefixState);
      if (reused > 0) state = states[reused - 1] as PrefixState;
    }
    for (let index = reused; index < messages.length; index += 1) {
      state = this.trie.child(state, renderMessage(messages[index]));
      states.push(state);
    }
    if (parsed.remembered !== undefined) {
      parsed.remembered.states = states;
      parsed.remembered.statesRoot = root;
      parsed.remembered.statesGeneration = this.trie.generation;
    }
    return root === this.trie.root ? states : [root, ...states];
  }

  private reportedCachedTokens(profile: GatewayProfile, matched: number, promptTokens: number): number {
    if (!profile.reportsCachedTokens || profile.cachedTokens === "none") return 0;
    // The last prompt token is always computed, so a fully cached prompt reports one block less.
    const block = profile.cacheBlockTokens;
    const ceiling = Math.floor(Math.max(0, promptTokens - 1) / block) * block;
    const cached = Math.min(matched, ceiling);
    return cached < profile.minCachedTokens ? 0 : cached;
  }

  private faultResponse(step: ScenarioStep, profile: GatewayProfile, model: SimModel, promptTokens: number, outputTokens: number, key: string | undefined): GatewayErrorResponse {
    const error = step.error;
    switch (error?.kind) {
      case "rate_limit": {
        const context = { slug: model.slug, retryAfterSeconds: error.retryAfterSeconds, retryAfterMs: error.retryAfterMs, message: error.message };
        const response = profile.errors.rateLimit(context);
        // Scripted retry hints are always sent, whatever the gateway adds of its own.
        return { ...response, headers: { ...response.headers, ...retryHeaders(context) } };
      }
      case "overflow":
        return profile.errors.overflow({
          slug: model.slug,
          contextWindow: model.contextWindow,
          promptTokens: error.promptTokens ?? Math.max(promptTokens, model.contextWindow + 1),
          outputTokens,
        });
      case "server_error":
        return profile.errors.serverError(error.status, error.message);
      case "html":
        return htmlErrorPage(error.status, error.server);
      case "unauthorized":
        return profile.errors.unauthorized(key);
      case "http":
        // Sent as written: a scripted content type (an HTML page served with 200) is kept.
        return { status: error.status, headers: error.headers, body: error.body, ...contentTypeOf(error.headers) };
      default:
        return profile.errors.serverError(500);
    }
  }
}

/** A `content-type` among scripted headers, in any case, as the response's content type. */
function contentTypeOf(headers: Readonly<Record<string, string>> | undefined): { contentType?: string } {
  const found = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "content-type");
  return found ? { contentType: found[1] } : {};
}

/** The output limit under the parameter name the gateway reads; other names are ignored. */
function readMaxTokens(profile: GatewayProfile, body: Readonly<Record<string, unknown>>): number | undefined {
  const read = (name: string): number | undefined => {
    const value = body[name];
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  };
  if (profile.maxTokensParam === "max_tokens") return read("max_tokens");
  if (profile.maxTokensParam === "max_completion_tokens") return read("max_completion_tokens");
  return read("max_completion_tokens") ?? read("max_tokens");
}

function toolArgumentMode(profile: GatewayProfile, body: Readonly<Record<string, unknown>>): "whole" | "deltas" {
  if (profile.toolStreamField !== undefined && body[profile.toolStreamField] === true) return "deltas";
  return profile.toolArguments;
}

/** The assistant message as a client sends it back next turn, so generated tokens can be cached. */
function generatedMessage(profile: GatewayProfile, reply: ModelReply): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: wireContent(profile, reply) };
  if (reply.reasoning !== "") for (const field of reasoningFields(profile.reasoning)) message[field] = reply.reasoning;
  if (reply.toolCalls.length > 0) message.tool_calls = reply.toolCalls.map(wireToolCall);
  return message;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads the whole body, or undefined when it is larger than `limit` bytes. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  if (size > limit) return undefined;
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}
