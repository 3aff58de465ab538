import type { ToolSourceEntry } from "@bridle/core";
import type { Report, RowTone } from "./report.js";

const TONES: Record<ToolSourceEntry["state"], RowTone> = {
  ready: "normal",
  starting: "dim",
  disabled: "dim",
  closed: "dim",
  untrusted: "warn",
  failed: "error",
};

/**
 * `/mcp` and `bridle mcp list`: each MCP server with its transport, state and tools (and, once
 * tools were called, calls, errors and repaired calls per tool), and why a server is not up.
 */
export function mcpReport(servers: readonly ToolSourceEntry[]): Report {
  if (servers.length === 0) {
    return { title: "mcp · no servers configured", rows: [], notes: ['add servers under "mcp" in ~/.config/bridle/config.json, e.g. { "mcp": { "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] } } }'] };
  }
  const ready = servers.filter((server) => server.state === "ready");
  const toolCount = servers.reduce((sum, server) => sum + server.tools.length, 0);
  const rows = servers.flatMap((server) => [
    { cells: [server.name, server.transport, server.state, `${server.tools.length} tool${server.tools.length === 1 ? "" : "s"}`, server.error ?? ""], tone: TONES[server.state] },
    ...server.tools.map((tool) => {
      const counts = server.calls?.[tool];
      const used = counts && counts.calls + counts.repaired > 0 ? `${counts.calls} calls, ${counts.errors} failed, ${counts.repaired} repaired` : "";
      return { cells: [`  ${tool}`, "", "", "", used], tone: "dim" as const };
    }),
  ]);
  return {
    title: `mcp · ${ready.length} of ${servers.length} server${servers.length === 1 ? "" : "s"} ready · ${toolCount} tool${toolCount === 1 ? "" : "s"}`,
    columns: ["server", "transport", "state", "tools", "notes"],
    rows,
    notes: ['tools are asked for like commands; allow one with "mcp(<server>__<tool>)" or a server with "mcp(<server>__*)" under permissions.allow'],
  };
}
