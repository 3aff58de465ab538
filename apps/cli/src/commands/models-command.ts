import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** `bridle models` and `bridle models resolve <slug>`. */
export function registerModelsCommand(program: Command, setExitCode: (code: number) => void): void {
  const models = program
    .command("models")
    .description("List canonical models, the gateways that serve them and their windows.")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      // A mistyped subcommand (`models reslove`) arrives here as an argument: say what was meant.
      if (models.args.length > 0) {
        const names = models.commands.map((command) => command.name());
        const { unknownCommandMessage } = await import("./unknown-command-message.js");
        models.error(`${await unknownCommandMessage(models.args[0]!, names)} (models commands: ${names.join(", ")})`, { code: "commander.unknownCommand", exitCode: ExitCode.USAGE });
      }
      const { listModels } = await import("../actions/models-actions.js");
      // `--gateway` is the global option: here it narrows the list to what that gateway serves.
      const global = program.opts<GlobalOptions>();
      setExitCode(await listModels(global, { ...options, ...(global.gateway ? { gateway: global.gateway } : {}) }));
    });

  models
    .command("resolve")
    .description("Show how a model string resolves: canonical id, registry facts, and its slug on each gateway.")
    .argument("<model>", "a model id in any gateway's spelling (--gateway names the gateway it comes from)")
    .option("--json", "print JSON")
    .action(async (input: string, options: { json?: boolean }) => {
      const { resolveModel } = await import("../actions/models-actions.js");
      // `--json` after the subcommand may be parsed as the parent's option: accept either.
      const json = options.json === true || models.opts<{ json?: boolean }>().json === true;
      const global = program.opts<GlobalOptions>();
      setExitCode(await resolveModel(global, input, { json, ...(global.gateway ? { gateway: global.gateway } : {}) }));
    });

  models
    .command("refresh")
    .description("Ask gateways for their model lists and cache windows and slugs (optional: the shipped snapshot works without it).")
    .argument("[gateways...]", "gateways to ask (default: --gateway, else every gateway with a key)")
    .action(async (names: string[]) => {
      const { refreshModels } = await import("../actions/refresh-models.js");
      const global = program.opts<GlobalOptions>();
      const gateway = names.length > 0 ? names : global.gateway ? [global.gateway] : undefined;
      setExitCode(await refreshModels(global, gateway ? { gateway } : {}));
    });
  // Set last: subcommands created after it would inherit it.
  models.allowExcessArguments();
}
