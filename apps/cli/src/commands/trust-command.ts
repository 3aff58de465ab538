import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** Options of `bridle trust`. */
export interface TrustOptions {
  list?: boolean;
  revoke?: boolean;
}

/** `bridle trust [dir]`, `bridle trust --list`, `bridle trust --revoke [dir]`. */
export function registerTrustCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("trust")
    .description("Trust a folder so its bridle.config.json applies in full (gateways, plugins, presets, permissions); remembered in your user config.")
    .argument("[dir]", "the folder to trust; default: the one holding the project config found from here, else this one")
    .option("--list", "list trusted and declined folders")
    .option("--revoke", "stop trusting the folder")
    .action(async (directory: string | undefined, options: TrustOptions) => {
      const { runTrust } = await import("../actions/trust-actions.js");
      setExitCode(runTrust(directory, options, program.opts<GlobalOptions>()));
    });
}
