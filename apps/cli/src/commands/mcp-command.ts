import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle mcp list`: starts the configured MCP servers, lists their state and tools, stops them. */
export function registerMcpCommand(program: Command, setExitCode: (code: number) => void): void {
  const mcp = program.command("mcp").description("MCP servers: list them with their state and tools.");
  mcp
    .command("list")
    .description("Start the configured MCP servers, show each one's state, tools and errors, then stop them.")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { listMcpServers } = await import("../actions/mcp-actions.js");
      setExitCode(await listMcpServers(program.opts<GlobalOptions>(), options));
    });
}
