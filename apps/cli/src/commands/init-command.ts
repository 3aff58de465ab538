import type { Command } from "commander";
import type { InitOptions } from "../actions/init-action.js";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle init`: writes a project config (and its JSON Schema for editors). */
export function registerInitCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("Write bridle.config.json in this directory, optionally extending a preset.")
    .option("--preset <preset>", "a preset to extend: an npm package name or a relative path")
    .option("--model <model>", "the model to use (without it: asked, or detected from the gateways you can use)")
    .option("--gateway <gateway>", "the gateway to use")
    .option("--force", "overwrite an existing bridle.config.json")
    .action(async (options: InitOptions) => {
      const { runInit } = await import("../actions/init-action.js");
      setExitCode(await runInit(program.opts<GlobalOptions>(), options));
    });
}
