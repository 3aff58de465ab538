import { z } from "zod";

/** Server names become tool-name prefixes, so they use the characters every gateway accepts. */
const SERVER_NAME = /^[a-zA-Z0-9-]+(?:_[a-zA-Z0-9-]+)*$/;
const MAX_SERVER_NAME = 32;

const stringMap = z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, "names use letters, digits, _ . -"), z.string());

/**
 * One MCP server: `command` (with `args`, `env`, `cwd`) for a process speaking stdio, or `url`
 * (with `headers`) for streamable HTTP, falling back to SSE where the server only has that.
 * Values of `args`, `env`, `headers` and `url` may name environment variables as `${NAME}` (or
 * `${NAME:-default}`); the values are read at start and never written anywhere.
 */
export const mcpServerSchema = z
  .object({
    command: z.string().min(1).optional().describe("Program to start (stdio), e.g. npx or node."),
    args: z.array(z.string()).optional().describe("Its arguments; ${NAME} reads an environment variable."),
    env: stringMap.optional().describe("Environment variables for it, on top of a minimal safe set; values may be ${NAME}."),
    cwd: z.string().min(1).optional().describe("Folder it starts in; the workspace by default."),
    url: z.string().url().optional().describe("Streamable HTTP (or SSE) endpoint, e.g. https://example.com/mcp."),
    headers: stringMap.optional().describe("HTTP headers for it; values may be ${NAME}, e.g. \"Bearer ${GITHUB_TOKEN}\"."),
    enabled: z.boolean().optional().describe("Start this server (default true)."),
    startTimeoutMs: z.number().int().positive().optional().describe("How long it may take to start and list its tools."),
  })
  .strict()
  .superRefine((server, context) => {
    if (server.command === undefined && server.url === undefined) {
      context.addIssue({ code: "custom", message: "needs either command (a stdio server) or url (an HTTP server)" });
    }
    if (server.command !== undefined && server.url !== undefined) {
      context.addIssue({ code: "custom", message: "has both command and url; a server is either stdio (command) or HTTP (url)" });
    }
    const httpOnly = server.command !== undefined && server.headers !== undefined;
    if (httpOnly) context.addIssue({ code: "custom", path: ["headers"], message: "headers apply to HTTP servers (url) only" });
    for (const key of ["args", "env", "cwd"] as const) {
      if (server.url !== undefined && server[key] !== undefined) {
        context.addIssue({ code: "custom", path: [key], message: `${key} applies to stdio servers (command) only` });
      }
    }
  });

/** An MCP server's settings as written in a config file. */
export type McpServerConfig = z.infer<typeof mcpServerSchema>;

/** The top-level `mcp` key: servers by name. The name prefixes each of its tools (`<name>__<tool>`). */
export const mcpConfigSchema = z
  .record(z.string(), z.union([mcpServerSchema, z.boolean()]))
  .superRefine((servers, context) => {
    // Checked here rather than as the record's key schema, whose failure hides the message.
    for (const name of Object.keys(servers)) {
      if (name.length > MAX_SERVER_NAME) context.addIssue({ code: "custom", path: [name], message: `server names have at most ${MAX_SERVER_NAME} characters` });
      else if (!SERVER_NAME.test(name)) {
        context.addIssue({ code: "custom", path: [name], message: "server names use letters, digits, - and single _ (they prefix tool names as <server>__<tool>)" });
      }
    }
  })
  .describe("MCP servers by name: { command, args, env } for stdio or { url, headers } for HTTP; true/false turns one on or off.");
