import type { z } from "zod";
import type { ContentPart, JsonSchema } from "./chat.js";

/**
 * What a tool does to the world, which decides the permission it needs:
 * `read` never asks, `edit` asks unless edits are allowed, `execute` asks unless everything is.
 */
export type ToolKind = "read" | "edit" | "execute";

/** What a tool run gets from the agent. */
export interface ToolRunContext {
  /** The workspace root, as a real path. */
  readonly workspace: string;
  readonly signal: AbortSignal;
  /** Tool-call id, for naming saved outputs. */
  readonly callId: string;
  /** Where tools may keep per-session files (full outputs, read stamps). */
  readonly sessionDirectory: string;
  /** Session-scoped state shared between tools (read-before-edit stamps, todo list). */
  readonly state: Map<string, unknown>;
  /**
   * The permission step approved this call's paths outside the workspace (an allow rule or the
   * user said yes). Without it, tools refuse any path whose real location is outside.
   */
  readonly allowOutsideWorkspace?: boolean;
  /**
   * Tells the agent the call started an operating-system process group, so the session records
   * it and a run that resumes after a crash can find and end it.
   */
  readonly onProcess?: (process: ToolProcess) => void;
}

/** A process group a tool call started. */
export interface ToolProcess {
  /** Its leader's pid, which is also the group id. */
  pid: number;
  /** An identity of the leader that a reused pid does not share (Linux: start time in clock ticks). */
  startMarker?: string;
  /** What it runs, for messages. */
  command?: string;
}

/** What a tool run returns: text for the model, plus an optional short line for the screen. */
export interface ToolResult {
  content: string | ContentPart[];
  isError?: boolean;
  /** A compact one-line summary (and optional diff) for the terminal. */
  display?: { summary: string; diff?: string };
}

/** A built-in or third-party tool. Parameters are a zod schema; the JSON Schema is derived once. */
export interface Tool<Parameters extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  kind: ToolKind;
  parameters: Parameters;
  /** JSON Schema of `parameters`, as offered to the model and used by tool-call repair. */
  jsonSchema: JsonSchema;
  /**
   * The rule group that names this tool besides its own name (`mcp` for MCP tools, so that
   * `mcp(github__*)` covers them). A grouped tool is not covered by the `read`, `edit` or `bash` groups.
   */
  permissionGroup?: string;
  /** Where the tool comes from, shown when the user is asked about a call (`MCP server github`). */
  origin?: string;
  /** The path arguments this call touches, for permission rules (`edit(src/**)`). */
  paths?: (args: z.infer<Parameters>) => string[];
  run(args: z.infer<Parameters>, context: ToolRunContext): Promise<ToolResult>;
}
