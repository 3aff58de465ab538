import type { ConfigLayer } from "./config/merge-layers.js";
import type { Tool } from "./tool.js";

/** What a tool source is given when a session starts. */
export interface ToolSourceContext {
  /** The config layers in precedence order; a source reads its own top-level key from them. */
  readonly layers: readonly ConfigLayer[];
  /**
   * Whether a layer may start programs or reach hosts. A layer from a folder the user has not
   * trusted may not; a source must leave out what such a layer asked for and say so.
   */
  isTrusted(layer: ConfigLayer): boolean;
  /** The environment secrets are read from (never copied into logs). */
  readonly environment: NodeJS.ProcessEnv;
  /** The workspace root, as a real path. */
  readonly workspace: string;
}

/** How one part of a source (an MCP server) stands, for `/mcp` and `bridle mcp list`. */
export interface ToolSourceEntry {
  name: string;
  /** How it is reached (`stdio`, `http`, `sse`). */
  transport: string;
  state: "disabled" | "untrusted" | "starting" | "ready" | "failed" | "closed";
  /** The tools it gave, by the name the model sees. */
  tools: readonly string[];
  /** Why it failed, stopped or was left out. */
  error?: string;
  /** Calls, failed calls and repaired calls per tool, for telemetry. */
  calls?: Readonly<Record<string, { calls: number; errors: number; repaired: number }>>;
}

/**
 * A source of tools known only at run time (MCP servers). Started once per session, in parallel
 * with everything else; its tools are frozen for the session once the first request is built.
 */
export interface ToolSource {
  /** Names the source in reports and errors (`mcp`). */
  readonly name: string;
  /** Whether the config gives this source anything to start; must not load or start anything. */
  configured(context: ToolSourceContext): boolean;
  /** Starts what is configured. Resolves with the tools that came up; never rejects. */
  start(context: ToolSourceContext): Promise<readonly Tool[]>;
  /** The state of each part, as of now. */
  entries(): readonly ToolSourceEntry[];
  /** Ends everything started; safe to call more than once. */
  close(): Promise<void>;
}
