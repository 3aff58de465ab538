import { definePlugin, Stage } from "@bridle/core";
import { limits } from "@bridle/tools";
import { z } from "zod";
import { McpToolSource } from "./mcp-tool-source.js";

/** Options under `plugins.mcp`; the servers themselves are the top-level `mcp` key. */
export const mcpPluginOptionsSchema = z.object({
  startTimeoutMs: z.number().int().positive().default(30_000).describe("How long a server may take to start and list its tools before it is reported as failed."),
  callTimeoutMs: z.number().int().positive().default(limits.bashDefaultTimeoutMs).describe("How long one tool call may take."),
  maxOutputChars: z.number().int().positive().default(limits.bashOutputChars).describe("Characters of a tool result the model sees before the middle is cut (as for built-in tools)."),
});

/**
 * MCP servers' tools. Registers the `mcp` tool source (started by the session, its tools frozen
 * for it) and taps `onToolCall` (OBSERVE) to count repaired calls per server and tool.
 */
export const mcpPlugin = definePlugin({
  name: "mcp",
  description: "Offers the tools of configured MCP servers (stdio and streamable HTTP) under the tool-call contract.",
  options: mcpPluginOptionsSchema,
  apply(kernel, options) {
    const source = new McpToolSource(options, (event) => kernel.emit(event));
    kernel.toolSources.register(source);
    kernel.hooks.onToolCall.tapPromise({ name: "mcp", stage: Stage.OBSERVE }, async (event) => {
      if (event.status === "runnable" && event.repairs.length > 0) for (const call of event.calls) source.countRepaired(call.name);
      return event;
    });
  },
});
