import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ProcessStdioTransport, type StdioLaunch } from "./process-stdio-transport.js";
import type { McpCallResult } from "./to-tool-result.js";

/** How to reach one server, variables already expanded. */
export type ServerLaunch = ({ kind: "stdio" } & StdioLaunch) | { kind: "http"; url: string; headers: Record<string, string> };

/** A tool as the server lists it (fields Bridle reads). */
export interface ListedTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: unknown;
}

/** A connected server. */
export interface ServerConnection {
  /** `stdio`, `http` (streamable HTTP) or `sse` (the older HTTP transport). */
  transport: "stdio" | "http" | "sse";
  tools: ListedTool[];
  call(name: string, args: Record<string, unknown>, options: { signal: AbortSignal; timeoutMs: number }): Promise<McpCallResult>;
  /** Why the connection ended, once it has (`exited with code 1`, with the server's last stderr lines). */
  readonly ended: string | undefined;
  close(): Promise<void>;
}

const CLIENT_INFO = { name: "bridle", version: "0.1.0" };

/**
 * Connects to a server and lists its tools (every page). A stdio server runs in its own process
 * group with the SDK's minimal inherited environment plus its `env`; an HTTP server is tried with
 * streamable HTTP first, then SSE. Aborting `signal` (the start timeout) ends whatever started.
 */
export async function connectServer(launch: ServerLaunch, options: { signal: AbortSignal; onEnd(reason: string): void }): Promise<ServerConnection> {
  if (launch.kind === "stdio") {
    const transport = new ProcessStdioTransport({ ...launch, env: { ...getDefaultEnvironment(), ...launch.env } });
    const ended = () => [transport.exit, transport.stderrTail].filter(Boolean).join(": ");
    return open("stdio", transport, ended, options);
  }
  const url = new URL(launch.url);
  try {
    const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: launch.headers } });
    return await open("http", transport, () => "the connection closed", options);
  } catch (error) {
    if (options.signal.aborted) throw error;
    const withHeaders: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...toRecord(init?.headers), ...launch.headers } });
    const transport = new SSEClientTransport(url, { requestInit: { headers: launch.headers }, eventSourceInit: { fetch: withHeaders } });
    try {
      return await open("sse", transport, () => "the connection closed", options);
    } catch {
      // The streamable HTTP error says more about a server that speaks neither.
      throw error;
    }
  }
}

async function open(
  kind: ServerConnection["transport"],
  transport: Transport,
  describeEnd: () => string,
  options: { signal: AbortSignal; onEnd(reason: string): void },
): Promise<ServerConnection> {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  let ended: string | undefined;
  let closing = false;
  client.onclose = () => {
    if (ended !== undefined) return;
    ended = describeEnd() || "the connection closed";
    if (!closing) options.onEnd(ended);
  };
  const abort = () => void client.close().catch(() => {});
  options.signal.addEventListener("abort", abort, { once: true });
  try {
    await client.connect(transport, { signal: options.signal });
    const tools: ListedTool[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : {}, { signal: options.signal });
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return {
      transport: kind,
      tools,
      get ended() {
        return ended;
      },
      async call(name, args, callOptions) {
        const result = await client.callTool({ name, arguments: args }, undefined, { signal: callOptions.signal, timeout: callOptions.timeoutMs });
        return result as McpCallResult;
      },
      async close() {
        closing = true;
        await client.close().catch(() => {});
      },
    };
  } catch (error) {
    closing = true;
    await client.close().catch(() => {});
    if (options.signal.aborted) throw new Error("did not start in time");
    const detail = describeEnd();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(detail && kind === "stdio" && !detail.includes(message) ? `${message} (${detail})` : message);
  } finally {
    options.signal.removeEventListener("abort", abort);
  }
}

function toRecord(headers: ConstructorParameters<typeof Headers>[0] | undefined): Record<string, string> {
  if (!headers) return {};
  return Object.fromEntries(new Headers(headers).entries());
}
