import { collectSecrets, createRedactor, type FeedEvent, type Tool, type ToolSource, type ToolSourceContext, type ToolSourceEntry } from "@bridle/core";
import type { ServerConnection } from "./connect-server.js";
import type { ToolCounts } from "./create-mcp-tool.js";
import { mcpToolName } from "./mcp-tool-name.js";
import { type ResolvedServer, resolveServers } from "./resolve-servers.js";
import { serverLaunch } from "./server-launch.js";

export interface McpSourceOptions {
  startTimeoutMs: number;
  callTimeoutMs: number;
  maxOutputChars: number;
}

interface ServerState {
  entry: ToolSourceEntry;
  connection?: ServerConnection;
  counts: Record<string, ToolCounts>;
}

/**
 * The MCP servers of one session as a tool source: every trusted, enabled server starts in
 * parallel under a timeout; one that fails, or dies later, is reported and its tools answer with
 * an error, while the session goes on. The SDK is loaded only when a server is started.
 */
export class McpToolSource implements ToolSource {
  readonly name = "mcp";
  readonly #servers = new Map<string, ServerState>();
  /** Tool name → its server and counts, for telemetry. */
  readonly #tools = new Map<string, ToolCounts>();
  #started: Promise<readonly Tool[]> | undefined;
  #closed = false;

  constructor(
    private readonly options: McpSourceOptions,
    private readonly emit: (event: FeedEvent) => void,
  ) {}

  configured(context: ToolSourceContext): boolean {
    return this.#resolve(context).some(startable);
  }

  start(context: ToolSourceContext): Promise<readonly Tool[]> {
    this.#started ??= this.#startAll(context);
    return this.#started;
  }

  entries(): readonly ToolSourceEntry[] {
    return [...this.#servers.values()].map((server) => ({ ...server.entry, calls: { ...server.counts } }));
  }

  /** Counts a repaired call to one of this source's tools. */
  countRepaired(toolName: string): void {
    const counts = this.#tools.get(toolName);
    if (counts) counts.repaired += 1;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const connections = [...this.#servers.values()].map((server) => server.connection).filter((connection) => connection !== undefined);
    await Promise.allSettled(connections.map((connection) => connection.close()));
    for (const server of this.#servers.values()) if (server.entry.state === "ready" || server.entry.state === "starting") server.entry.state = "closed";
  }

  #resolve(context: ToolSourceContext): ResolvedServer[] {
    const servers = resolveServers(context.layers, context.isTrusted);
    for (const server of servers) {
      if (this.#servers.has(server.name)) continue;
      const transport = server.config.url !== undefined ? "http" : "stdio";
      const entry: ToolSourceEntry = { name: server.name, transport, state: "starting", tools: [] };
      if (server.undefinedServer) Object.assign(entry, { state: "failed", error: `mcp.${server.name} is turned on but no config defines it` });
      else if (!server.enabled) entry.state = "disabled";
      else if (server.untrustedSource !== undefined) {
        Object.assign(entry, { state: "untrusted", error: `not started: set in ${server.untrustedSource}, a folder that is not trusted` });
      }
      this.#servers.set(server.name, { entry, counts: {} });
      if (entry.state === "untrusted") this.#post({ type: "mcp.untrusted", level: "warn", message: `MCP server ${server.name} ${entry.error}` });
      if (entry.state === "failed") this.#post({ type: "mcp.failed", level: "warn", message: `MCP server ${server.name}: ${entry.error}` });
    }
    return servers;
  }

  async #startAll(context: ToolSourceContext): Promise<readonly Tool[]> {
    const servers = this.#resolve(context);
    const started = await Promise.all(
      servers.filter(startable).map((server) =>
        this.#startOne(server, context).catch((error: unknown) => this.#fail(this.#servers.get(server.name)!, error instanceof Error ? error.message : String(error))),
      ),
    );
    return started.flat();
  }

  /** Posts a feed event, unless the session already ended (its log is closed). */
  #post(event: FeedEvent): void {
    if (!this.#closed) this.emit(event);
  }

  async #startOne(server: ResolvedServer, context: ToolSourceContext): Promise<Tool[]> {
    const state = this.#servers.get(server.name)!;
    const { launch, missing, secrets } = serverLaunch(server.name, server.config, context.environment, context.workspace);
    const redact = createRedactor({ secrets: [...secrets, ...collectSecrets(context.environment)] });
    if (missing.length > 0) return this.#fail(state, missing.join("; "));
    const [{ connectServer }, { createMcpTool }] = await Promise.all([import("./connect-server.js"), import("./create-mcp-tool.js")]);
    const timeoutMs = server.config.startTimeoutMs ?? this.options.startTimeoutMs;
    let connection: ServerConnection;
    try {
      connection = await connectServer(launch, {
        signal: AbortSignal.timeout(timeoutMs),
        onEnd: (reason) => this.#ended(state, redact(reason)),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.#fail(state, redact(message === "did not start in time" ? `did not start within ${timeoutMs} ms` : message));
    }
    if (this.#closed) {
      await connection.close();
      return [];
    }
    state.connection = connection;
    const taken = new Set<string>();
    const tools = [...connection.tools]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((listed) => {
        const name = mcpToolName(server.name, listed.name, taken);
        taken.add(name);
        const counts: ToolCounts = { calls: 0, errors: 0, repaired: 0 };
        state.counts[name] = counts;
        this.#tools.set(name, counts);
        return createMcpTool({
          server: server.name,
          name,
          listed,
          connection,
          redact,
          callTimeoutMs: this.options.callTimeoutMs,
          maxOutputChars: this.options.maxOutputChars,
          counts,
        });
      });
    Object.assign(state.entry, { state: "ready", transport: connection.transport, tools: tools.map((tool) => tool.name) });
    this.#post({
      type: "mcp.ready",
      level: "info",
      message: `MCP server ${server.name}: ${tools.length} tool${tools.length === 1 ? "" : "s"} over ${connection.transport}`,
      data: { server: server.name, transport: connection.transport, tools: tools.length },
    });
    return tools;
  }

  #fail(state: ServerState, error: string): [] {
    Object.assign(state.entry, { state: "failed", error });
    this.#post({ type: "mcp.failed", level: "warn", message: `MCP server ${state.entry.name} failed to start: ${error}; going on without it` });
    return [];
  }

  #ended(state: ServerState, reason: string): void {
    if (this.#closed || state.entry.state !== "ready") return;
    Object.assign(state.entry, { state: "failed", error: `stopped: ${reason}` });
    this.#post({ type: "mcp.exited", level: "warn", message: `MCP server ${state.entry.name} stopped (${reason}); its tools now answer with an error` });
  }
}

function startable(server: ResolvedServer): boolean {
  return server.enabled && server.untrustedSource === undefined && !server.undefinedServer;
}
