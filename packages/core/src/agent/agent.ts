import type { AssistantMessage, ChatMessage, ChatRequest, ChatResponse, ToolCall, ToolDefinition, ToolMessage } from "../chat.js";
import type { CompactionInfo, SessionContext, TurnContext } from "../context.js";
import type { Kernel } from "../create-kernel.js";
import { HarnessError } from "../errors/harness-error.js";
import type { CompactRequest, CompactResult } from "../hooks.js";
import type { FeedEvent } from "../feed-event.js";
import type { ResolvedModel } from "../model-ref.js";
import type { ModelSwitch } from "../model-switch.js";
import { newerMessages } from "../newer-messages.js";
import { Stage } from "../stage.js";
import { passThroughFilter } from "../text-stream-filter.js";
import type { Tool, ToolResult } from "../tool.js";
import type { SessionEntryInput } from "../session/session-record.js";
import type { RunnableCall, ToolCallEvent } from "../tool-call-event.js";
import { outputReserve } from "../tokens/output-reserve.js";
import { TokenCounter } from "../tokens/token-counter.js";
import type { SendOptions } from "../transport/gateway-transport.js";
import { abortableSleep } from "./abortable-sleep.js";
import type { AgentEvent, TurnEnd } from "./agent-event.js";
import { settleToolCall } from "./default-tool-call.js";
import { callFingerprint, DoomLoopGuard, failureSummary, repeatSummary, repeatWarning } from "./doom-loop-guard.js";
import { resultText, runToolCall } from "./run-tool-call.js";

/** Where the agent writes what happens (the session log). */
export interface SessionRecorder {
  append(record: SessionEntryInput): unknown;
  /** Starts making everything appended so far durable, without waiting. */
  sync(): void;
  /** Resolves once everything appended so far is durable (awaited at turn end). */
  flush(): Promise<void>;
}

/** Sends one request; the gateway transport in production. */
export interface ChatSender {
  send(request: ChatRequest, options: SendOptions): Promise<ChatResponse>;
}

/** The permission step's answer for one call. */
export interface Authorization {
  allowed: boolean;
  reason?: string;
  /** The call may touch paths outside the workspace (an allow rule or the user said yes). */
  allowOutsideWorkspace?: boolean;
}

export interface AgentOptions {
  kernel: Kernel;
  sender: ChatSender;
  tools: readonly Tool[];
  /**
   * Tools that arrive later (MCP servers still starting): awaited before the first request and
   * added after `tools`, then frozen for the session so the offered list never changes.
   */
  lateTools?: Promise<readonly Tool[]>;
  workspace: string;
  sessionId: string;
  /** Per-session files (full tool outputs). */
  sessionDirectory: string;
  systemPrompt: string;
  model: ResolvedModel;
  gateway: string;
  recorder?: SessionRecorder;
  authorize?: (call: RunnableCall, tool: Tool) => Promise<Authorization>;
  /** Conversation to continue (resume). */
  history?: ChatMessage[];
  /** Turn number the history ended at. */
  turn?: number;
  /** What plugins saved in the session being continued (`ReplayedSession.saved`). */
  saved?: Record<string, unknown>;
  /** Model requests per turn before stopping. */
  maxSteps?: number;
  /** Tries of one request, retries and fallbacks included: a backstop, `onError` taps decide. */
  maxAttempts?: number;
  /** The configured gateway order and fallback models; the session's gateway alone by default. */
  route?: { gateways?: readonly string[]; fallbackModels?: readonly string[] };
  /** Upper bound on requested output tokens (32,000 by default; never above the model's maximum or a quarter of its window). */
  maxOutputTokens?: number;
}

export interface TurnOptions {
  signal: AbortSignal;
  onEvent?: (event: AgentEvent) => void;
}

/** Options of `Agent.switchModel`. */
export interface SwitchOptions {
  /** Receives the switch's events (`model_switch`, a `compaction`) when no turn is listening. */
  onEvent?: (event: AgentEvent) => void;
}

export interface TurnResult {
  reason: TurnEnd;
  message?: string;
}

/**
 * The agent loop: one user message in, model requests and tool runs until the model stops
 * calling tools. Every kernel hook is called in its place; tools run only after a complete
 * assistant message; every message is in the session log before anything depends on it.
 */
export class Agent {
  model: ResolvedModel;
  gateway: string;
  turn: number;
  readonly #options: AgentOptions;
  readonly #state = new Map<string, unknown>();
  readonly #saved: Map<string, unknown>;
  readonly #toolState = new Map<string, unknown>();
  readonly #tools: Map<string, Tool>;
  readonly #toolDefinitions: ToolDefinition[];
  #lateTools: Promise<readonly Tool[]> | undefined;
  #listener: ((event: AgentEvent) => void) | undefined;
  readonly #tokens = new TokenCounter();
  /** Never changed in place: an append or a compaction makes a new array, so readers hold snapshots. */
  #messages: readonly ChatMessage[];
  /** Settles when the model switches asked for so far, their compactions included, are done. */
  #switched: Promise<unknown> = Promise.resolve();

  constructor(options: AgentOptions) {
    this.#options = options;
    this.#messages = [...(options.history ?? [])];
    this.#saved = new Map(Object.entries(options.saved ?? {}));
    this.model = options.model;
    this.gateway = options.gateway;
    this.turn = options.turn ?? 0;
    this.#tools = new Map(options.tools.map((tool) => [tool.name, tool]));
    this.#toolDefinitions = options.tools.map(toolDefinition);
    this.#lateTools = options.lateTools;
    options.kernel.hooks.onEvent.tap({ name: "agent", stage: Stage.OBSERVE }, (event) => {
      options.recorder?.append({ type: "feed", event });
      this.#listener?.({ type: "feed", event });
    });
  }

  get tools(): readonly ToolDefinition[] {
    return this.#toolDefinitions;
  }

  /** The conversation as it stands (system prompt excluded); a snapshot, replaced by compaction. */
  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** The session's token counter (counts cached per message). */
  get tokens(): TokenCounter {
    return this.#tokens;
  }

  /** The request the next model call would start from, before any hook. */
  baseRequest(): ChatRequest {
    const limits = this.#options.kernel.models.limits(this.model.id, this.gateway);
    return {
      model: this.model.id,
      gateway: this.gateway,
      purpose: "turn",
      messages: [{ role: "system", content: this.#options.systemPrompt }, ...this.#messages],
      tools: this.#toolDefinitions,
      maxOutputTokens: outputReserve(limits, this.#options.maxOutputTokens),
      body: {},
      headers: {},
    };
  }

  /**
   * Switches model or gateway; plugins reconcile the context before this returns. Switches run one
   * at a time, each to its end (its compaction included), and a request waits for them: a quick
   * second switch, or a prompt sent meanwhile, never works from the conversation or the model of
   * before the first one finished.
   */
  switchModel(input: string, gateway?: string, reason: ModelSwitch["reason"] = "user", options: SwitchOptions = {}): Promise<ModelSwitch> {
    const run = this.#switched.then(() => this.#switchNow(input, gateway ?? this.gateway, reason, options));
    this.#switched = run.catch(() => undefined);
    return run;
  }

  async #switchNow(input: string, gateway: string, reason: ModelSwitch["reason"], options: SwitchOptions): Promise<ModelSwitch> {
    const to = this.#options.kernel.resolveModel(input, gateway);
    const change: ModelSwitch = { from: { model: this.model.id, gateway: this.gateway }, to: { model: to.id, gateway }, reason };
    this.model = to;
    this.gateway = gateway;
    this.#options.recorder?.append({ type: "model_switch", turn: this.turn, from: change.from, to: change.to, reason });
    // Outside a turn the caller's listener hears what the switch does (a compaction, then the switch).
    const borrowed = this.#listener === undefined && options.onEvent !== undefined;
    if (borrowed) this.#listener = options.onEvent;
    try {
      await this.#options.kernel.hooks.onModelSwitch.promise(change, this.#sessionContext());
      this.#listener?.({ type: "model_switch", from: change.from, to: change.to, reason });
    } finally {
      if (borrowed && this.#listener === options.onEvent) this.#listener = undefined;
    }
    return change;
  }

  /**
   * Compacts the conversation now (`/compact [focus]`) through the `compact` hook, after any
   * switch in progress; `undefined` when no loaded plugin can compact.
   */
  async compact(request: CompactRequest = {}): Promise<CompactResult | undefined> {
    await this.#switched;
    return this.#options.kernel.hooks.compact.promise(request, this.#sessionContext());
  }

  /** Runs one user turn to its end. Never throws for model, gateway or tool failures. */
  async runTurn(input: string, options: TurnOptions): Promise<TurnResult> {
    this.#listener = options.onEvent;
    const emit = (event: AgentEvent) => options.onEvent?.(event);
    const recorder = this.#options.recorder;
    this.turn += 1;
    const turn = this.turn;
    this.#append({ role: "user", content: input });
    recorder?.sync();
    emit({ type: "turn_start", turn, model: this.model.id, gateway: this.gateway });
    if (this.#lateTools) await this.#adoptLateTools(options.signal);

    const guard = new DoomLoopGuard();
    const end = async (reason: TurnEnd, message?: string): Promise<TurnResult> => {
      if (reason === "aborted") recorder?.append({ type: "interrupted", turn, reason: message ?? "cancelled by the user" });
      // A turn the harness stopped says why in the log too, not only on the screen.
      if (reason === "doom-loop" || reason === "max-steps") recorder?.append({ type: "interrupted", turn, reason: message ?? reason });
      await recorder?.flush();
      emit({ type: "done", reason, turn, ...(message ? { message } : {}) });
      this.#listener = undefined;
      return { reason, ...(message ? { message } : {}) };
    };

    const maxSteps = this.#options.maxSteps ?? 50;
    try {
      for (let step = 0; step < maxSteps; step++) {
        const response = await this.#request(turn, options.signal, emit);
        const context = this.#turnContext(turn, 0, options.signal, false);
        // A call cut by the output limit is never repaired and run: the model hears that it was cut.
        const settled =
          response.finishReason === "length"
            ? cutToolCalls(response.message.toolCalls ?? [], this.#toolDefinitions, response.message.content)
            : await this.#settleToolCalls(response.message.toolCalls ?? [], response.message.content, context);
        const message = withSettledCalls(response.message, settled);
        this.#append(message);
        emit({ type: "assistant", message });
        if (response.usage) {
          const limits = this.#options.kernel.models.limits(this.model.id, this.gateway);
          recorder?.append({ type: "usage", turn, model: this.model.id, gateway: this.gateway, usage: response.usage });
          emit({
            type: "usage",
            model: this.model.id,
            gateway: this.gateway,
            usage: response.usage,
            contextTokens: response.usage.inputTokens + response.usage.outputTokens,
            contextWindow: limits.contextWindow,
          });
        }
        if (settled.length === 0) {
          return end(response.finishReason === "length" ? "length" : "stop", response.finishReason === "length" ? "the answer hit the output token limit" : undefined);
        }
        const doomed = await this.#runSettledCalls(settled, turn, options.signal, guard, emit);
        if (options.signal.aborted) return end("aborted", abortReason(options.signal));
        if (doomed) return end("doom-loop", doomed);
      }
      return end("max-steps", `stopped after ${maxSteps} model requests in one turn`);
    } catch (error) {
      if (options.signal.aborted) return end("aborted", abortReason(options.signal));
      const details = error instanceof HarnessError ? { gateway: error.gateway, status: error.status, requestId: error.requestId } : {};
      const message = error instanceof Error ? error.message : String(error);
      emit({ type: "error", message, ...details });
      return end("error", message);
    }
  }

  /** Waits for the late tools (or the user's cancel) and adds them; they are then frozen. */
  async #adoptLateTools(signal: AbortSignal): Promise<void> {
    const late = this.#lateTools!;
    const aborted = new Promise<"aborted">((resolve) => {
      if (signal.aborted) resolve("aborted");
      signal.addEventListener("abort", () => resolve("aborted"), { once: true });
    });
    const tools = await Promise.race([late.catch(() => [] as readonly Tool[]), aborted]);
    // Cancelled while waiting: the next turn waits again.
    if (tools === "aborted") return;
    this.#lateTools = undefined;
    for (const tool of tools) {
      if (this.#tools.has(tool.name)) {
        this.#options.kernel.emit({ type: "tools.duplicate", level: "warn", message: `a second tool named ${tool.name} was left out` });
        continue;
      }
      this.#tools.set(tool.name, tool);
      this.#toolDefinitions.push(toolDefinition(tool));
    }
  }

  /** One model request with recovery: `onError` decides retries, fallbacks and compaction. */
  async #request(turn: number, signal: AbortSignal, emit: (event: AgentEvent) => void): Promise<ChatResponse> {
    const { kernel, sender } = this.#options;
    const maxAttempts = this.#options.maxAttempts ?? 24;
    let compactRequested = false;
    for (let attempt = 0; ; attempt++) {
      // A switch still compacting decides the model and the conversation: build the request after it.
      await this.#switched;
      const context = this.#turnContext(turn, attempt, signal, compactRequested);
      try {
        // Inside the try: a tap may refuse to send (an endpoint it knows is down) with a HarnessError.
        const request = await kernel.hooks.beforeRequest.promise(this.baseRequest(), context);
        // Plugins hold back what will not be content (leaked tool-call markup) before it is shown.
        const visible = kernel.hooks.streamText.call(passThroughFilter(), context);
        const response = await sender.send(request, {
          signal,
          onDelta: (delta) => {
            if (delta.type === "reasoning") emit({ type: "reasoning", text: delta.text });
            if (delta.type !== "text") return;
            const text = visible.push(delta.text);
            if (text !== "") emit({ type: "text", text });
          },
        });
        const rest = visible.end();
        if (rest !== "") emit({ type: "text", text: rest });
        return await kernel.hooks.afterResponse.promise(response, context);
      } catch (error) {
        if (!(error instanceof HarnessError)) throw error;
        if (error.partial) this.#keepInterruptedAnswer(turn, error, emit);
        if (signal.aborted) throw error;
        const recovery = await kernel.hooks.onError.promise(error, context);
        if (!recovery || attempt + 1 >= maxAttempts) throw error;
        switch (recovery.action) {
          case "retry":
            kernel.emit({
              type: "request.retry",
              level: "warn",
              message: `${error.message}; retrying in ${Math.round(recovery.delayMs)} ms (${recovery.reason})`,
              data: { gateway: error.gateway, model: error.model, status: error.status, attempt: attempt + 1, delayMs: Math.round(recovery.delayMs) },
            });
            await abortableSleep(recovery.delayMs, signal);
            break;
          case "fallback":
            kernel.emit({
              type: "request.fallback",
              level: "warn",
              message: `${error.message}; falling back to ${recovery.to.model} on ${recovery.to.gateway} (${recovery.reason})`,
              data: { from: { model: error.model, gateway: error.gateway }, to: recovery.to, status: error.status },
            });
            await this.switchModel(recovery.to.model, recovery.to.gateway, "fallback");
            break;
          case "compact-and-retry":
            compactRequested = true;
            break;
          case "fail":
            throw new HarnessError(recovery.message, {
              kind: error.kind,
              gateway: error.gateway,
              model: error.model,
              status: error.status,
              requestId: error.requestId,
              retryable: false,
              cause: error,
            });
        }
      }
    }
  }

  /** Logs and shows answer text whose request failed, marked as interrupted. */
  #keepInterruptedAnswer(turn: number, error: HarnessError, emit: (event: AgentEvent) => void): void {
    const content = error.partial ?? "";
    this.#options.recorder?.append({ type: "interrupted_answer", turn, model: this.model.id, gateway: this.gateway, content, reason: error.message });
    emit({ type: "interrupted_answer", text: content, reason: error.message, gateway: error.gateway });
  }

  async #settleToolCalls(calls: ToolCall[], content: string | null, context: TurnContext): Promise<ToolCallEvent[]> {
    const settled: ToolCallEvent[] = [];
    for (const raw of calls) {
      const event = await this.#options.kernel.hooks.onToolCall.promise(
        { raw, tools: this.#toolDefinitions, content, status: "pending", calls: [], repairs: [] },
        context,
      );
      settled.push(settleToolCall(event));
    }
    return settled;
  }

  /** Runs runnable calls (consecutive reads in parallel) and appends one result per raw call. */
  async #runSettledCalls(
    settled: ToolCallEvent[],
    turn: number,
    signal: AbortSignal,
    guard: DoomLoopGuard,
    emit: (event: AgentEvent) => void,
  ): Promise<string | undefined> {
    let doomed: string | undefined;
    const jobs: Array<{ event: ToolCallEvent; results: Promise<Array<{ call: RunnableCall; result: ToolResult }>> }> = [];
    // Consecutive reads start at once; an edit or a command waits for everything before it,
    // and everything after it waits for it.
    let barrier: Promise<unknown> = Promise.resolve();
    let reads: Promise<unknown>[] = [];
    for (const event of settled) {
      if (event.status !== "runnable") {
        jobs.push({ event, results: Promise.resolve([]) });
        continue;
      }
      const readOnly = event.calls.every((call) => this.#tools.get(call.name)?.kind === "read");
      const after = readOnly ? barrier : Promise.all([barrier, ...reads]);
      const run = after.then(() => this.#runCalls(event, turn, signal, emit));
      run.catch(() => {});
      if (readOnly) reads.push(run);
      else {
        barrier = run;
        reads = [];
      }
      jobs.push({ event, results: run });
    }
    for (const { event, results } of jobs) {
      const outcome = await results;
      const messages = resultMessages(event, outcome);
      const failed = messages.find((message) => message.isError);
      const args = event.status === "runnable" ? event.calls.map((call) => call.arguments) : event.raw.arguments;
      const name = event.calls[0]?.name ?? event.raw.name;
      // The result without the call's own id, so a repeat is recognised even where the output names the call.
      const result = messages.map((message) => textOf(message).split(message.toolCallId).join("")).join("\n");
      const verdict = guard.observe(callFingerprint(event.raw.name, args), { failed: failed !== undefined, result });
      if (verdict.kind === "warn" && messages.length > 0) messages[messages.length - 1] = withNote(messages.at(-1)!, repeatWarning(name));
      if (verdict.kind === "stop-failing" && !doomed) doomed = failureSummary(event.raw.name, verdict.times, textOf(failed!));
      if (verdict.kind === "stop-repeating" && !doomed) doomed = repeatSummary(name, Array.isArray(args) && args.length === 1 ? args[0] : args, verdict.times);
      for (const message of messages) this.#append(message);
      if (event.status === "rejected") {
        emit({ type: "tool_result", id: event.raw.id, name: event.raw.name, content: textOf(messages[0]!), isError: true });
      }
    }
    return doomed;
  }

  async #runCalls(event: ToolCallEvent, turn: number, signal: AbortSignal, emit: (event: AgentEvent) => void) {
    const results: Array<{ call: RunnableCall; result: ToolResult }> = [];
    for (const call of event.calls) {
      emit({ type: "tool_call", id: call.id, name: call.name, arguments: call.arguments, repairs: event.repairs });
      const result = await this.#runOne(call, turn, signal);
      results.push({ call, result });
      emit({
        type: "tool_result",
        id: call.id,
        name: call.name,
        content: resultText(result),
        isError: result.isError === true,
        ...(result.display ? { summary: result.display.summary, ...(result.display.diff ? { diff: result.display.diff } : {}) } : {}),
      });
    }
    return results;
  }

  async #runOne(call: RunnableCall, turn: number, signal: AbortSignal): Promise<ToolResult> {
    if (signal.aborted) return { content: "Not run: the user cancelled the turn.", isError: true };
    const tool = this.#tools.get(call.name);
    if (!tool) return { content: `Unknown tool "${call.name}".`, isError: true };
    const authorization = this.#options.authorize ? await this.#options.authorize(call, tool) : { allowed: true };
    if (!authorization.allowed) {
      return { content: `Permission denied for ${call.name}${authorization.reason ? `: ${authorization.reason}` : ""}. Do not retry this call; ask the user or take another approach.`, isError: true };
    }
    this.#options.recorder?.append({ type: "tool_start", turn, callId: call.id, name: call.name, arguments: call.arguments });
    this.#options.recorder?.sync();
    return runToolCall(call, tool, {
      workspace: this.#options.workspace,
      signal,
      callId: call.id,
      sessionDirectory: this.#options.sessionDirectory,
      state: this.#toolState,
      onProcess: (process) => this.#options.recorder?.append({ type: "tool_process", turn, callId: call.id, ...process }),
      ...(authorization.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}),
    });
  }

  #append(message: ChatMessage): void {
    this.#messages = [...this.#messages, message];
    this.#options.recorder?.append({ type: "message", turn: this.turn, message });
  }

  #sessionContext(): SessionContext {
    const kernel = this.#options.kernel;
    const model = this.model;
    const gateway = this.gateway;
    const route = this.#options.route;
    return {
      sessionId: this.#options.sessionId,
      model,
      gateway,
      route: { gateways: route?.gateways?.length ? route.gateways : [gateway], fallbackModels: route?.fallbackModels ?? [] },
      models: kernel.models,
      state: this.#state,
      saved: this.#saved,
      save: (key, value) => {
        this.#saved.set(key, value);
        this.#options.recorder?.append({ type: "state", key, value });
      },
      tokens: this.#tokens,
      conversation: {
        messages: () => this.#messages,
        replace: (messages, info, basis) => this.#replaceConversation(messages, info, basis),
      },
      limits: () => kernel.models.limits(model.id, gateway),
      complete: (request, options) => this.#sideRequest(request, options?.signal ?? new AbortController().signal),
      emit: (event: FeedEvent) => kernel.emit(event),
    };
  }

  /** A side request (a summary, a title): through `beforeRequest` with its purpose, so adapters and routing apply. */
  async #sideRequest(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse> {
    const context = this.#turnContext(this.turn, 0, signal, false);
    const shaped = await this.#options.kernel.hooks.beforeRequest.promise({ ...request, purpose: request.purpose ?? "summary" }, context);
    return this.#options.sender.send(shaped, { signal });
  }

  /** Swaps in a compacted conversation, keeping every message appended after the compactor's snapshot. */
  #replaceConversation(messages: ChatMessage[], info: CompactionInfo, basis: readonly ChatMessage[] | undefined): boolean {
    const newer = newerMessages(this.#messages, basis);
    if (newer === undefined) return false;
    this.#messages = [...messages, ...newer];
    this.#options.recorder?.append({ type: "compaction", turn: this.turn, ...info, messages: [...this.#messages] });
    this.#options.recorder?.sync();
    this.#listener?.({ type: "compaction", ...info });
    return true;
  }

  #turnContext(turn: number, attempt: number, signal: AbortSignal, compactRequested: boolean): TurnContext {
    return { ...this.#sessionContext(), turn, attempt, signal, compactRequested, tools: this.#toolDefinitions };
  }
}

/** What the model hears about a tool call that the output limit cut. */
export const CUT_TOOL_CALL_RESULT =
  "Not run: your answer hit the output token limit while writing this call, so its arguments are incomplete. Send the call again, smaller (for example write a large file in several parts).";

/** Every call of an answer cut by the output limit, rejected unrepaired: its arguments may be a valid-looking prefix. */
function cutToolCalls(calls: ToolCall[], tools: ToolDefinition[], content: string | null): ToolCallEvent[] {
  return calls.map((raw) => ({ raw, tools, content, status: "rejected", calls: [], repairs: [], error: CUT_TOOL_CALL_RESULT }));
}

/** Why the turn was cancelled, from the signal's reason ("received SIGTERM"), if it gives one. */
function abortReason(signal: AbortSignal): string | undefined {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name !== "AbortError" ? reason.message : typeof reason === "string" ? reason : undefined;
}

function toolDefinition(tool: Tool): ToolDefinition {
  return { name: tool.name, description: tool.description, parameters: tool.jsonSchema };
}

/** The assistant message as kept: repaired arguments replace broken ones, so the model sees valid history. */
function withSettledCalls(message: AssistantMessage, settled: ToolCallEvent[]): AssistantMessage {
  if (settled.length === 0) return message;
  const toolCalls: ToolCall[] = settled.flatMap((event) => {
    if (event.status !== "runnable" || event.repairs.length === 0) {
      return [event.status === "runnable" && event.calls.length === 1 ? { ...event.raw, name: event.calls[0]!.name } : event.raw];
    }
    return event.calls.map((call) => ({ id: call.id, name: call.name, arguments: JSON.stringify(call.arguments) }));
  });
  return { ...message, toolCalls };
}

/**
 * The tool messages for one raw call: one per call that ran (a split call's parts answer their
 * own ids, as the kept assistant message lists them), or one rejection under the raw call's id.
 */
function resultMessages(event: ToolCallEvent, outcome: Array<{ call: RunnableCall; result: ToolResult }>): ToolMessage[] {
  if (event.status !== "runnable") {
    return [{ role: "tool", toolCallId: event.raw.id, name: event.raw.name, content: event.error ?? "The call could not be run.", isError: true }];
  }
  return outcome.map(({ call, result }) => ({ role: "tool", toolCallId: call.id, name: call.name, content: result.content, ...(result.isError ? { isError: true } : {}) }));
}

/** The tool message with a note from the harness after its content. */
function withNote(message: ToolMessage, note: string): ToolMessage {
  const content = typeof message.content === "string" ? `${message.content}\n\n${note}` : [...message.content, { type: "text" as const, text: note }];
  return { ...message, content };
}

function textOf(message: ToolMessage): string {
  return typeof message.content === "string" ? message.content : message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}
