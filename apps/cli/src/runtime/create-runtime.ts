import { realpathSync } from "node:fs";
import path from "node:path";
import {
  Agent,
  type AgentEvent,
  buildSystemPrompt,
  cacheDirectory,
  CapabilityStore,
  capabilitiesFile,
  collectSecrets,
  createRedactor,
  ensurePrivateDirectory,
  type FeedEvent,
  type GatewayRegistry,
  GatewayTransport,
  type Kernel,
  readAgentsMd,
  readSessionLines,
  replaySession,
  type ResolvedConfig,
  SessionFileError,
  SessionLog,
  sessionsDirectory,
  type Tool,
  type ToolSourceContext,
} from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import { createBuiltinTools, type PermissionMode, permissionsConfigSchema, probeSandbox } from "@bridle/tools";
import type { GlobalOptions } from "../cli-config.js";
import { DeferredSessionLog } from "./deferred-session-log.js";
import { DamagedSessionError } from "./damaged-session-error.js";
import { sessionToContinue } from "./session-to-continue.js";
import { createAuthorizer, type PermissionPrompt } from "./authorize.js";
import { discoverTarget } from "./discover-target.js";
import { loadKernel } from "./load-kernel.js";
import { gatewayOrder } from "./gateway-order.js";
import { NoModelError, selectTarget } from "./select-target.js";
import { trustNotice } from "../trust/trust-notice.js";
import { endOrphanedTools } from "./end-orphaned-tools.js";

export interface RuntimeOptions {
  global: GlobalOptions;
  cwd: string;
  environment: NodeJS.ProcessEnv;
  /** Resume a session: its id, or `true` for the latest in this workspace. */
  resume?: string | true;
  /**
   * Continue the resumed session in a new file holding a copy of its readable records; the
   * original is only read. The way to continue a session whose header is damaged.
   */
  forkSession?: boolean;
  /** Overrides the configured permission mode (`--yes` is `allow-all`). */
  permissionMode?: PermissionMode;
  /** Asks the user about a call; absent in headless runs, where "ask" means "deny". */
  ask?: PermissionPrompt;
  /** Where sessions are stored; the XDG data directory by default. */
  sessionsDirectory?: string;
}

/** Everything a run needs, wired once: config, kernel, gateways, transport, tools, session, agent. */
export interface Runtime {
  config: ResolvedConfig;
  kernel: Kernel;
  gateways: GatewayRegistry;
  agent: Agent;
  tools: readonly Tool[];
  workspace: string;
  session: { id: string; file: string; resumed: boolean; skippedLines: number };
  /** Feed events emitted while starting (unknown model warnings, skipped session lines). */
  startupFeed: FeedEvent[];
  /** Feed events of checks that finish after the start (the sandbox's, which runs behind the first request). */
  lateFeed: Promise<FeedEvent[]>;
  /** What a switch made while starting (`-c -m <model>`) did: its `compaction` and `model_switch` events. */
  startupEvents: AgentEvent[];
  /** The permission mode now; the screen changes it with {@link Runtime.setPermissionMode}. */
  readonly permissionMode: PermissionMode;
  setPermissionMode(mode: PermissionMode): void;
  /** What negotiation learned, and the plugin origins `/gateways` reports. */
  gatewayOrigins: { plugins: ResolvedConfig["summaries"]; builtinPlugins: ReadonlySet<string>; capabilities: CapabilityStore };
  close(): void;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, settings, kernel, gateways, startupFeed, stopCollecting } = await loadKernel(options.global, options.cwd, options.environment);
  const workspace = realpathSync(options.cwd);
  const notice = trustNotice(config.trust);
  if (notice) startupFeed.push({ type: "config.untrusted", level: "warn", message: notice });
  // Every file Bridle writes goes through this: key shapes, the configured keys' values, and the
  // value of every variable whose name or value looks secret.
  const redact = createRedactor({ secrets: collectSecrets(options.environment, { keyVariables: gateways.list().map((gateway) => gateway.apiKeyEnv) }) });
  const directory = options.sessionsDirectory ?? sessionsDirectory(options.environment, workspace);
  ensurePrivateDirectory(directory);

  let session: Runtime["session"];
  let log: SessionLog | DeferredSessionLog;
  let history: Awaited<ReturnType<typeof replaySession>> | undefined;
  if (options.resume !== undefined) {
    const file = options.resume === true ? sessionToContinue(directory) : path.join(directory, `${options.resume}.jsonl`);
    if (!file) throw new Error(`no session to continue in ${workspace}`);
    const forked = options.forkSession ? SessionLog.fork(file, { directory, workspace, redact, fallback: () => canonicalTarget(kernel, selectTarget(settings, gateways, options.environment)) }) : undefined;
    const opened = forked ?? openSession(file, redact, options.resume === true ? "bridle -c --fork-session" : `bridle --resume ${options.resume} --fork-session`);
    if (forked) {
      startupFeed.push({
        type: "session.forked",
        level: forked.headerProblem ? "warn" : "info",
        message: `continuing in a new session ${forked.log.file} with the ${forked.records.length - 1} readable records of ${file}, which was left unchanged`,
        data: { from: file, file: forked.log.file, copied: forked.records.length - 1 },
      });
    }
    log = opened.log;
    const orphans = await endOrphanedTools(replaySession(opened.records).pendingToolCalls);
    startupFeed.push(...orphans.feed);
    history = replaySession(opened.records, { describeStarted: orphans.describe });
    for (const record of history.synthesized) log.append({ type: "message", turn: history.turn, message: record });
    for (const skipped of opened.skipped) {
      startupFeed.push({ type: "session.skipped-line", level: "warn", message: `session file line ${skipped.line} is damaged and was skipped (${skipped.reason}); the file was not changed` });
    }
    session = { id: log.id, file: opened.log.file, resumed: true, skippedLines: opened.skipped.length };
  }

  // A resumed session continues on its own model; a --model or --gateway given with it is a
  // switch, made below through onModelSwitch so the context is reconciled.
  // A local server without a configured model names the one it serves, and the window it runs with.
  const discovered = history ? undefined : await discoverTarget(settings, gateways, kernel, options.environment);
  startupFeed.push(...(discovered?.feed ?? []));
  const targetSettings = discovered?.model ? { ...settings, model: discovered.model } : settings;
  const target = history ? { model: history.model, gateway: history.gateway, feed: [] } : selectTarget(targetSettings, gateways, options.environment);
  startupFeed.push(...target.feed);
  const model = kernel.resolveModel(target.model, target.gateway);
  if (!history) {
    log = new DeferredSessionLog({ directory, workspace, model: model.id, gateway: target.gateway, redact });
    session = { id: log.id, file: log.file, resumed: false, skippedLines: 0 };
  }

  const permissions = permissionsConfigSchema.parse(settings.permissions ?? {});
  let permissionMode = options.permissionMode ?? permissions.mode;
  // Running bubblewrap to check it takes tens of milliseconds: its answer is kept while what
  // decides it stays the same, and a check that must run does not hold up the first request,
  // only the first command.
  const sandbox = permissions.sandbox === "auto" ? probeSandbox({ cacheFile: path.join(cacheDirectory(options.environment), "sandbox.json") }) : undefined;
  const lateFeed = (sandbox ?? Promise.resolve(undefined)).then((status): FeedEvent[] =>
    status && !status.available ? [{ type: "sandbox.unavailable", level: "warn", message: `bash runs without a sandbox: ${status.reason}` }] : [],
  );
  const tools = createBuiltinTools({
    deny: permissions.deny,
    bash: { environment: options.environment, redact, sandbox: { mode: permissions.sandbox, allow: permissions.allow, ...(sandbox ? { status: sandbox } : {}) } },
  });
  // MCP servers start now, in parallel with the screen; the first request waits for them.
  const sources = toolSourceContext(config, options.environment, workspace);
  const lateTools = kernel.toolSources.configured(sources) ? kernel.toolSources.start(sources) : undefined;
  const capabilities = new CapabilityStore(capabilitiesFile(options.environment));
  const transport = new GatewayTransport({
    gateways,
    models: kernel.models,
    hooks: kernel.hooks,
    capabilities,
    emit: (event) => kernel.emit(event),
    environment: options.environment,
    redact,
  });
  const sessionDirectory = path.join(directory, session!.id);
  const agent = new Agent({
    kernel,
    sender: transport,
    tools,
    ...(lateTools ? { lateTools } : {}),
    workspace,
    sessionId: session!.id,
    sessionDirectory,
    systemPrompt: buildSystemPrompt({ workspace, agentsMd: readAgentsMd(workspace) }),
    model,
    gateway: target.gateway,
    recorder: log!,
    route: { gateways: gatewayOrder(settings.gateway), fallbackModels: settings.fallbackModels ?? [] },
    authorize: createAuthorizer({ mode: () => permissionMode, allow: permissions.allow, deny: permissions.deny, workspace, ask: options.ask }),
    ...(history ? { history: history.messages, turn: history.turn, saved: history.saved } : {}),
  });
  const startupEvents: AgentEvent[] = [];
  if (history && (options.global.model || options.global.gateway)) {
    const gateway = options.global.gateway ?? history.gateway;
    if (!gateways.get(gateway)) throw new NoModelError(`unknown gateway "${gateway}"`, "unknown-gateway");
    await agent.switchModel(options.global.model ?? history.model, gateway, "user", {
      // Its feed events are in the startup feed already.
      onEvent: (event) => {
        if (event.type !== "feed") startupEvents.push(event);
      },
    });
  }
  stopCollecting();
  return {
    config,
    kernel,
    gateways,
    agent,
    tools,
    workspace,
    session: session!,
    startupFeed,
    lateFeed,
    startupEvents,
    get permissionMode() {
      return permissionMode;
    },
    setPermissionMode(mode) {
      permissionMode = mode;
    },
    gatewayOrigins: { plugins: config.summaries, builtinPlugins: new Set(defaultPreset.plugins.map((plugin) => plugin.name)), capabilities },
    close() {
      // Signals every server's process group now; the exit hook ends what is left.
      void kernel.toolSources.close();
      log.close();
      if (kernel.trace && kernel.trace.records.length > 0) process.stderr.write(`\n${kernel.trace.format()}\n`);
    },
  };
}

/** A selected target with the model as its canonical id, as session headers hold it. */
function canonicalTarget(kernel: Kernel, target: { model: string; gateway: string }): { model: string; gateway: string } {
  return { model: kernel.resolveModel(target.model, target.gateway).id, gateway: target.gateway };
}

/** Opens a session to continue; a damaged header becomes a {@link DamagedSessionError} naming `forkCommand`. */
function openSession(file: string, redact: ReturnType<typeof createRedactor>, forkCommand: string) {
  try {
    return SessionLog.open(file, { redact });
  } catch (error) {
    if (!(error instanceof SessionFileError) || error.code !== "SESSION_HEADER_INVALID") throw error;
    throw new DamagedSessionError(file, error.message, readSessionLines(file).records.length, forkCommand);
  }
}

/** What tool sources (MCP servers) are started with; which layers are trusted is decided here. */
export function toolSourceContext(config: ResolvedConfig, environment: NodeJS.ProcessEnv, workspace: string): ToolSourceContext {
  // A trusted folder's config may start servers like the user's own; otherwise only the user's
  // layers may (a layer without a scope counts as the project's).
  const trustedFolder = config.trust.state === "trusted";
  return { layers: config.layers, isTrusted: (layer) => trustedFolder || layer.scope === "user", environment, workspace };
}
