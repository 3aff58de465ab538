import type { Redactor, Tool } from "@bridle/core";
import { limits, toolOutputPath } from "@bridle/tools";
import { z } from "zod";
import type { ListedTool, ServerConnection } from "./connect-server.js";
import { toToolResult } from "./to-tool-result.js";
import { toToolSchema } from "./to-tool-schema.js";

/** Counts for one tool, for telemetry. */
export interface ToolCounts {
  calls: number;
  errors: number;
  repaired: number;
}

export interface McpToolOptions {
  server: string;
  /** The name the model sees (`<server>__<tool>`). */
  name: string;
  listed: ListedTool;
  connection: ServerConnection;
  redact: Redactor;
  callTimeoutMs: number;
  maxOutputChars: number;
  counts: ToolCounts;
}

// The server validates against its own schema; repair already checked the call against it.
const anyArguments = z.looseObject({});

/**
 * One MCP tool as a Bridle tool: asked for like a command under the `mcp` rule group, its
 * server named when asking. A failure of the server (an error result, a protocol error, a dead
 * process, a timeout) is a tool error for the model, never an exception.
 */
export function createMcpTool(options: McpToolOptions): Tool {
  const { server, name, listed, connection, counts } = options;
  const description = (listed.description ?? listed.title ?? "").trim() || `The ${listed.name} tool of the MCP server ${server}.`;
  return {
    name,
    description,
    kind: "execute",
    permissionGroup: "mcp",
    origin: `MCP server ${server}`,
    parameters: anyArguments,
    jsonSchema: toToolSchema(listed.inputSchema),
    async run(args, context) {
      counts.calls += 1;
      if (connection.ended !== undefined) {
        counts.errors += 1;
        return { content: `The MCP server ${server} is not running (${options.redact(connection.ended)}); its tools cannot be used in this session.`, isError: true };
      }
      try {
        const result = await connection.call(listed.name, args as Record<string, unknown>, { signal: context.signal, timeoutMs: options.callTimeoutMs });
        if (result.isError) counts.errors += 1;
        return await toToolResult(result, {
          redact: options.redact,
          maxChars: options.maxOutputChars,
          maxImageBytes: limits.imageBytes,
          fullOutputPath: toolOutputPath(context.sessionDirectory, context.callId, "txt"),
          label: name,
        });
      } catch (error) {
        counts.errors += 1;
        if (context.signal.aborted) return { content: `${name} was cancelled by the user.`, isError: true };
        const message = error instanceof Error ? error.message : String(error);
        return { content: `The MCP server ${server} failed on ${listed.name}: ${options.redact(message)}`, isError: true };
      }
    },
  };
}
