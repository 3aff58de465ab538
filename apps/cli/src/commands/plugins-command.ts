import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle plugins`: each plugin, enabled or not, and which config file decided it. */
export function registerPluginsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("plugins")
    .description("List plugins, whether each is enabled, and which config file decided it.")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { listPlugins } = await import("../actions/config-actions.js");
      setExitCode(await listPlugins(program.opts<GlobalOptions>(), options));
    });
}
