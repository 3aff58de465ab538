import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle config check` and `bridle config schema`. */
export function registerConfigCommand(program: Command, setExitCode: (code: number) => void): void {
  const config = program.command("config").description("Check the configuration or print its JSON Schema.");
  config
    .command("check")
    .description("Validate every config file, preset and plugin option; exit 2 when something is wrong.")
    .action(async () => {
      const { checkConfig } = await import("../actions/config-actions.js");
      setExitCode(await checkConfig(program.opts<GlobalOptions>()));
    });
  config
    .command("schema")
    .description("Print the JSON Schema of the config file, for editors.")
    .action(async () => {
      const { printConfigSchema } = await import("../actions/config-actions.js");
      setExitCode(printConfigSchema());
    });
}
